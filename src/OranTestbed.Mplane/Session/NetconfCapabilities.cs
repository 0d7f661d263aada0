using System.Collections.Immutable;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// What one side advertised in its hello (RFC 6241 §8): every capability URI as sent, and the YANG modules parsed from
/// them. The base capabilities are asked for by their short RFC name (<c>:candidate</c>, <c>:xpath</c>), so callers
/// need not spell <c>urn:ietf:params:netconf:capability:candidate:1.0</c> and a server advertising version 1.1 of a
/// capability still satisfies a check for it.
/// </summary>
public sealed class NetconfCapabilities
{
    /// <summary>RFC 6241 §8.1: end-of-message framing.</summary>
    public const string Base10 = "urn:ietf:params:netconf:base:1.0";

    /// <summary>RFC 6241 §8.1: chunked framing once both sides advertise it.</summary>
    public const string Base11 = "urn:ietf:params:netconf:base:1.1";

    private const string CapabilityPrefix = "urn:ietf:params:netconf:capability:";

    private readonly ImmutableHashSet<string> _withoutQuery;

    public NetconfCapabilities(IEnumerable<string> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        All = [.. capabilities];
        _withoutQuery = All.Select(WithoutQuery).ToImmutableHashSet(StringComparer.Ordinal);
        Modules = [.. All.Select(YangModuleCapability.TryParse).OfType<YangModuleCapability>()];
    }

    /// <summary>Every capability URI, in advertised order.</summary>
    public ImmutableArray<string> All { get; }

    /// <summary>The YANG modules (capabilities with a <c>module=</c> query).</summary>
    public ImmutableArray<YangModuleCapability> Modules { get; }

    public bool Candidate => Supports(":candidate");

    public bool Validate => Supports(":validate");

    public bool Startup => Supports(":startup");

    public bool XPath => Supports(":xpath");

    public bool Notification => Supports(":notification");

    public bool Interleave => Supports(":interleave");

    public bool WritableRunning => Supports(":writable-running");

    public bool ConfirmedCommit => Supports(":confirmed-commit");

    public bool RollbackOnError => Supports(":rollback-on-error");

    /// <summary>
    /// Whether a capability was advertised: a short name (<c>:candidate</c>, optionally with a version,
    /// <c>:confirmed-commit:1.1</c>) matches the IETF capability URI of any version (or that version), anything else
    /// must equal a whole URI (its query ignored).
    /// </summary>
    public bool Supports(string capability)
    {
        ArgumentException.ThrowIfNullOrEmpty(capability);
        if (!capability.StartsWith(':'))
        {
            return _withoutQuery.Contains(WithoutQuery(capability));
        }

        string name = CapabilityPrefix + capability[1..];
        bool versioned = capability.Count(c => c == ':') > 1;
        foreach (string uri in _withoutQuery)
        {
            if (versioned ? uri == name : uri.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The advertised module named <paramref name="module"/>, or null.</summary>
    public YangModuleCapability? FindModule(string module) =>
        Modules.FirstOrDefault(m => string.Equals(m.Module, module, StringComparison.Ordinal));

    private static string WithoutQuery(string uri)
    {
        int question = uri.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? uri : uri[..question];
    }
}
