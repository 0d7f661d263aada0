using System.Buffers.Binary;
using OranTestbed.Fronthaul.Bits;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Builds a C-plane message from the radio application common header on (the part <see cref="CPlaneReader"/> reads)
/// into a caller-owned buffer: header, sections, and section extensions with computed extLen, zero padding and ef
/// chaining (each new extension sets the ef bit of the section or of the extension before it). Write the O-RAN
/// transport header first with <see cref="FrameWriter.WriteOranTransportHeader"/> and hand the rest of the buffer
/// here. Used by tests, benchmarks and emulators; allocates nothing. Invalid arguments throw (programming errors).
/// </summary>
public ref struct CPlaneWriter
{
    private readonly Span<byte> _buffer;
    private int _position;
    private int _sectionType;
    private int _efPosition;

    public CPlaneWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _sectionType = -1;
        _efPosition = -1;
    }

    public readonly int Position => _position;

    public readonly Span<byte> Written => _buffer[.._position];

    public void WriteHeader(in CPlaneHeaderValues h)
    {
        _sectionType = h.SectionType;
        WriteByte((byte)((h.Downlink ? CPlaneFields.DataDirectionMask : 0) | ((h.PayloadVersion & 0x07) << 4) | (h.FilterIndex & 0x0F)));
        WriteByte((byte)h.FrameId);
        WriteUInt16((ushort)(((h.SubframeId & 0x0F) << 12) | ((h.SlotId & 0x3F) << 6) | (h.StartSymbolId & 0x3F)));
        WriteByte((byte)h.NumberOfSections);
        WriteByte((byte)h.SectionType);
        switch (h.SectionType)
        {
            case 0:
                WriteUInt16((ushort)h.TimeOffset);
                WriteByte((byte)h.FrameStructure);
                WriteUInt16((ushort)h.CpLength);
                WriteByte((byte)h.Reserved);
                break;
            case 1:
            case 5:
                WriteByte(h.UdCompHdr);
                WriteByte((byte)h.Reserved);
                break;
            case 3:
                WriteUInt16((ushort)h.TimeOffset);
                WriteByte((byte)h.FrameStructure);
                WriteUInt16((ushort)h.CpLength);
                WriteByte(h.UdCompHdr);
                break;
            case 6:
                WriteByte((byte)h.NumberOfUes);
                WriteByte(h.CiCompHdr);
                break;
            case 7:
                WriteUInt16((ushort)h.Reserved);
                break;
            default:
                break;
        }
    }

    /// <summary>A section of type 0, 1, 3 or 5 (ef clear until an extension is written).</summary>
    public void WriteSection(in CPlaneSectionValues s)
    {
        if (_sectionType is not (0 or 1 or 3 or 5))
        {
            throw new InvalidOperationException("WriteSection is for section types 0, 1, 3 and 5; write the header first");
        }

        WriteUInt24((uint)(((s.SectionId & 0x0FFF) << 12) | (s.Rb ? 0x800 : 0) | (s.SymInc ? 0x400 : 0) | (s.StartPrbc & 0x03FF)));
        WriteByte((byte)s.NumPrbc);
        WriteUInt16((ushort)(((s.ReMask & 0x0FFF) << 4) | (s.NumSymbol & 0x0F)));
        _efPosition = _position;
        int low = _sectionType switch
        {
            0 => s.Reserved,
            5 => s.UeId,
            _ => s.BeamId,
        };
        WriteUInt16((ushort)(low & 0x7FFF));
        if (_sectionType == 3)
        {
            WriteUInt24((uint)s.FreqOffset & 0xFFFFFF);
            WriteByte((byte)s.Reserved);
        }
    }

    /// <summary>
    /// A section type 6 section: <paramref name="ciCompParams"/> holds one byte per PRB (ciCompOpt = 1) or one byte
    /// (ciCompOpt = 0), none without compression; <paramref name="samples"/> holds, per PRB and antenna, I then Q.
    /// </summary>
    public void WriteChannelInformationSection(in CPlaneSectionValues s, CiCompHdr ciCompHdr, int antennas,
        scoped ReadOnlySpan<byte> ciCompParams, scoped ReadOnlySpan<int> samples)
    {
        if (_sectionType != 6)
        {
            throw new InvalidOperationException("WriteChannelInformationSection is for section type 6");
        }

        int prbs = samples.Length / (2 * antennas);
        if (samples.Length != prbs * 2 * antennas)
        {
            throw new ArgumentException("samples must hold 2 × antennas values per PRB", nameof(samples));
        }

        _efPosition = _position;
        WriteUInt16((ushort)(s.UeId & 0x7FFF));
        WriteUInt16((ushort)(short)s.RegularizationFactor);
        WriteUInt16((ushort)(((s.Reserved & 0x0F) << 12) | (s.Rb ? 0x800 : 0) | (s.SymInc ? 0x400 : 0) | (s.StartPrbc & 0x03FF)));
        WriteByte((byte)s.NumPrbc);
        int width = ciCompHdr.IqWidth;
        int prbBytes = CPlaneSection.CiPrbSampleBytes(ciCompHdr, antennas);
        for (int prb = 0; prb < prbs; prb++)
        {
            if (ciCompHdr.ParamLength != 0 && (prb == 0 || ciCompHdr.ParamPerPrb))
            {
                WriteByte(ciCompParams[ciCompHdr.ParamPerPrb ? prb : 0]);
            }

            var bits = new BitWriter(Reserve(prbBytes));
            foreach (int value in samples.Slice(prb * 2 * antennas, 2 * antennas))
            {
                bits.WriteSigned(value, width);
            }
        }
    }

    /// <summary>SE1: bfwCompHdr, bfwCompParam bytes as given, then (I, Q) pairs of bfwIqWidth bits.</summary>
    public void WriteBeamformingWeights(UdCompHdr bfwCompHdr, scoped ReadOnlySpan<byte> bfwCompParam, scoped ReadOnlySpan<int> iq)
    {
        int start = BeginExtension(CPlaneExtensionTypes.BeamformingWeights);
        WriteByte(bfwCompHdr.Raw);
        WriteBytes(bfwCompParam);
        WritePacked(iq, bfwCompHdr.IqWidth);
        EndExtension(start);
    }

    /// <summary>SE4: csf and the 15-bit modCompScaler.</summary>
    public void WriteModulationCompression(bool csf, int modCompScaler)
    {
        int start = BeginExtension(CPlaneExtensionTypes.ModulationCompression);
        WriteUInt16((ushort)((csf ? 0x8000 : 0) | (modCompScaler & 0x7FFF)));
        EndExtension(start);
    }

    /// <summary>SE5: 28-bit sets, bit-packed.</summary>
    public void WriteModulationCompressionScaling(scoped ReadOnlySpan<ModCompScalingSet> sets)
    {
        int start = BeginExtension(CPlaneExtensionTypes.ModulationCompressionScaling);
        var bits = new BitWriter(Reserve(((sets.Length * ModulationCompressionScalingFields.SetBits) + 7) / 8));
        foreach (var set in sets)
        {
            bits.Write((uint)(set.McScaleReMask & 0x0FFF), ModulationCompressionScalingFields.ReMaskBits);
            bits.Write(set.Csf ? 1u : 0u, 1);
            bits.Write((uint)(set.McScaleOffset & 0x7FFF), ModulationCompressionScalingFields.OffsetBits);
        }

        EndExtension(start);
    }

    /// <summary>SE6: repetition, rbgSize code, rbgMask (28 bits), priority, symbolMask (14 bits).</summary>
    public void WriteNonContiguousPrb(bool repetition, int rbgSize, int rbgMask, int priority, int symbolMask)
    {
        int start = BeginExtension(CPlaneExtensionTypes.NonContiguousPrb);
        WriteUInt32((repetition ? NonContiguousPrbFields.RepetitionMask : 0) | ((uint)(rbgSize & 0x07) << NonContiguousPrbFields.RbgSizeShift)
            | ((uint)rbgMask & NonContiguousPrbFields.RbgMaskMask));
        WriteUInt16((ushort)(((priority & 0x03) << 14) | (symbolMask & 0x3FFF)));
        EndExtension(start);
    }

    /// <summary>
    /// SE10: beamGroupType and numPortc, then the reserved byte (types 0, 1) or <paramref name="entries"/> as 16-bit
    /// words reserved(1) | beamId(15) (type 2) or as given (type 3).
    /// </summary>
    public void WritePortGrouping(int beamGroupType, int numPortc, scoped ReadOnlySpan<ushort> entries, byte reserved = 0)
    {
        int start = BeginExtension(CPlaneExtensionTypes.PortGrouping);
        WriteByte((byte)(((beamGroupType & 0x03) << 6) | (numPortc & 0x3F)));
        if (beamGroupType <= 1)
        {
            WriteByte(reserved);
        }

        foreach (ushort entry in entries)
        {
            WriteUInt16(entry);
        }

        EndExtension(start);
    }

    /// <summary>
    /// SE11 (16-bit extLen). With weights: per bundle its bfwCompParam (<paramref name="bfwCompParams"/>, concatenated,
    /// <paramref name="paramLength"/> bytes each), contInd|beamId (<paramref name="beamWords"/>) and
    /// <paramref name="weightsPerBundle"/> (I, Q) pairs from <paramref name="weights"/>. With disableBFWs only the
    /// beam words are written.
    /// </summary>
    public void WriteFlexibleWeights(bool disableBfws, bool rad, int bundleOffset, int numBundPrb, UdCompHdr bfwCompHdr,
        int paramLength, scoped ReadOnlySpan<byte> bfwCompParams, scoped ReadOnlySpan<ushort> beamWords, int weightsPerBundle,
        ReadOnlySpan<int> weights)
    {
        int start = BeginExtension(CPlaneExtensionTypes.FlexibleWeights);
        WriteByte((byte)((disableBfws ? FlexibleWeightsFields.DisableBfwsMask : 0) | (rad ? FlexibleWeightsFields.RadMask : 0)
            | (bundleOffset & FlexibleWeightsFields.BundleOffsetMask)));
        WriteByte((byte)numBundPrb);
        if (!disableBfws)
        {
            WriteByte(bfwCompHdr.Raw);
        }

        for (int b = 0; b < beamWords.Length; b++)
        {
            if (!disableBfws)
            {
                WriteBytes(bfwCompParams.Slice(b * paramLength, paramLength));
            }

            WriteUInt16(beamWords[b]);
            if (!disableBfws)
            {
                WritePacked(weights.Slice(b * 2 * weightsPerBundle, 2 * weightsPerBundle), bfwCompHdr.IqWidth);
            }
        }

        EndExtension(start);
    }

    /// <summary>SE12: priority, symbolMask and (offStartPrb, numPrb) pairs.</summary>
    public void WritePrbRanges(int priority, int symbolMask, scoped ReadOnlySpan<PrbRange> ranges)
    {
        int start = BeginExtension(CPlaneExtensionTypes.PrbRanges);
        WriteUInt16((ushort)(((priority & 0x03) << 14) | (symbolMask & 0x3FFF)));
        foreach (var range in ranges)
        {
            WriteByte(range.OffStartPrb);
            WriteByte(range.NumPrb);
        }

        EndExtension(start);
    }

    /// <summary>SE13: reserved(2) | nextSymbolId(4) | nextStartPrbc(10) entries.</summary>
    public void WriteFrequencyHopping(scoped ReadOnlySpan<FrequencyHop> hops)
    {
        int start = BeginExtension(CPlaneExtensionTypes.FrequencyHopping);
        foreach (var hop in hops)
        {
            WriteUInt16((ushort)(((hop.Reserved & 0x03) << 14) | ((hop.NextSymbolId & 0x0F) << 10) | (hop.NextStartPrbc & 0x03FF)));
        }

        EndExtension(start);
    }

    /// <summary>
    /// Any extension from its body bytes (header, padding and extLen computed). <paramref name="extLenOverride"/>
    /// writes a chosen extLen instead, to build malformed messages in tests.
    /// </summary>
    public void WriteRawExtension(int extType, scoped ReadOnlySpan<byte> body, int? extLenOverride = null)
    {
        int start = BeginExtension(extType);
        WriteBytes(body);
        EndExtension(start);
        if (extLenOverride is int words)
        {
            PatchExtLen(start, extType, words);
        }
    }

    /// <summary>The section type 7 LAA message: laaMsgType | laaMsgLen computed from the padded body length.</summary>
    public void WriteLaaMessage(int laaMsgType, scoped ReadOnlySpan<byte> body)
    {
        int start = _position;
        WriteByte(0);
        WriteBytes(body);
        Pad(start);
        int words = (_position - start) / 4;
        _buffer[start] = (byte)(((laaMsgType & 0x0F) << 4) | ((words - 1) & 0x0F));
    }

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    private int BeginExtension(int extType)
    {
        if (_efPosition < 0)
        {
            throw new InvalidOperationException("write a section before its extensions");
        }

        _buffer[_efPosition] |= CPlaneFields.EfMask;
        int start = _position;
        _efPosition = start;
        WriteByte((byte)(extType & CPlaneExtensionFields.TypeMask));
        WriteByte(0);
        if (CPlaneExtensionTypes.HasWideExtLen(extType))
        {
            WriteByte(0);
        }

        return start;
    }

    private void EndExtension(int start)
    {
        Pad(start);
        PatchExtLen(start, _buffer[start] & CPlaneExtensionFields.TypeMask, (_position - start) / CPlaneExtensionFields.WordLength);
    }

    private readonly void PatchExtLen(int start, int extType, int words)
    {
        if (CPlaneExtensionTypes.HasWideExtLen(extType))
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[(start + 1)..], checked((ushort)words));
        }
        else
        {
            _buffer[start + 1] = checked((byte)words);
        }
    }

    private void Pad(int start)
    {
        while ((_position - start) % CPlaneExtensionFields.WordLength != 0)
        {
            WriteByte(0);
        }
    }

    private void WritePacked(scoped ReadOnlySpan<int> values, int width)
    {
        var bits = new BitWriter(Reserve(((values.Length * width) + 7) / 8));
        foreach (int value in values)
        {
            bits.WriteSigned(value, width);
        }
    }

    private Span<byte> Reserve(int length)
    {
        var span = _buffer.Slice(_position, length);
        span.Clear();
        _position += length;
        return span;
    }

    private void WriteByte(byte value)
    {
        _buffer[_position] = value;
        _position++;
    }

    private void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_position..], value);
        _position += 2;
    }

    private void WriteUInt24(uint value)
    {
        _buffer[_position] = (byte)(value >> 16);
        _buffer[_position + 1] = (byte)(value >> 8);
        _buffer[_position + 2] = (byte)value;
        _position += 3;
    }

    private void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value);
        _position += 4;
    }
}
