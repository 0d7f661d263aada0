using System.Collections.Immutable;

namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// The C/U-plane correlation part of a report: totals, per eAxC (ascending), the C-plane sections that did not fit the
/// per-slot bound (<see cref="SectionOverflow"/>), the memory horizon the correlation used and its capture-start
/// allowance.
/// </summary>
public sealed record CorrelationReport(CorrelationCounts Totals, ImmutableArray<EaxcCorrelationReport> PerEaxc,
    long SectionOverflow, long HorizonNs)
{
    /// <summary>
    /// How long after the capture's first C-plane or U-plane message DL U-plane without C-plane of its slot counts as
    /// not evaluated (<see cref="CorrelationCounts.DlNotEvaluatedAtStart"/>) instead of orphan.
    /// </summary>
    public long CaptureStartAllowanceNs { get; init; }

    public static CorrelationReport Empty { get; } = new(CorrelationCounts.Zero, [], 0, CUPlaneCorrelator.DefaultHorizonNs)
    {
        CaptureStartAllowanceNs = CUPlaneCorrelator.DefaultCaptureStartAllowanceNs,
    };
}
