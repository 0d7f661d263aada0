namespace OranTestbed.Analysis.SPlane;

/// <summary>An Announce whose grandmaster clockClass differs from the previous Announce of the same clock port.</summary>
/// <param name="TimestampNanoseconds">Capture time of the Announce that carries <paramref name="To"/>.</param>
/// <param name="FrameNumber">Its frame number in the capture.</param>
public readonly record struct PtpClockClassChange(byte From, byte To, long TimestampNanoseconds, long FrameNumber);
