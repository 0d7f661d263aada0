namespace OranTestbed.Analysis.Timing;

/// <summary>One non-empty 1 µs histogram bin: offsets (packet − air time) in [<paramref name="BinUs"/>, +1 µs).</summary>
public readonly record struct HistogramBin(int BinUs, long Count);
