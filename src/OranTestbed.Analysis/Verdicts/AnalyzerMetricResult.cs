namespace OranTestbed.Analysis.Verdicts;

/// <summary>One analyzer metric of a case: what was measured (null when it could not be, see <see cref="Note"/>) and its verdict.</summary>
public sealed record AnalyzerMetricResult(string MetricId, decimal? Measured, string Threshold, Verdict Verdict, string? Note);
