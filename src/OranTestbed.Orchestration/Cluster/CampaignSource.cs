using System.Security.Cryptography;
using System.Text;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// The campaign a run executes, as its file's text: an agent expands it against its own copy of the plan (the campaign
/// file itself may live outside the plan directory, so its id alone would not do).
/// </summary>
public sealed record CampaignSource(string Id, string Yaml)
{
    /// <summary>Identifies this text (two runs of the same campaign id may differ, e.g. a quicker capture duration).</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Yaml)))[..16];

    public static CampaignSource FromFile(string path) =>
        new(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
}
