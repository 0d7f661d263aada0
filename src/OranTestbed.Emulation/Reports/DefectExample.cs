namespace OranTestbed.Emulation.Reports;

/// <summary>Where a defect was injected: the frame's number in the emitted stream (1-based; 0 when unnumbered) and its timestamp.</summary>
public readonly record struct DefectExample(long FrameNumber, long TimestampNanoseconds);
