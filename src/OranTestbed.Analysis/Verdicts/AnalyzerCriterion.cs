namespace OranTestbed.Analysis.Verdicts;

/// <summary>A case's pass criterion on an analyzer metric (<see cref="AnalyzerMetrics"/>): the id, the criterion as
/// written (<c>&lt;= 0</c>) and the test it stands for.</summary>
public sealed record AnalyzerCriterion(string MetricId, string Threshold, Func<decimal, bool> IsMet);
