namespace OranTestbed.Emulation.Live;

/// <summary>
/// What a live sender did: frames and bytes sent, and how well it kept time: the largest lateness of a send after
/// its frame's timestamp, and how many frames left more than <see cref="LateThresholdNs"/> late (the host could not
/// keep up, so the capture shows the host's timing, not the personality's).
/// </summary>
public sealed record LiveSendStatistics(long Frames, long Bytes, long MaxLatenessNs, long LateFrames)
{
    public const long LateThresholdNs = 200_000;
}
