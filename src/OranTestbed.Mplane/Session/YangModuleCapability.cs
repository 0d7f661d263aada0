using System.Collections.Immutable;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// A YANG module a server advertises in its hello (RFC 6020 §5.6.4): the capability URI is the module's namespace and
/// its query says <c>module=</c>, <c>revision=</c>, <c>features=</c> and <c>deviations=</c>. Every result records these,
/// because O-RAN modules change yearly and a verdict is only meaningful with the revisions it was reached against.
/// </summary>
/// <param name="Namespace">The module's XML namespace (the URI without its query), e.g. <c>urn:o-ran:uplane-conf:1.0</c>.</param>
/// <param name="Module">The module name, e.g. <c>o-ran-uplane-conf</c>.</param>
/// <param name="Revision">The revision date as advertised (<c>2024-12-23</c>), or null when the server gave none.</param>
/// <param name="Features">The features the server supports, in advertised order.</param>
/// <param name="Deviations">The modules that deviate this one.</param>
public sealed record YangModuleCapability(
    string Namespace,
    string Module,
    string? Revision,
    ImmutableArray<string> Features,
    ImmutableArray<string> Deviations)
{
    /// <summary>The module of a capability URI, or null when the URI names no module (base and protocol capabilities).</summary>
    public static YangModuleCapability? TryParse(string capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        int question = capability.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        string? module = null;
        string? revision = null;
        var features = ImmutableArray<string>.Empty;
        var deviations = ImmutableArray<string>.Empty;
        foreach (string pair in capability[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            string value = Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (pair[..equals])
            {
                case "module":
                    module = value;
                    break;
                case "revision":
                    revision = value.Length == 0 ? null : value;
                    break;
                case "features":
                    features = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "deviations":
                    deviations = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                default:
                    break;
            }
        }

        return string.IsNullOrEmpty(module) ? null : new YangModuleCapability(capability[..question], module, revision, features, deviations);
    }

    /// <summary>Whether the server announced <paramref name="feature"/> for this module.</summary>
    public bool HasFeature(string feature) => Features.Contains(feature, StringComparer.Ordinal);
}
