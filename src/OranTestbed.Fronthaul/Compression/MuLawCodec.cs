using System.Numerics;

namespace OranTestbed.Fronthaul.Compression;

/// <summary>
/// µ-law, udCompMeth 3 (O-RAN.WG4.CUS Annex A.3: A.3.1 compression, A.3.2 decompression). A PRB is udCompParam =
/// compBitWidth(4) | compShift(4) followed by 24 w-bit codes: a block left shift for dynamic range, then a
/// three-segment piecewise-linear approximation of the µ-law curve on a 15-bit magnitude.
/// <para>
/// Source of the arithmetic: the MathWorks 5G Toolbox functions nrORANBlockCompress / nrORANBlockDecompress, which
/// state that they implement Annex A.3.1 / A.3.2 (https://www.mathworks.com/help/5g/ref/nroranblockcompress.html,
/// https://www.mathworks.com/help/5g/ref/nroranblockdecompress.html; their MATLAB source, muLawCompress,
/// muLawCompression and muLawDecompress, was read). Cross-checked: an independent public IQ decoder (JavaScript,
/// "IqDecoder", U_LAW case) uses the same expansion constants (absBitWidth 15; segments abs·2^(15−w),
/// abs·2^(16−w) − 2^13, abs·2^(17−w) − 2^15; then a right shift by compShift); the ARM RAN Acceleration Library
/// header (armral.h, armral_mu_law_compr_*) describes "a bit-shift operation for dynamic range with a nonlinear
/// piece-wise approximation"; Intel's Fronthaul Compression FPGA IP guide
/// (https://www.intel.com/content/www/us/en/docs/programmable/709301/24-3/fronthaul-compression-ip-functional.html)
/// a per-resource-block left shift from the block's maximum magnitude. The annex text itself was not available.
/// </para>
/// <para>
/// Scale: 16-bit integers in and out ([−32768, 32767]; MathWorks requires IQWidth = 16 for µ-law). Per PRB:
/// <code>
/// compShift = the table of A.3.1: max|x| &lt; 2^8 → 7, &lt; 2^9 → 6, … &lt; 2^14 → 1, else 0
///           = clamp(15 − bitLength(max|x|), 0, 7)
/// a = min(|x| · 2^compShift, 2^15 − 1)
/// |code| = floor(a / 2^(15−w))                 if a ≤ 2^13
///        = floor(a / 2^(16−w) + 2^(w−3))       if a ≤ 2^14
///        = floor(a / 2^(17−w) + 2^(w−2))       otherwise              (always &lt; 2^(w−1))
/// code = sign(x) · |code|
/// expansion of c (|c| saturated to 2^(w−1) − 1):
///   d = |c| · 2^(15−w)                         if |c| ≤ 2^(w−2)
///     = |c| · 2^(16−w) − 2^13                  if |c| ≤ 2^(w−2) + 2^(w−3)
///     = |c| · 2^(17−w) − 2^15                  otherwise
///   value = sign(c) · d / 2^compShift
/// </code>
/// </para>
/// <para>
/// Inferred, not read in the annex:
/// (1) the wire form of a code is w-bit two's complement like every other udCompMeth. MathWorks keeps codes as signed
/// integers and saturates |c| = 2^(w−1) in the expander, which only a two's-complement code can produce; but one
/// public decoder reads sign | magnitude instead. If the annex says sign-magnitude, only negative codes change.
/// (2) MathWorks returns d / 2^compShift as a real number; we round it half away from zero to an integer (so the
/// expansion stays odd-symmetric). (3) compBitWidth in udCompParam is written as w with 16 as 0 (like udIqWidth); the
/// decompressor uses the udIqWidth of the section (it fixes the PRB size) and ignores the compBitWidth nibble.
/// (4) compShift nibbles 8-15 (never produced by A.3.1) are applied as given.
/// </para>
/// </summary>
public static class MuLawCodec
{
    /// <summary>Bit width of the uncompressed samples on both sides of the codec.</summary>
    public const int InputWidth = 16;

    /// <summary>Largest compShift the A.3.1 table produces.</summary>
    public const int MaxCompShift = 7;

    // Magnitude width the curve works on (sign excluded): "absBitWidth = 15" in the MathWorks source.
    private const int AbsBitWidth = 15;
    private const int MaxMagnitude = (1 << AbsBitWidth) - 1;

