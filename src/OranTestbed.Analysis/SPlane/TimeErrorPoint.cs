namespace OranTestbed.Analysis.SPlane;

/// <summary>A metric at one observation interval: MTIE or TDEV (ns) at τ (s).</summary>
public readonly record struct TimeErrorPoint(double TauSeconds, double Nanoseconds);
