namespace OranTestbed.Analysis.SPlane;

/// <summary>A mask judged at one observation interval: the limit there, what was measured, and whether it holds.</summary>
public readonly record struct TimeErrorMaskPoint(double TauSeconds, double LimitNanoseconds, double Nanoseconds, bool Pass);
