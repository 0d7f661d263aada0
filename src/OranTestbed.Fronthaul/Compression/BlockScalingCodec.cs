namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// Block scaling, udCompMeth 2 (O-RAN.WG4.CUS Annex A.2: A.2.1 compression, A.2.2 decompression). A PRB is
/// udCompParam = blockScaler (unsigned Q1.7: 1 integer bit, 7 fractional bits) followed by 24 w-bit
/// two's-complement scaled values.
/// <para>
/// Source of the arithmetic: the MathWorks 5G Toolbox functions nrORANBlockCompress / nrORANBlockDecompress, which
/// state that they implement Annex A.2.1 / A.2.2 (https://www.mathworks.com/help/5g/ref/nroranblockcompress.html,
/// https://www.mathworks.com/help/5g/ref/nroranblockdecompress.html; their MATLAB source, blockScalingCompress and
/// blockScalingDecompress, was read). Cross-checked with an independent public IQ decoder (JavaScript, "IqDecoder",
/// BLOCK_SCALING case: round(blockScaler × code / 2^(w − 9))), which agrees for 16-bit input. The annex text itself
/// was not available (the CSDN transcription, https://blog.csdn.net/qq_41400317/article/details/107298023, could
/// only be read up to its BFP part).
/// </para>
/// <para>
/// Scale: the input of <see cref="Compress"/> and the output of <see cref="Decompress"/> are 16-bit integers
/// (IQWidth = 16 in the MathWorks functions, the usual O-DU sample width, [−32768, 32767]). Per PRB, with w the
/// compressed width:
/// <code>
/// maxValue    = max(maxV, |minV| − 1)                   (over the 24 values, as in A.1.1)
/// blockScaler = ceil(maxValue / 2^(16 − 8)), 0 → 1      (so 1..128; 128 = 0x80 = 1.0 in Q1.7)
/// code        = clamp(round(128 / blockScaler × x / 2^(16 − w)), −2^(w−1), 2^(w−1) − 1)
/// value       = round(blockScaler × code / 2^(w − 9))   (= code × blockScaler/128 × 2^(16 − w))
/// </code>
/// round() is MATLAB's, half away from zero; here it is computed exactly in integers.
/// </para>
/// <para>
/// Inferred, not read in the annex: (1) the 16-bit uncompressed scale (the annex compresses the O-DU's native
/// width; MathWorks makes it a parameter, we fix it at 16); (2) exact rational rounding where MATLAB forms
/// 2^7/blockScaler in floating point first (they differ only on ties that floating point misrounds); (3) a wire
/// blockScaler above 128 (allowed by Q1.7, never produced by this compressor) is expanded with the same formula and
/// can exceed the int16 range.
/// </para>
/// </summary>
public static class BlockScalingCodec
{
    /// <summary>Bit width of the uncompressed samples on both sides of the codec.</summary>
    public const int InputWidth = 16;

    /// <summary>blockScaler for a full-scale PRB: 1.0 in Q1.7.</summary>
    public const int UnityScaler = 1 << 7;

    /// <summary>Bytes of one compressed PRB: blockScaler byte + 3w.</summary>
    public static int PrbSize(int width) => 1 + IqPacking.PackedLength(width);

    /// <summary>blockScaler for 24 values: ceil(max(maxV, |minV| − 1) / 256), at least 1 (A.2.1 as MathWorks implements it).</summary>
    public static int ChooseBlockScaler(ReadOnlySpan<int> iq)
    {
        int maxV = 0;
        int minV = 0;
        for (int i = 0; i < IqPacking.SamplesPerPrb && i < iq.Length; i++)
        {
            maxV = Math.Max(maxV, iq[i]);
            minV = Math.Min(minV, iq[i]);
        }

        long maxValue = Math.Max(maxV, -(long)minV - 1);
        long scaler = (maxValue + 255) >> (InputWidth - 8);
        return (int)Math.Max(scaler, 1);
    }

    /// <summary>The w-bit code of one value: round(128·x / (blockScaler·2^(16−w))), saturated to w signed bits.</summary>
    public static int CompressValue(int value, int blockScaler, int width)
    {
        IqPacking.CheckWidth(width);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockScaler, 1);
        long numerator = Math.Abs((long)value) << (width + 7);
        long denominator = (long)blockScaler << InputWidth;
        long magnitude = ((2 * numerator) + denominator) / (2 * denominator); // round half away from zero
        long code = value < 0 ? -magnitude : magnitude;
        return (int)Math.Clamp(code, IqPacking.MinValue(width), IqPacking.MaxValue(width));
    }

    /// <summary>The 16-bit-scale value of one code: round(blockScaler × code / 2^(w − 9)) (A.2.2).</summary>
    public static int ExpandValue(int code, int blockScaler, int width) =>
        RoundShift((long)blockScaler * code, width - 9);

    /// <summary>
    /// Compresses 24 values (each within int16) into <paramref name="prb"/> (<see cref="PrbSize"/> bytes) and returns
    /// the blockScaler written to its first byte.
    /// </summary>
    public static int Compress(ReadOnlySpan<int> iq, int width, Span<byte> prb)
    {
        IqPacking.CheckWidth(width);
        if (iq.Length < IqPacking.SamplesPerPrb || prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a PRB needs 24 samples and 1 + 3·width bytes");
        }

        CheckInt16(iq);
        int scaler = ChooseBlockScaler(iq);
        Span<int> codes = stackalloc int[IqPacking.SamplesPerPrb];
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            codes[i] = CompressValue(iq[i], scaler, width);
        }

        prb[0] = (byte)scaler;
        IqPacking.Pack(codes, width, prb[1..]);
        return scaler;
    }

    /// <summary>Decompresses one PRB into 24 values on the 16-bit scale and returns the blockScaler (udCompParam).</summary>
    public static int Decompress(ReadOnlySpan<byte> prb, int width, Span<int> iq)
    {
        IqPacking.CheckWidth(width);
        if (prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a block scaling PRB needs 1 + 3·width bytes", nameof(prb));
        }

        int scaler = prb[0];
        IqPacking.Unpack(prb[1..], width, iq);
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            iq[i] = ExpandValue(iq[i], scaler, width);
        }

        return scaler;
    }

    /// <summary>n / 2^k rounded half away from zero (n × 2^−k when k ≤ 0).</summary>
    internal static int RoundShift(long n, int k)
    {
        if (k <= 0)
        {
            return (int)(n << -k);
        }

        long magnitude = (Math.Abs(n) + (1L << (k - 1))) >> k;
        return (int)(n < 0 ? -magnitude : magnitude);
    }

    internal static void CheckInt16(ReadOnlySpan<int> iq)
    {
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            if (iq[i] is < short.MinValue or > short.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(iq), iq[i], "input samples must be 16-bit");
            }
        }
    }
}
