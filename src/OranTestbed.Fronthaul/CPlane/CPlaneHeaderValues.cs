namespace OranTestbed.Fronthaul.CPlane;

/// <summary>Values of a C-plane common header for <c>CPlaneWriter</c> (fields a section type lacks are ignored).</summary>
public readonly record struct CPlaneHeaderValues
{
    public bool Downlink { get; init; }

    public int PayloadVersion { get; init; } = CPlaneFields.PayloadVersion;

    public int FilterIndex { get; init; }

    public int FrameId { get; init; }

    public int SubframeId { get; init; }

    public int SlotId { get; init; }

    public int StartSymbolId { get; init; }

    public int NumberOfSections { get; init; }

    /// <summary>sectionType as sent (so tests can write unknown types).</summary>
    public int SectionType { get; init; }

    public int TimeOffset { get; init; }

    /// <summary>frameStructure byte: FFT code (bits 7-4) | SCS code (bits 3-0).</summary>
    public int FrameStructure { get; init; }

    public int CpLength { get; init; }

    public byte UdCompHdr { get; init; }

    public int NumberOfUes { get; init; }

    public byte CiCompHdr { get; init; }

    /// <summary>The reserved type-specific field (8 bits for ST0/1/5, 16 bits for ST7).</summary>
    public int Reserved { get; init; }

    public CPlaneHeaderValues()
    {
    }
}
