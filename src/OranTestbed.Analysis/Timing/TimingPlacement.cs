namespace OranTestbed.Analysis.Timing;

/// <summary>
/// Whether the C/U-plane messages of a capture could be placed in air time at all: <see cref="Placed"/> were resolved
/// within <see cref="TimingWindowChecker.FrameIdMismatchNs"/> of their air time; <see cref="FrameIdMismatch"/> were not
/// (the frameId disagrees with the timestamp); <see cref="TimestampOutOfRange"/> carry a timestamp outside 1972..2199
/// (a relative-time capture starting at 1970). When most messages cannot be placed, the capture clock is the suspect,
/// not the equipment: <see cref="IsSystematic"/>, and <see cref="Hint"/> says how to fix it when a clock setting explains
/// the offset (a TAI or GPS clock read as UTC, a leap second).
/// </summary>
public sealed record TimingPlacement(long Placed, long FrameIdMismatch, long TimestampOutOfRange, string? Hint)
{
    public static TimingPlacement None { get; } = new(0, 0, 0, null);

    /// <summary>Messages whose air time could not be placed next to their timestamp.</summary>
    public long Unplaceable => FrameIdMismatch + TimestampOutOfRange;

    /// <summary>True when at least half of the messages timed could not be placed: a clock problem, not a message defect.</summary>
    public bool IsSystematic => Unplaceable > 0 && Unplaceable >= Placed;
}
