using System.Collections.Immutable;

namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// The C/U-plane correlation part of a report: totals, per eAxC (ascending), the C-plane sections that did not fit the
/// per-slot bound (<see cref="SectionOverflow"/>) and the memory horizon the correlation used.
/// </summary>
public sealed record CorrelationReport(CorrelationCounts Totals, ImmutableArray<EaxcCorrelationReport> PerEaxc,
    long SectionOverflow, long HorizonNs)
{
    public static CorrelationReport Empty { get; } = new(CorrelationCounts.Zero, [], 0, CUPlaneCorrelator.DefaultHorizonNs);
}
