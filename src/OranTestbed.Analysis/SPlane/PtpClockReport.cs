using System.Collections.Immutable;
using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// One clock port in one domain: the grandmaster and clockClass of its Announce messages (null without Announce),
/// the clockClass changes (<see cref="ClockClassChangeCount"/> counts all, <see cref="ClockClassChanges"/> keeps the
/// first ones), rates, sequenceId gaps over Sync, Follow_Up, Delay_Req and Announce (Delay_Resp copies its requester's
/// sequenceId, IEEE 1588-2019 §11.3.2, so it has none of its own), and two-step Sync/Follow_Up messages left unpaired.
/// </summary>
public sealed record PtpClockReport(
    PtpPortIdentity PortIdentity,
    byte Domain,
    long Messages,
    ulong? GrandmasterIdentity,
    byte? ClockClass,
    long ClockClassChangeCount,
    ImmutableArray<PtpClockClassChange> ClockClassChanges,
    PtpRates Rates,
    long SequenceGaps,
    long SequenceMissing,
    long UnpairedSync,
    long UnpairedFollowUp)
{
    /// <summary>The two-way time error at the tap when this port is a master (issue 17); not evaluated otherwise.</summary>
    public TimeErrorReport TimeError { get; init; } = TimeErrorReport.NotMaster;
}
