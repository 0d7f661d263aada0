namespace OranTestbed.Analysis.Reports;

/// <summary>
/// Frames by kind: <see cref="CPlane"/>, <see cref="UPlane"/>, <see cref="Ptp"/> and <see cref="Other"/> partition
/// <see cref="Total"/> (an eCPRI frame is classified by its first message: type 2 C-plane, type 0 U-plane, other types
/// and unreadable eCPRI headers are other); <see cref="Malformed"/> counts frames of any kind the decoder rejected.
/// </summary>
public sealed record PacketCounts(long Total, long CPlane, long UPlane, long Ptp, long Other, long Malformed)
{
    /// <summary>C-plane and U-plane frames: the fronthaul traffic a verdict needs.</summary>
    public long Fronthaul => CPlane + UPlane;
}
