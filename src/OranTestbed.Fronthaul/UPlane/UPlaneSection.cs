using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.UPlane;

/// <summary>
/// One U-plane data section (O-RAN.WG4.CUS §6.3.2, fields §6.3.3.8-6.3.3.13): a view over the message bytes, valid
/// while the span it was read from is. Every PRB has <see cref="PrbSize"/> bytes; PRB access allocates nothing.
/// </summary>
public readonly ref struct UPlaneSection
{
    private readonly ReadOnlySpan<byte> _iqData;

    internal UPlaneSection(int sectionId, bool rb, bool symInc, int startPrb, int numPrbRaw, int numPrb,
        bool hasUdCompHdr, UdCompHdr compression, int prbSize, int offset, int iqDataOffset, int length,
        ReadOnlySpan<byte> iqData)
    {
        SectionId = sectionId;
        Rb = rb;
        SymInc = symInc;
        StartPrb = startPrb;
        NumPrbRaw = numPrbRaw;
        NumPrb = numPrb;
        HasUdCompHdr = hasUdCompHdr;
        Compression = compression;
        PrbSize = prbSize;
        Offset = offset;
        IqDataOffset = iqDataOffset;
        Length = length;
        _iqData = iqData;
    }

    /// <summary>sectionId (12 bits, §7.5.2.1).</summary>
    public int SectionId { get; }

    /// <summary>rb (§7.5.2.2): false = every PRB, true = every other PRB.</summary>
    public bool Rb { get; }

    /// <summary>symInc (§7.5.2.3).</summary>
    public bool SymInc { get; }

    /// <summary>startPrbu (10 bits, §7.5.2.5).</summary>
    public int StartPrb { get; }

    /// <summary>numPrbu as sent (8 bits, §7.5.2.6); 0 means all PRBs of the carrier.</summary>
    public int NumPrbRaw { get; }

    /// <summary>PRBs actually carried: <see cref="NumPrbRaw"/>, or the carrier width when it is 0.</summary>
    public int NumPrb { get; }

    /// <summary>True when the section carried udCompHdr + reserved byte (dynamic compression).</summary>
    public bool HasUdCompHdr { get; }

    /// <summary>The compression in effect: the section's udCompHdr, or the static configuration for the direction.</summary>
    public UdCompHdr Compression { get; }

    /// <summary>Bytes per PRB for <see cref="Compression"/>.</summary>
    public int PrbSize { get; }

    /// <summary>Offset of the section's first byte from the start of the frame.</summary>
    public int Offset { get; }

    /// <summary>Offset of the first PRB from the start of the frame.</summary>
    public int IqDataOffset { get; }

    /// <summary>Section length in bytes (header, optional udCompHdr and all PRBs).</summary>
    public int Length { get; }

    /// <summary>All PRBs, <see cref="NumPrb"/> × <see cref="PrbSize"/> bytes.</summary>
    public ReadOnlySpan<byte> IqData => _iqData;

    /// <summary>The bytes of PRB <paramref name="index"/> (udCompParam included), or false when out of range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetPrb(int index, out ReadOnlySpan<byte> prb)
    {
        if ((uint)index >= (uint)NumPrb)
        {
            prb = default;
            return false;
        }

        prb = _iqData.Slice(index * PrbSize, PrbSize);
        return true;
    }

    /// <summary>udCompParam of PRB <paramref name="index"/>, or 0 when the method has none.</summary>
    public byte GetCompressionParam(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)NumPrb, nameof(index));
        return IqCompression.ParamLength(Compression.Method) == 0 ? (byte)0 : _iqData[index * PrbSize];
    }

    /// <summary>BFP exponent of PRB <paramref name="index"/> (low nibble of udCompParam, Annex A.1); 0 for other methods.</summary>
    public int GetExponent(int index) =>
        Compression.Method == CompressionMethod.BlockFloatingPoint ? GetCompressionParam(index) & 0x0F : 0;

    /// <summary>
    /// Decompresses every PRB into <paramref name="iq"/> (24 × <see cref="NumPrb"/> integers, I0 Q0 … I11 Q11 per PRB).
    /// <paramref name="compressionParams"/> receives each PRB's udCompParam (0 when the method has none; the BFP
    /// exponent is its low nibble, blockScaler the whole byte, µ-law compBitWidth | compShift); pass an empty span to
    /// skip them. The return value says whether the integers are linear samples (none, BFP, and block scaling and
    /// µ-law on the 16-bit scale, Annex A.2.2/A.3.2) or raw codes (modulation compression).
    /// </summary>
    public IqSampleKind DecompressTo(Span<int> iq, Span<byte> compressionParams)
    {
        if (iq.Length < NumPrb * IqPacking.SamplesPerPrb)
        {
            throw new ArgumentException("iq needs 24 integers per PRB", nameof(iq));
        }

        if (!compressionParams.IsEmpty && compressionParams.Length < NumPrb)
        {
            throw new ArgumentException("compressionParams needs one byte per PRB (or be empty)", nameof(compressionParams));
        }

        var kind = IqSampleKind.Linear;
        for (int i = 0; i < NumPrb; i++)
        {
            kind = IqCompression.DecompressPrb(_iqData.Slice(i * PrbSize, PrbSize), Compression,
                iq.Slice(i * IqPacking.SamplesPerPrb, IqPacking.SamplesPerPrb), out byte param);
            if (!compressionParams.IsEmpty)
            {
                compressionParams[i] = param;
            }
        }

        return kind;
    }

    /// <summary>Decompresses PRB <paramref name="index"/> into 24 integers.</summary>
    public IqSampleKind DecompressPrb(int index, Span<int> iq, out byte compressionParam)
    {
        if (!TryGetPrb(index, out var prb))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "no such PRB in this section");
        }

        return IqCompression.DecompressPrb(prb, Compression, iq, out compressionParam);
    }
}
