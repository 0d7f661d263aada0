namespace OranTestbed.Analysis.SPlane;

/// <summary>Counts, first/last capture time and sequenceId continuity of one message type from one clock port.</summary>
internal struct PtpMessageStats
{
    public long Count;
    public long FirstTimestamp;
    public long LastTimestamp;
    public long LastFrame;
    public ushort LastSequenceId;
    public long Gaps;
    public long Missing;
}
