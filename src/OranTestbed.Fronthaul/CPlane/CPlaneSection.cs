using System.Buffers.Binary;
using OranTestbed.Fronthaul.Bits;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.CPlane;

/// <summary>
/// One C-plane section (<see cref="CPlaneFields"/>) with its channel information (ST6) and extensions. Created by
/// <see cref="CPlaneReader.TryReadSection"/>, which checked every length; fields a section type does not carry read 0.
/// </summary>
public readonly ref struct CPlaneSection
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly FronthaulDecodeOptions _options;
    private readonly int _extensionsOffset;

    internal CPlaneSection(ReadOnlySpan<byte> span, int offset, CPlaneSectionType type, CiCompHdr ciCompHdr,
        int extensionsOffset, int extensionCount, FronthaulDecodeOptions options)
    {
        _span = span;
        Offset = offset;
        SectionType = type;
        CiCompHdr = ciCompHdr;
        _extensionsOffset = extensionsOffset;
        ExtensionCount = extensionCount;
        _options = options;
    }

    /// <summary>Frame offset of the section's first byte.</summary>
    public int Offset { get; }

    /// <summary>Bytes of the section, extensions included.</summary>
    public int Length => _span.Length;

    public CPlaneSectionType SectionType { get; }

    public ReadOnlySpan<byte> Raw => _span;

    private bool IsSt6 => SectionType == CPlaneSectionType.ChannelInformation;

    /// <summary>sectionId (§7.5.3.1); ST6 sections have none (0).</summary>
    public int SectionId => IsSt6 ? 0 : (_span[0] << 4) | (_span[1] >> 4);

    /// <summary>rb (§7.5.3.2): false = every RB, true = every other RB.</summary>
    public bool Rb => (_span[PrbWordOffset] & CPlaneFields.RbMask) != 0;

    /// <summary>symInc (§7.5.3.3).</summary>
    public bool SymInc => (_span[PrbWordOffset] & CPlaneFields.SymIncMask) != 0;

    /// <summary>startPrbc (§7.5.3.4), 10 bits.</summary>
    public int StartPrbc => BinaryPrimitives.ReadUInt16BigEndian(_span[PrbWordOffset..]) & 0x03FF;

    /// <summary>numPrbc (§7.5.3.6) as sent: 0 means every PRB of the carrier (see <see cref="EffectiveNumPrbc"/>).</summary>
    public int NumPrbc => _span[IsSt6 ? CPlaneFields.St6NumPrbcOffset : CPlaneFields.NumPrbcOffset];

    /// <summary>numPrbc with 0 replaced by the configured carrier width.</summary>
    public int EffectiveNumPrbc => NumPrbc == 0 ? _options.CarrierPrbs : NumPrbc;

    /// <summary>reMask (§7.5.3.5), 12 bits, MSB = first RE; 0 for ST6.</summary>
    public int ReMask => IsSt6 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(_span[CPlaneFields.ReMaskOffset..]) >> 4;

    /// <summary>numSymbol (§7.5.3.7); 0 for ST6.</summary>
    public int NumSymbol => IsSt6 ? 0 : _span[CPlaneFields.ReMaskOffset + 1] & 0x0F;

    /// <summary>ef (§7.5.3.8): at least one extension follows.</summary>
    public bool Ef => (_span[IsSt6 ? CPlaneFields.St6UeIdOffset : CPlaneFields.EfWordOffset] & CPlaneFields.EfMask) != 0;

    /// <summary>beamId (§7.5.3.9) of ST1 and ST3, else 0.</summary>
    public int BeamId => SectionType is CPlaneSectionType.Normal or CPlaneSectionType.Prach ? Low15(CPlaneFields.EfWordOffset) : 0;

    /// <summary>ueId (§7.5.3.10) of ST5 and ST6, else 0.</summary>
    public int UeId => SectionType switch
    {
        CPlaneSectionType.UeScheduling => Low15(CPlaneFields.EfWordOffset),
        CPlaneSectionType.ChannelInformation => Low15(CPlaneFields.St6UeIdOffset),
        _ => 0,
    };

    /// <summary>
    /// The section's reserved bits: the 15 bits after ef in ST0, the byte after freqOffset in ST3, the 4 bits before
    /// rb in ST6; 0 otherwise. Receivers ignore them (a finding for analysis, not a decode error).
    /// </summary>
    public int Reserved => SectionType switch
    {
        CPlaneSectionType.UnusedResourceBlocks => Low15(CPlaneFields.EfWordOffset),
        CPlaneSectionType.Prach => _span[CPlaneFields.St3SectionReservedOffset],
        CPlaneSectionType.ChannelInformation => _span[CPlaneFields.St6PrbWordOffset] >> 4,
        _ => 0,
    };

    /// <summary>freqOffset (§7.5.3.11, ST3): signed, in units of ½ subcarrier spacing of the section's frameStructure.</summary>
    public int FreqOffset => (FreqOffsetRaw << 8) >> 8;

    /// <summary>freqOffset as its unsigned 24 bits (how Wireshark reports the field value).</summary>
    public int FreqOffsetRaw => SectionType == CPlaneSectionType.Prach
        ? (_span[CPlaneFields.FreqOffsetOffset] << 16) | (_span[CPlaneFields.FreqOffsetOffset + 1] << 8) | _span[CPlaneFields.FreqOffsetOffset + 2]
        : 0;

    /// <summary>regularizationFactor (§7.5.3.12, ST6), signed.</summary>
    public int RegularizationFactor =>
        IsSt6 ? BinaryPrimitives.ReadInt16BigEndian(_span[CPlaneFields.St6RegularizationFactorOffset..]) : 0;

    /// <summary>The message's ciCompHdr (ST6), which shapes the channel information.</summary>
    public CiCompHdr CiCompHdr { get; }

    /// <summary>PRBs of channel information (ST6: <see cref="EffectiveNumPrbc"/>, else 0).</summary>
    public int CiPrbCount => IsSt6 ? EffectiveNumPrbc : 0;

    /// <summary>Antennas (TRXs) per PRB of channel information (<c>FronthaulDecodeOptions.BeamformingAntennas</c>).</summary>
    public int CiAntennas => IsSt6 ? _options.BeamformingAntennas : 0;

    /// <summary>ciCompParam in force for <paramref name="prb"/> (the section's only one when ciCompOpt = 0); 0 without compression.</summary>
    public int CiCompParam(int prb)
    {
        CheckPrb(prb);
        if (CiCompHdr.ParamLength == 0)
        {
            return 0;
        }

        return _span[CPlaneFields.St6SamplesOffset + (CiCompHdr.ParamPerPrb ? prb * CiPrbStride(CiCompHdr, CiAntennas) : 0)];
    }

    /// <summary>ciIsample of <paramref name="antenna"/> in <paramref name="prb"/> (0-based within the section), raw signed.</summary>
    public int CiSampleI(int prb, int antenna) => CiSample(prb, antenna, 0);

    /// <summary>ciQsample of <paramref name="antenna"/> in <paramref name="prb"/>, raw signed.</summary>
    public int CiSampleQ(int prb, int antenna) => CiSample(prb, antenna, 1);

    /// <summary>Number of extensions (their ef chain was validated).</summary>
    public int ExtensionCount { get; }

    public CPlaneExtensionReader Extensions =>
        new(_span[_extensionsOffset..], Offset + _extensionsOffset, Ef, EffectiveNumPrbc, _options);

    private int PrbWordOffset => IsSt6 ? CPlaneFields.St6PrbWordOffset : CPlaneFields.StartPrbcOffset;

    private int Low15(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_span[offset..]) & 0x7FFF;

    private int CiSample(int prb, int antenna, int part)
    {
        CheckPrb(prb);
        if ((uint)antenna >= (uint)CiAntennas)
        {
            throw new ArgumentOutOfRangeException(nameof(antenna));
        }

        int width = CiCompHdr.IqWidth;
        int start = CPlaneFields.St6SamplesOffset + CiSamplesStart(CiCompHdr, CiAntennas, prb);
        var bits = new BitReader(_span[start..]);
        bits.Skip(((2 * antenna) + part) * width);
        return bits.ReadSigned(width);
    }

    private void CheckPrb(int prb)
    {
        if ((uint)prb >= (uint)CiPrbCount)
        {
            throw new ArgumentOutOfRangeException(nameof(prb));
        }
    }

    /// <summary>Bytes of one PRB's samples: 2 × L × ciIqWidth bits, padded to a byte.</summary>
    internal static int CiPrbSampleBytes(CiCompHdr hdr, int antennas) => ((2 * antennas * hdr.IqWidth) + 7) / 8;

    private static int CiPrbStride(CiCompHdr hdr, int antennas) =>
        CiPrbSampleBytes(hdr, antennas) + (hdr.ParamPerPrb ? hdr.ParamLength : 0);

    private static int CiSamplesStart(CiCompHdr hdr, int antennas, int prb) => hdr.ParamPerPrb
        ? (prb * CiPrbStride(hdr, antennas)) + hdr.ParamLength
        : hdr.ParamLength + (prb * CiPrbSampleBytes(hdr, antennas));

    /// <summary>Bytes of an ST6 section's channel information for <paramref name="prbs"/> PRBs.</summary>
    internal static int CiLength(CiCompHdr hdr, int antennas, int prbs) =>
        prbs == 0 ? 0 : CiSamplesStart(hdr, antennas, prbs - 1) + CiPrbSampleBytes(hdr, antennas);
}