    /// <summary>Bytes of one compressed PRB: udCompParam byte + 3w.</summary>
    public static int PrbSize(int width) => 1 + IqPacking.PackedLength(width);

    /// <summary>udCompParam for µ-law: compBitWidth (16 written as 0) in bits 7-4, compShift in bits 3-0.</summary>
    public static byte Param(int compBitWidth, int compShift) =>
        (byte)(((compBitWidth & 0x0F) << 4) | (compShift & 0x0F));

    /// <summary>The A.3.1 block shift: the left shift that brings max|x| of the 24 values just below 2^15, at most 7.</summary>
    public static int ChooseCompShift(ReadOnlySpan<int> iq)
    {
        uint maxAbs = 0;
        for (int i = 0; i < IqPacking.SamplesPerPrb && i < iq.Length; i++)
        {
            maxAbs = Math.Max(maxAbs, (uint)Math.Abs((long)iq[i]));
        }

        int bitLength = 32 - BitOperations.LeadingZeroCount(maxAbs);
        return Math.Clamp(AbsBitWidth - bitLength, 0, MaxCompShift);
    }

    /// <summary>The w-bit code of one 16-bit value under <paramref name="compShift"/> (A.3.1).</summary>
    public static int CompressValue(int value, int compShift, int width)
    {
        IqPacking.CheckWidth(width);
        long a = Math.Min(Math.Abs((long)value) << compShift, MaxMagnitude);
        long scaled = a << width; // every segment divides a·2^w by a power of two: exact for all widths
        long magnitude = a <= 1 << 13 ? scaled >> 15
            : a <= 1 << 14 ? (scaled + (1L << (width + 13))) >> 16
            : (scaled + (1L << (width + 15))) >> 17;
        return (int)(value < 0 ? -magnitude : magnitude);
    }

    /// <summary>The 16-bit-scale value of one code under <paramref name="compShift"/> (A.3.2), rounded half away from zero.</summary>
    public static int ExpandValue(int code, int compShift, int width)
    {
        IqPacking.CheckWidth(width);
        long c = Math.Min(Math.Abs((long)code), IqPacking.MaxValue(width));

        // Twice the expanded magnitude, so that w = 16 (|c| · 2^−1 in the first segment) stays an integer.
        long twice = 4 * c <= 1L << width ? c << (16 - width)
            : 8 * c <= 3L << width ? (c << (17 - width)) - (1L << 14)
            : (c << (18 - width)) - (1L << 16);
        long magnitude = (twice + (1L << compShift)) >> (compShift + 1);
        return (int)(code < 0 ? -magnitude : magnitude);
    }

    /// <summary>
    /// Compresses 24 values (each within int16) into <paramref name="prb"/> (<see cref="PrbSize"/> bytes) with
    /// udCompParam = w | compShift, and returns compShift.
    /// </summary>
    public static int Compress(ReadOnlySpan<int> iq, int width, Span<byte> prb)
    {
        IqPacking.CheckWidth(width);
        if (iq.Length < IqPacking.SamplesPerPrb || prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a PRB needs 24 samples and 1 + 3·width bytes");
        }

        BlockScalingCodec.CheckInt16(iq);
        int shift = ChooseCompShift(iq);
        Span<int> codes = stackalloc int[IqPacking.SamplesPerPrb];
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            codes[i] = CompressValue(iq[i], shift, width);
        }

        prb[0] = Param(width, shift);
        IqPacking.Pack(codes, width, prb[1..]);
        return shift;
    }

    /// <summary>
    /// Decompresses one PRB into 24 values on the 16-bit scale and returns compShift (the low nibble of udCompParam).
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> prb, int width, Span<int> iq)
    {
        IqPacking.CheckWidth(width);
        if (prb.Length < PrbSize(width))
        {
            throw new ArgumentException("a µ-law PRB needs 1 + 3·width bytes", nameof(prb));
        }

        int shift = prb[0] & 0x0F;
        IqPacking.Unpack(prb[1..], width, iq);
        for (int i = 0; i < IqPacking.SamplesPerPrb; i++)
        {
            iq[i] = ExpandValue(iq[i], shift, width);
        }

        return shift;
    }
}
