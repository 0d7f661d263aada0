using OranTestbed.Analysis.Reports;

namespace OranTestbed.Orchestration.Capture;

/// <summary>The analysis of a capture (its verdict already judged with what the capture missed, see
/// <see cref="AnalysisReport.Completeness"/>) and the capture file kept as evidence (null when none was written).</summary>
public sealed record CaptureResult(AnalysisReport Report, string? CaptureFile);
