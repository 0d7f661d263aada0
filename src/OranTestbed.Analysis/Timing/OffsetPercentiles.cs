namespace OranTestbed.Analysis.Timing;

/// <summary>Nearest-rank percentiles of packet − air time in µs at 1 µs resolution (see the histogram remarks).</summary>
public sealed record OffsetPercentiles(double P50Us, double P90Us, double P99Us, double P999Us);
