using System.Collections.Immutable;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// <c>driver: {netconf: ...}</c>: real equipment driven over the O-RAN M-plane (NETCONF over SSH, RFC 6241/6242):
/// the orchestrator connects to <see cref="Host"/>:<see cref="Port"/> as <see cref="User"/> (or, with
/// <see cref="CallHome"/>, waits for the O-RU to call home on port 4334, RFC 8071), configures it from the execution's
/// fronthaul profile, supervises it and reads its counters. Credentials are given by reference only (an environment
/// variable or a key file): a plan is shared and versioned, a secret never belongs in it.
/// </summary>
public sealed record NetconfDriver(string? Host, int Port, string User, NetconfCredentials Credentials, NetconfHostKey HostKey)
    : DeviceDriver
{
    /// <summary>The IANA port of NETCONF over SSH (RFC 6242 §3).</summary>
    public const int DefaultPort = 830;

    /// <summary>The port an O-RU calls home to (RFC 8071 §3.1).</summary>
    public const int CallHomePort = 4334;

    /// <summary>Wait for the O-RU to call home (on <see cref="Port"/>, 4334 unless given) instead of connecting to it.</summary>
    public bool CallHome { get; init; }

    /// <summary>How long one RPC may take before the step fails.</summary>
    public TimeSpan RpcTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The supervision watchdog interval the O-DU asks for (O-RAN M-plane §6.3, default 60 s).</summary>
    public TimeSpan SupervisionInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The O-RU's other accounts by name (NACM groups such as fm-pm or nms), for access-control checks.</summary>
    public ImmutableSortedDictionary<string, NetconfAccount> Accounts { get; init; } =
        ImmutableSortedDictionary<string, NetconfAccount>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Where it is, for messages: <c>user@host:port</c> or <c>user@(call home on 4334)</c>; never a secret.</summary>
    public string Describe() => CallHome ? $"{User}@(call home on {Port})" : $"{User}@{Host}:{Port}";
}
