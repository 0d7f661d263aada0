using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// What <see cref="PtpAnalyzer"/> collects for the time error of one PTP master port in one domain: one-way samples at
/// the tap, in units of 2^-16 ns (correctionField's own unit), relative to the capture clock as it stands (the time
/// scale is settled at the end, <see cref="TimeErrorAnalysis"/>). Allocated on the port's first Sync or Delay_Resp.
/// </summary>
internal sealed class TimeErrorState
{
    /// <summary>forward = t_tap(Sync) − (originTimestamp + correctionField(s)), at t_tap(Sync).</summary>
    public TimeErrorSamples Forward { get; } = new();

    /// <summary>reverse = (receiveTimestamp − correction added after the tap) − t_tap(Delay_Req), at t_tap(Delay_Req).</summary>
    public TimeErrorSamples Reverse { get; } = new();

    /// <summary>Two-step Syncs awaiting their Follow_Up (tap time, Sync correctionField).</summary>
    public PendingHalves Syncs { get; } = new();

    /// <summary>Follow_Ups that came before their Sync (reordered): preciseOriginTimestamp, Follow_Up correctionField.</summary>
    public PendingHalves FollowUps { get; } = new();

    public long SyncsWithoutFollowUp;
    public long FollowUpsWithoutSync;
    public long DelayRespWithoutRequest;
    public long Duplicates;

    /// <summary>sequenceId of the last Sync whose forward sample was taken (a repeat of it is a duplicate).</summary>
    public int LastCompletedSequence = -1;
    public long OutOfRange;

    /// <summary>logMessageInterval of the latest Sync (log2 s); 0x7F when none.</summary>
    public sbyte LogSyncInterval = 0x7F;

    public bool HasAnnounce;
    public ushort AnnounceFlags;
    public short CurrentUtcOffset;

    /// <summary>A PTP timestamp in units of 2^-16 ns.</summary>
    public static Int128 Units(PtpTimestamp t) =>
        (((Int128)t.Seconds * PtpTimestamp.NanosecondsPerSecond) + t.Nanoseconds) << 16;
}
