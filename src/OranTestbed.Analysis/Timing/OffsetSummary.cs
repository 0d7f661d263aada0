namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Counts and statistics of packet − air time (µs; negative = before air time) for one window or one window and eAxC.
/// Min, mean, max and percentiles are null when no message was classified.
/// </summary>
public sealed record OffsetSummary(long Early, long OnTime, long Late, double? MinUs, double? MeanUs, double? MaxUs,
    OffsetPercentiles? Percentiles)
{
    public long Total => Early + OnTime + Late;
}
