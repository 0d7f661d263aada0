namespace OranTestbed.Analysis.SPlane;

/// <summary>One scalar limit judged: rule id, the limit and the measured magnitude (ns).</summary>
public sealed record TimeErrorCheck(string RuleId, string Metric, double LimitNanoseconds, double Nanoseconds, bool Pass);
