namespace OranTestbed.Results.Readiness;

/// <summary>
/// Why a case keeps a combination from being ready: the case, the metric when one is to blame (null for a verdict
/// without a failing metric, e.g. an ERROR), what was measured against which threshold, and the result it comes from.
/// </summary>
public sealed record ReadinessFinding(string CaseId, string? MetricId, string Text, string RunId, string ExecutionId);
