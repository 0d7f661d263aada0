namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// The LAA message of section type 7 (O-RAN.WG4.CUS §7.4.7, §7.5.3.34-35): laaMsgType(4) | laaMsgLen(4) and the
/// message body; laaMsgLen counts 4-byte words minus one, including the byte that carries it.
/// Message bodies (LBT_PDSCH_REQ, LBT_DRS_REQ, LBT_PDSCH_RSP, LBT_DRS_RSP, LBT_Buffer_Error, LBT_CWCONFIG_REQ/RSP)
/// are exposed raw.
/// </summary>
public readonly ref struct CPlaneLaaMessage
{
    private readonly ReadOnlySpan<byte> _span;

    internal CPlaneLaaMessage(ReadOnlySpan<byte> span, int offset)
    {
        _span = span;
        Offset = offset;
    }

    public int Offset { get; }

    public int LaaMsgType => _span[0] >> 4;

    public int LaaMsgLen => _span[0] & 0x0F;

    /// <summary>(laaMsgLen + 1) × 4 bytes.</summary>
    public int Length => _span.Length;

    /// <summary>The message, starting with the laaMsgType|laaMsgLen byte.</summary>
    public ReadOnlySpan<byte> Raw => _span;

    /// <summary>Message bytes after the laaMsgType|laaMsgLen byte.</summary>
    public ReadOnlySpan<byte> Body => _span[1..];
}
