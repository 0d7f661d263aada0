using System.Globalization;

namespace OranTestbed.TestSupport.Live;

/// <summary>Frames forwarded and dropped in one direction, the configured hold, and the delay each frame actually had
/// in the relay (receive to send), ns; the same mean for the PTP event messages alone (Sync, Delay_Req, Pdelay_*).</summary>
public sealed record RelayDirection(long Forwarded, long Dropped, long HoldNs, long MeanNs, long P50Ns, long P99Ns,
    long MaxNs, long PtpEventFrames, long PtpEventMeanNs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Forwarded} frames ({Dropped} dropped), hold {HoldNs} ns, in relay mean {MeanNs} p50 {P50Ns} p99 {P99Ns} max {MaxNs} ns, PTP event messages ({PtpEventFrames}) mean {PtpEventMeanNs} ns");
}
