namespace OranTestbed.Plans.Personalities;

/// <summary>The defects a personality can declare (issue 4), each with a rate and its own parameters.</summary>
public enum DefectKind
{
    /// <summary>ecpriSeqid jumps forward: messages appear lost (SEQ-LOST).</summary>
    SequenceGaps,

    /// <summary>Runs of U-plane messages sent after their window (TIMING-…-LATE).</summary>
    LateBursts,

    /// <summary>Messages sent twice with the same ecpriSeqid (SEQ-DUPLICATE).</summary>
    Duplicates,

    /// <summary>U-plane sections compressed with, and declaring in udCompHdr, another compression than agreed (COMP-PROFILE-MISMATCH).</summary>
    WrongUdCompHdr,

    /// <summary>Sections addressing PRBs beyond the carrier (CPLANE-/UPLANE-PRB-BEYOND-CARRIER).</summary>
    PrbsBeyondCarrier,

    /// <summary>DL C-plane messages not sent, so their U-plane is uncovered (UPLANE-ORPHAN).</summary>
    MissingCPlane,

    /// <summary>eAxC ids composed with another bit split than agreed, so the peer misses them (CPLANE-UNANSWERED).</summary>
    WrongEaxcSplit,

    /// <summary>The grandmaster advertises a degraded clockClass for a while (PTP-CLOCK-CLASS-CHANGE).</summary>
    ClockClassDegradation,
}
