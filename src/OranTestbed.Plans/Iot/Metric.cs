namespace OranTestbed.Plans.Iot;

/// <summary>A measurement of a case and its pass criterion (an operator profile may set a stricter one).</summary>
public sealed record Metric(string Id, string Description, MetricUnit Unit, MetricSource Source, MetricThreshold Threshold);
