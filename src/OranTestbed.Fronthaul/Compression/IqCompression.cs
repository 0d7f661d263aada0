using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// PRB sizes and dispatch of one-PRB decompression by udCompMeth (O-RAN.WG4.CUS §7.5.2.10 udCompHdr,
/// §6.3.3.13 udCompParam, Annex A). Methods 5-8 (selective RE sending) and 9-15 (reserved) are not supported:
/// <see cref="PrbSize(CompressionMethod,int)"/> returns 0 for them.
/// </summary>
public static class IqCompression
{
    /// <summary>True for the methods this library can size and unpack: 0-4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSupported(CompressionMethod method) => (uint)method <= (uint)CompressionMethod.ModulationCompression;

    /// <summary>
    /// Bytes of udCompParam at the start of each PRB: 1 for BFP (reserved(4) | exponent(4)), block scaling
    /// (blockScaler) and µ-law (compBitWidth(4) | compShift(4)); 0 for none and modulation compression.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParamLength(CompressionMethod method) =>
        method is CompressionMethod.BlockFloatingPoint or CompressionMethod.BlockScaling or CompressionMethod.MuLaw ? 1 : 0;

    /// <summary>
    /// Bytes per PRB: 3w for none and modulation compression, 1 + 3w for BFP, block scaling and µ-law
    /// (24 samples × w bits, padded to a byte, after the udCompParam byte); 0 when the method is not supported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PrbSize(CompressionMethod method, int iqWidth) =>
        IsSupported(method) ? ParamLength(method) + IqPacking.PackedLength(iqWidth) : 0;

    /// <summary>Bytes per PRB for a udCompHdr (width 0 already means 16 there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PrbSize(UdCompHdr compression) => PrbSize(compression.Method, compression.IqWidth);

    /// <summary>
    /// Decompresses one PRB (<see cref="PrbSize(UdCompHdr)"/> bytes) into 24 integers I0, Q0 … I11, Q11.
    /// <paramref name="param"/> receives the udCompParam byte (0 when the method has none). None and BFP give values on
    /// the uncompressed integer scale; block scaling (<see cref="BlockScalingCodec"/>) and µ-law
    /// (<see cref="MuLawCodec"/>) give values on the 16-bit scale of their compressor's input; modulation compression
    /// gives raw codes (<see cref="IqSampleKind.CompressedCodes"/>).
    /// </summary>
    public static IqSampleKind DecompressPrb(ReadOnlySpan<byte> prb, UdCompHdr compression, Span<int> iq, out byte param)
    {
        int width = compression.IqWidth;
        switch (compression.Method)
        {
            case CompressionMethod.None:
                param = 0;
                NoCompressionCodec.Decompress(prb, width, iq);
                return IqSampleKind.Linear;
            case CompressionMethod.BlockFloatingPoint:
                param = prb.IsEmpty ? (byte)0 : prb[0];
                BfpCodec.Decompress(prb, width, iq);
                return IqSampleKind.Linear;
            case CompressionMethod.BlockScaling:
                param = prb.IsEmpty ? (byte)0 : prb[0];
                BlockScalingCodec.Decompress(prb, width, iq);
                return IqSampleKind.Linear;
            case CompressionMethod.MuLaw:
                param = prb.IsEmpty ? (byte)0 : prb[0];
                MuLawCodec.Decompress(prb, width, iq);
                return IqSampleKind.Linear;
            case CompressionMethod.ModulationCompression:
                // Annex A.4: the codes are constellation points whose scaling comes from C-plane SE4/SE5, which a
                // U-plane decoder does not see; return the codes.
                param = 0;
                IqPacking.Unpack(prb, width, iq);
                return IqSampleKind.CompressedCodes;
            default:
                throw new NotSupportedException("udCompMeth 5-15 is not supported by this decoder");
        }
    }
}
