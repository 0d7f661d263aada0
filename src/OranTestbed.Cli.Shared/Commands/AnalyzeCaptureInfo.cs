using OranTestbed.Capture.Live;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// How the traffic of an <c>analyze</c> run was obtained and whether all of it was seen: the <c>capture</c> object of
/// the JSON report. <see cref="Health"/> is set in live mode only (libpcap and consumer drops); <see cref="Error"/> is
/// the read failure that cut the input short (truncated file, interface gone), when there was one.
/// </summary>
internal sealed record AnalyzeCaptureInfo(string Mode, string Source, string? NetworkNamespace, string? Filter,
    long FramesRead, CaptureHealth? Health, string? Error, bool LimitedByDuration, TimeSpan Elapsed)
{
    /// <summary>False when frames are known to be missing: a read error, or live drops / unreadable kernel counters.</summary>
    public bool Complete => Error is null && (Health is null || Health.IsLossless);
}
