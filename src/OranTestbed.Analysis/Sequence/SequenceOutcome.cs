namespace OranTestbed.Analysis.Sequence;

/// <summary>How one eCPRI message (or fragment) fits its flow's sequence; see <see cref="SequenceTracker"/>.</summary>
public enum SequenceOutcome : byte
{
    /// <summary>The first message of the flow: it sets the expected sequence id.</summary>
    First = 0,

    /// <summary>seqId was the expected one.</summary>
    InOrder,

    /// <summary>seqId was 1..127 ahead of the expected one: that many messages are missing; this one is in order.</summary>
    Lost,

    /// <summary>seqId was already received within the last 128 ids.</summary>
    Duplicate,

    /// <summary>seqId is behind the expected one and was not received yet: a late arrival.</summary>
    OutOfOrder,

    /// <summary>A further eCPRI fragment (subsequence id &gt; 0) of a message already classified.</summary>
    Continuation,
}
