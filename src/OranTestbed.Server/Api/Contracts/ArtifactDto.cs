using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>An evidence file of an execution and where to download it.</summary>
public sealed record ArtifactDto(string Kind, string Name, string Sha256, long Size, string Href)
{
    public static ArtifactDto Of(ArtifactRef a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ArtifactDto(a.Kind.ToName(), a.Name, a.Sha256, a.Size, ApiPaths.Artifact(a.Sha256));
    }
}
