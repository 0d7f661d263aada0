using System.Numerics;

namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// Block floating point, udCompMeth 1 (O-RAN.WG4.CUS Annex A.1). A PRB is udCompParam = reserved(4) | exponent(4)
/// followed by 24 w-bit two's-complement mantissas; the value is mantissa × 2^exponent (A.1.2).
/// <para>
/// Compression follows the A.1.1 pseudo-code as implemented by srsRAN_Project
/// (lib/ofh/compression/iq_compression_bfp_impl.cpp, "generic implementation of the algorithm from O-RAN.WG4.CUS,
/// Annex A.1.2"): maxValue = max(maxV, |minV| − 1) over the 24 values, rawExp = bit length of maxValue
/// (floor(log2 maxValue) + 1, 0 for 0), exponent = max(rawExp − w + 1, 0), mantissa = value &gt;&gt; exponent
/// (arithmetic shift, i.e. rounding toward −∞; A.1.1 leaves "Quantize" to the implementation, and rounding to
/// nearest could overflow the mantissa). This is the smallest exponent for which every value of the PRB fits in
/// w signed bits. The xRAN reference (o-ran-sc o-du-phy fhi_lib/lib/src/xran_bfp_ref.cpp) uses max|x| instead of
/// max(maxV, |minV| − 1), so it picks one more than necessary when the PRB's extreme is exactly −2^k; the mantissa
/// shift is the same.
/// </para>
/// </summary>
public static class BfpCodec
{
    public const int MaxExponent = 15;

    /// <summary>Bytes of one compressed PRB: exponent byte + 3w.</summary>
    public static int PrbSize(int width) => 1 + IqPacking.PackedLength(width);

    /// <summary>The smallest exponent that makes every value of <paramref name="iq"/> (24 values) fit in w signed bits.</summary>
    public static int ChooseExponent(ReadOnlySpan<int> iq, int width)
    {
        IqPacking.CheckWidth(width);
        int maxV = 0;
        int minV = 0;
        for (int i = 0; i < IqPacking.SamplesPerPrb && i < iq.Length; i++)
        {
            maxV = Math.Max(maxV, iq[i]);
            minV = Math.Min(minV, iq[i]);
        }

        long maxValue = Math.Max(maxV, -(long)minV - 1);
        int rawExp = maxValue > 0 ? 64 - BitOperations.LeadingZeroCount((ulong)maxValue) : 0;
        return Math.Max(rawExp - width + 1, 0);
    }

    /// <summary>
    /// Compresses 24 values into <paramref name="prb"/> (<see cref="PrbSize"/> bytes) and returns the exponent.
    /// Values needing an exponent above 15 (|x| ≥ 2^(w−1+15)) are rejected.
    /// </summary>
    public static int Compress(ReadOnlySpan<int> iq, int width, Span<byte> prb)
    {
        if (iq.Length < IqPacking.SamplesPerPrb || prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a PRB needs 24 samples and 1 + 3·width bytes");
        }

        int exponent = ChooseExponent(iq, width);
        if (exponent > MaxExponent)
        {
            throw new ArgumentOutOfRangeException(nameof(iq), "values need an exponent above 15 at this width");
        }

        Span<int> mantissas = stackalloc int[IqPacking.SamplesPerPrb];
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            mantissas[i] = iq[i] >> exponent;
        }

        prb[0] = (byte)exponent;
        IqPacking.Pack(mantissas, width, prb[1..]);
        return exponent;
    }

    /// <summary>
    /// Decompresses one PRB into 24 values mantissa × 2^exponent and returns the exponent (the low nibble of
    /// udCompParam; the reserved high nibble is ignored as A.1.2 does).
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> prb, int width, Span<int> iq)
    {
        if (prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a BFP PRB needs 1 + 3·width bytes", nameof(prb));
        }

        int exponent = prb[0] & 0x0F;
        IqPacking.UnpackShifted(prb[1..], width, iq, exponent);
        return exponent;
    }
}
