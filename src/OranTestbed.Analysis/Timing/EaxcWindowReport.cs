namespace OranTestbed.Analysis.Timing;

/// <summary>The statistics of one eAxC in one window.</summary>
public sealed record EaxcWindowReport(ushort Eaxc, OffsetSummary Offsets);
