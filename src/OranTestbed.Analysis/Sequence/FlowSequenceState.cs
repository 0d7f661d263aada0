namespace OranTestbed.Analysis.Sequence;

/// <summary>Mutable per-flow state of <see cref="SequenceTracker"/> (about 130 bytes, stored in page arrays).</summary>
internal struct FlowSequenceState
{
    public bool Seen;
    public bool Started;

    /// <summary>The next sequence id expected.</summary>
    public byte Expected;

    /// <summary>Ids received, valid for the 128 ids behind <see cref="Expected"/>; the 128 ahead are kept clear.</summary>
    public SequenceWindow Received;

    /// <summary>Ids counted lost, same window; a late arrival of one of them takes the loss back.</summary>
    public SequenceWindow CountedLost;

    public long Messages;
    public long Lost;
    public long Duplicate;
    public long OutOfOrder;
    public long FragmentsIncomplete;

    /// <summary>Observation stamp of the last message, to attribute an orphan continuation fragment to a direction.</summary>
    public long LastObserved;

    /// <summary>A fragmented message is being received: its seqId, next subsequence id, and first frame.</summary>
    public bool FragmentOpen;
    public byte FragmentSequenceId;
    public byte NextSubsequenceId;
    public long FragmentFrame;

    /// <summary>The message with this seqId was already reported incomplete: its further fragments are not counted again.</summary>
    public bool BrokenValid;
    public byte BrokenSequenceId;
}
