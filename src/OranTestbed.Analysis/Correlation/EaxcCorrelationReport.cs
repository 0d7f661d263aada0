namespace OranTestbed.Analysis.Correlation;

/// <summary>The C/U-plane correlation counts of one eAxC (both directions).</summary>
public sealed record EaxcCorrelationReport(ushort Eaxc, CorrelationCounts Counts);
