using OranTestbed.Analysis.Reports;

namespace OranTestbed.Orchestration.Capture;

/// <summary>The analysis of a capture, the capture file kept as evidence (null when none was written), and whether
/// the capture saw everything (false when the capture dropped frames: the verdict can then not be PASS).</summary>
public sealed record CaptureResult(AnalysisReport Report, string? CaptureFile, bool Lossless);
