using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Mplane;

/// <summary>What an emulated O-RU's M-plane server needs: its personality, its YANG modules, a clock and logs.</summary>
public sealed record MplaneServerOptions
{
    /// <summary>The default time an activated carrier stays BUSY before READY (PA ramp-up of an emulated product).</summary>
    public static readonly TimeSpan DefaultReadyDelay = TimeSpan.FromMilliseconds(200);

    public required Personality Personality { get; init; }

    public required YangCatalog Yang { get; init; }

    /// <summary>The clock of every timer (supervision, carrier activation, measurements); a fake one in specs.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// The user of sessions served without one of their own (changed-by, netconf-state, its NACM account): under sshd the
    /// SSH user, whom the subsystem runs as.
    /// </summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>
    /// NACM accounts (RFC 8341): user name → group (<see cref="NacmGroups"/>: sudo, smo, hybrid-odu, nms, fm-pm, swm).
    /// Empty (the default): NACM is off and every user is sudo. Given: each session gets its user's group
    /// (<see cref="NacmPrivileges"/>); a user not listed is in no group (reads allowed, writes refused).
    /// </summary>
    public ImmutableDictionary<string, string> Accounts { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The first session id handed out (RFC 6241: non-zero).</summary>
    public uint FirstSessionId { get; init; } = 1;

    /// <summary>BUSY → READY delay of a clean product (a <c>mplane-late-ready</c> defect replaces it).</summary>
    public TimeSpan ReadyDelay { get; init; } = DefaultReadyDelay;

    /// <summary>
    /// The O-RU's cumulative reception counters when a fronthaul emulator feeds it (e.g. from
    /// <c>RxWindowCounts.From(ReceptionCounters)</c>); null: the nominal model of <see cref="MeasurementReporter"/>.
    /// </summary>
    public Func<RxWindowCounts>? ReceptionFeed { get; init; }
}
