using System.Buffers.Binary;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// The radio application common header and the section-type-specific common fields (<see cref="CPlaneFields"/>).
/// Created by <see cref="CPlaneReader.TryReadHeader"/>, which checked the length; fields a section type does not
/// carry read as 0.
/// </summary>
public readonly ref struct CPlaneCommonHeader
{
    private readonly ReadOnlySpan<byte> _span;

    internal CPlaneCommonHeader(ReadOnlySpan<byte> span, int offset)
    {
        _span = span;
        Offset = offset;
    }

    /// <summary>Frame offset of the first header byte (dataDirection).</summary>
    public int Offset { get; }

    /// <summary>Bytes of the common header including the type-specific fields.</summary>
    public int Length => _span.Length;

    /// <summary>dataDirection (§7.5.2.1): true = DL (gNB Tx), false = UL (gNB Rx).</summary>
    public bool Downlink => (_span[CPlaneFields.DirectionAndVersionOffset] & CPlaneFields.DataDirectionMask) != 0;

    /// <summary>dataDirection bit: 1 = DL, 0 = UL.</summary>
    public int DataDirection => Downlink ? 1 : 0;

    public int PayloadVersion =>
        (_span[CPlaneFields.DirectionAndVersionOffset] & CPlaneFields.PayloadVersionMask) >> CPlaneFields.PayloadVersionShift;

    public int FilterIndex => _span[CPlaneFields.DirectionAndVersionOffset] & CPlaneFields.FilterIndexMask;

    public int FrameId => _span[CPlaneFields.FrameIdOffset];

    public int SubframeId => TimeWord >> 12;

    public int SlotId => (TimeWord >> 6) & 0x3F;

    public int StartSymbolId => TimeWord & 0x3F;

    public int NumberOfSections => _span[CPlaneFields.NumberOfSectionsOffset];

    public int SectionTypeValue => _span[CPlaneFields.SectionTypeOffset];

    public CPlaneSectionType SectionType => (CPlaneSectionType)SectionTypeValue;

    /// <summary>timeOffset (ST0, ST3; §7.5.2.12) in Ts = 1/30.72 MHz.</summary>
    public int TimeOffset => HasFrameStructure ? BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneFields.TimeOffsetOffset..]) : 0;

    /// <summary>frameStructure (ST0, ST3; §7.5.2.13) as sent.</summary>
    public int FrameStructure => HasFrameStructure ? _span[CPlaneFields.FrameStructureOffset] : 0;

    /// <summary>FFT-size code, frameStructure bits 7-4.</summary>
    public int FftSize => FrameStructure >> 4;

    /// <summary>Subcarrier-spacing code µ (0-4) or 12-15 for PRACH, frameStructure bits 3-0.</summary>
    public int SubcarrierSpacing => FrameStructure & 0x0F;

    /// <summary>cpLength (ST0, ST3; §7.5.2.14) in Ts.</summary>
    public int CpLength => HasFrameStructure ? BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneFields.CpLengthOffset..]) : 0;

    /// <summary>True for ST1, ST3 and ST5, which carry udCompHdr.</summary>
    public bool HasUdCompHdr => SectionType is CPlaneSectionType.Normal or CPlaneSectionType.Prach or CPlaneSectionType.UeScheduling;

    /// <summary>udCompHdr (ST1, ST3, ST5; §7.5.2.10): the U-plane compression of the sections.</summary>
    public UdCompHdr UdCompHdr => SectionType switch
    {
        CPlaneSectionType.Normal or CPlaneSectionType.UeScheduling => new UdCompHdr(_span[CPlaneFields.UdCompHdrOffset]),
        CPlaneSectionType.Prach => new UdCompHdr(_span[CPlaneFields.St3UdCompHdrOffset]),
        _ => default,
    };

    /// <summary>numberOfUEs (ST6; §7.5.2.11).</summary>
    public int NumberOfUes => SectionType == CPlaneSectionType.ChannelInformation ? _span[CPlaneFields.NumberOfUesOffset] : 0;

    /// <summary>ciCompHdr (ST6; §7.5.2.18).</summary>
    public CiCompHdr CiCompHdr =>
        SectionType == CPlaneSectionType.ChannelInformation ? new CiCompHdr(_span[CPlaneFields.CiCompHdrOffset]) : default;

    /// <summary>The reserved type-specific field: 8 bits for ST0/ST1/ST5, 16 bits for ST7, else 0.</summary>
    public int Reserved => SectionType switch
    {
        CPlaneSectionType.UnusedResourceBlocks => _span[CPlaneFields.St0ReservedOffset],
        CPlaneSectionType.Normal or CPlaneSectionType.UeScheduling => _span[CPlaneFields.St1ReservedOffset],
        CPlaneSectionType.Laa => BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneFields.St7ReservedOffset..]),
        _ => 0,
    };

    /// <summary>True when a reserved field is not zero (receivers ignore it, §7.5.2; a finding for analysis).</summary>
    public bool ReservedBitsSet => Reserved != 0;

    /// <summary>The section count to expect: numberOfSections, or for ST6 with numberOfSections 0, numberOfUEs (Wireshark does the same).</summary>
    public int ExpectedSections => SectionType == CPlaneSectionType.ChannelInformation && NumberOfSections == 0
        ? NumberOfUes
        : SectionType == CPlaneSectionType.Laa ? 0 : NumberOfSections;

    private int TimeWord => BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneFields.SubframeSlotSymbolOffset..]);

    private bool HasFrameStructure => SectionType is CPlaneSectionType.UnusedResourceBlocks or CPlaneSectionType.Prach;

    /// <summary>Length of the common header for a section type, or -1 for a type this reader does not decode.</summary>
    public static int HeaderLengthOf(int sectionType) => sectionType switch
    {
        0 => CPlaneFields.HeaderLengthSt0,
        1 => CPlaneFields.HeaderLengthSt1,
        3 => CPlaneFields.HeaderLengthSt3,
        5 => CPlaneFields.HeaderLengthSt5,
        6 => CPlaneFields.HeaderLengthSt6,
        7 => CPlaneFields.HeaderLengthSt7,
        _ => -1,
    };
}
