namespace OranTestbed.Fronthaul.Timing;

/// <summary>Why an air time could not be computed; out-of-range message fields are analyzer findings, not exceptions.</summary>
public enum AirTimeStatus : byte
{
    Ok = 0,

    /// <summary>frameId is not 0…255.</summary>
    FrameIdOutOfRange,

    /// <summary>subframeId is not 0…9 (the 4-bit field allows 10…15).</summary>
    SubframeOutOfRange,

    /// <summary>slotId ≥ 2^µ slots per subframe.</summary>
    SlotOutOfRange,

    /// <summary>symbol ≥ 14 (normal CP) or 12 (extended CP).</summary>
    SymbolOutOfRange,

    /// <summary>The packet timestamp is before 1972-01-01 (start of the leap-second table) or after 2199.</summary>
    TimestampOutOfRange,
}
