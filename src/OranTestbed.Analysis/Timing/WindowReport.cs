using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Timing;

/// <summary>
/// One delay window over a whole analysis. When <see cref="Checked"/> is false, <see cref="Reason"/> says why (the
/// profile lacks a bound, the tap is unknown) and the counts are zero.
/// </summary>
/// <param name="Limits">The on-time range of packet − air time (ns); null when not checked.</param>
/// <param name="Histogram">Non-empty 1 µs bins relative to air time, with <paramref name="Underflow"/> and
/// <paramref name="Overflow"/> counting offsets outside the histogram range.</param>
public sealed record WindowReport(DelayWindow Window, bool Checked, string? Reason, WindowLimits? Limits,
    OffsetSummary Offsets, ImmutableArray<HistogramBin> Histogram, long Underflow, long Overflow,
    ImmutableArray<EaxcWindowReport> PerEaxc)
{
    /// <summary>The report name (<c>t2a-cp-dl</c>, …).</summary>
    public string Name => TimingWindows.Name(Window);
}
