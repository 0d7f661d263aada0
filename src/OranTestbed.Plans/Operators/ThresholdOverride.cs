using OranTestbed.Plans.Iot;

namespace OranTestbed.Plans.Operators;

/// <summary>An operator's own criterion for one metric of one case, replacing the case's.</summary>
public sealed record ThresholdOverride(string CaseId, string MetricId, MetricThreshold Threshold);
