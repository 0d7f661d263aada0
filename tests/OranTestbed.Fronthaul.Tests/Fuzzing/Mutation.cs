namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>The ways <see cref="FrameMutator"/> damages a frame.</summary>
public enum Mutation
{
    /// <summary>A frame of random length and random bytes (sometimes behind a valid Ethernet/eCPRI prefix).</summary>
    RandomBytes,

    /// <summary>1 to 8 single-bit flips anywhere.</summary>
    BitFlips,

    /// <summary>1 to 4 bytes set to 0x00, 0xFF or a random value.</summary>
    ByteSet,

    /// <summary>The frame cut at a random length (0 to length - 1).</summary>
    Truncation,

    /// <summary>The frame grown by 1 to 64 bytes of zero padding or random tail.</summary>
    Extension,

    /// <summary>A length, count or type field of the seed set to a plausible lie (0, max, ±1, off by the frame...).</summary>
    LengthFieldLie,

    /// <summary>The head of one seed followed by the tail of another.</summary>
    Splice,

    /// <summary>
    /// Bytes inserted or deleted inside the frame with every enclosing length field (IP, UDP, PTP messageLength, the
    /// eCPRI payloadSize and, by whole words, the C-plane extLen) moved to match, so the outer layers accept the frame
    /// and the damage reaches the inner views.
    /// </summary>
    ConsistentResize,

    /// <summary>Two to four of the above in a row.</summary>
    Stacked,
}
