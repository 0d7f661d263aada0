using System.Collections.Immutable;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// The S-plane part of an analysis: every clock port seen (up to <see cref="PtpAnalyzerOptions.MaxClocks"/>; messages
/// of further clocks are counted in <see cref="Untracked"/>), and whether any rate could be judged (else
/// <see cref="NotEvaluatedReason"/> says why).
/// </summary>
public sealed record PtpReport(long Messages, long Untracked, ImmutableArray<PtpClockReport> Clocks, bool Evaluated,
    string? NotEvaluatedReason)
{
    public static PtpReport Empty { get; } = new(0, 0, [], false, "no PTP traffic");

    /// <summary>The profile's time-error limits the clocks were judged against; null = reported, not judged.</summary>
    public Fronthaul.Profiles.TimeErrorLimits? TimeErrorLimits { get; init; }
}
