namespace OranTestbed.Capture.Files;

/// <summary>Running totals over the frames a reader delivered (or a writer wrote).</summary>
/// <param name="Frames">Frames delivered.</param>
/// <param name="CapturedBytes">Sum of captured lengths.</param>
/// <param name="WireBytes">Sum of original (wire) lengths.</param>
/// <param name="SnappedFrames">Frames whose captured length is below the wire length.</param>
/// <param name="FirstTimestampNanoseconds">Timestamp of the first frame; 0 when there is none.</param>
/// <param name="LastTimestampNanoseconds">Timestamp of the last frame; 0 when there is none.</param>
public readonly record struct CaptureSummary(
    long Frames,
    long CapturedBytes,
    long WireBytes,
    long SnappedFrames,
    long FirstTimestampNanoseconds,
    long LastTimestampNanoseconds)
{
    /// <summary>Last minus first timestamp; 0 for fewer than two frames.</summary>
    public long DurationNanoseconds => Frames > 1 ? LastTimestampNanoseconds - FirstTimestampNanoseconds : 0;
}
