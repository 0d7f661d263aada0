using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Builds an O-RAN U-plane message body (O-RAN.WG4.CUS §6.3.2: common header, then sections) into a caller-owned
/// span, from values: IQ integers are compressed with <see cref="NoCompressionCodec"/> or <see cref="BfpCodec"/>.
/// The span starts where <see cref="UPlaneReader"/> starts (after ecpriPcid/ecpriSeqid); copy
/// <see cref="Written"/> into a <see cref="FrameWriter"/> after its transport header. Allocates nothing.
/// Invalid arguments (a programming error of the caller, not wire input) throw.
/// </summary>
public ref struct UPlaneWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public UPlaneWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly Span<byte> Written => _buffer[.._position];

    /// <summary>Bytes a section of <paramref name="numPrb"/> PRBs takes.</summary>
    public static int SectionLength(UdCompHdr compression, int numPrb, bool includeUdCompHdr) =>
        UPlaneFields.SectionHeaderLength + (includeUdCompHdr ? UPlaneFields.UdCompHdrLength : 0)
        + (numPrb * IqCompression.PrbSize(compression));

    public void WriteHeader(UPlaneHeader header)
    {
        header.Write(Take(UPlaneFields.CommonHeaderLength));
    }

    /// <summary>
    /// Writes a section header: sectionId(12) rb symInc startPrbu(10) numPrbu(8), then udCompHdr + reserved byte when
    /// <paramref name="udCompHdr"/> is given (dynamic compression). <paramref name="numPrbField"/> is the raw numPrbu
    /// (0 = whole carrier).
    /// </summary>
    public void WriteSectionHeader(int sectionId, bool rb, bool symInc, int startPrb, int numPrbField,
        UdCompHdr? udCompHdr, byte reserved = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)sectionId, 4095u, nameof(sectionId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)startPrb, 1023u, nameof(startPrb));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)numPrbField, 255u, nameof(numPrbField));
        var s = Take(UPlaneFields.SectionHeaderLength);
        uint word = ((uint)sectionId << UPlaneFields.SectionIdShift) | (rb ? UPlaneFields.RbMask : 0)
                    | (symInc ? UPlaneFields.SymIncMask : 0) | (uint)startPrb;
        s[0] = (byte)(word >> 16);
        s[1] = (byte)(word >> 8);
        s[2] = (byte)word;
        s[3] = (byte)numPrbField;
        if (udCompHdr is { } hdr)
        {
            var c = Take(UPlaneFields.UdCompHdrLength);
            c[0] = hdr.Raw;
            c[1] = reserved;
        }
    }

    /// <summary>
    /// Compresses <paramref name="iq"/> (24 integers per PRB, I0 Q0 … I11 Q11) as consecutive PRBs.
    /// No compression: values must fit w signed bits unless <paramref name="saturate"/>; BFP: each PRB gets the
    /// smallest exponent that fits (<see cref="BfpCodec"/>). Other methods are not supported (use
    /// <see cref="WriteCodes"/>). Returns the number of PRBs written.
    /// </summary>
    public int WritePrbs(ReadOnlySpan<int> iq, UdCompHdr compression, bool saturate = false)
    {
        if (iq.Length % IqPacking.SamplesPerPrb != 0)
        {
            throw new ArgumentException("iq holds 24 integers per PRB", nameof(iq));
        }

        int prbs = iq.Length / IqPacking.SamplesPerPrb;
        int width = compression.IqWidth;
        for (int i = 0; i < prbs; i++)
        {
            var samples = iq.Slice(i * IqPacking.SamplesPerPrb, IqPacking.SamplesPerPrb);
            switch (compression.Method)
            {
                case CompressionMethod.None:
                    NoCompressionCodec.Compress(samples, width, Take(IqPacking.PackedLength(width)), saturate);
                    break;
                case CompressionMethod.BlockFloatingPoint:
                    BfpCodec.Compress(samples, width, Take(BfpCodec.PrbSize(width)));
                    break;
                default:
                    throw new NotSupportedException("the writer compresses only with no compression and BFP");
            }
        }

        return prbs;
    }

    /// <summary>
    /// Writes PRBs of raw codes for methods the writer cannot compress (block scaling, µ-law, modulation
    /// compression, or BFP with a chosen exponent): per PRB the udCompParam byte from <paramref name="compressionParams"/>
    /// when the method has one, then 24 codes packed in w bits (higher bits dropped).
    /// </summary>
    public void WriteCodes(ReadOnlySpan<int> codes, UdCompHdr compression, ReadOnlySpan<byte> compressionParams)
    {
        if (codes.Length % IqPacking.SamplesPerPrb != 0)
        {
            throw new ArgumentException("codes holds 24 integers per PRB", nameof(codes));
        }

        int prbs = codes.Length / IqPacking.SamplesPerPrb;
        bool hasParam = IqCompression.ParamLength(compression.Method) == 1;
        if (hasParam && compressionParams.Length < prbs)
        {
            throw new ArgumentException("one udCompParam byte per PRB", nameof(compressionParams));
        }

        int width = compression.IqWidth;
        for (int i = 0; i < prbs; i++)
        {
            if (hasParam)
            {
                Take(1)[0] = compressionParams[i];
            }

            IqPacking.Pack(codes.Slice(i * IqPacking.SamplesPerPrb, IqPacking.SamplesPerPrb), width,
                Take(IqPacking.PackedLength(width)));
        }
    }

    /// <summary>
    /// A whole section: header (numPrbu = number of PRBs in <paramref name="iq"/>, or 0 when
    /// <paramref name="numPrbAsZero"/> says the section spans the carrier), optional udCompHdr, compressed PRBs.
    /// </summary>
    public void WriteSection(int sectionId, int startPrb, UdCompHdr compression, bool includeUdCompHdr,
        ReadOnlySpan<int> iq, bool rb = false, bool symInc = false, bool numPrbAsZero = false, bool saturate = false)
    {
        int prbs = iq.Length / IqPacking.SamplesPerPrb;
        if (!numPrbAsZero && prbs > 255)
        {
            throw new ArgumentException("more than 255 PRBs needs numPrbu = 0", nameof(iq));
        }

        WriteSectionHeader(sectionId, rb, symInc, startPrb, numPrbAsZero ? 0 : prbs,
            includeUdCompHdr ? compression : null);
        WritePrbs(iq, compression, saturate);
    }

    /// <summary>Raw bytes, for malformed test input.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    private Span<byte> Take(int length)
    {
        var span = _buffer.Slice(_position, length);
        span.Clear();
        _position += length;
        return span;
    }
}
