using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Analysis.Iq;

/// <summary>
/// IQ statistics of a block-floating-point section straight from its packed mantissas, eight at a time in SSE
/// registers, without decompressing it: the <c>--iq</c> hot path for BFP of 2 to 9 bits (9 is the common O-RAN width).
/// Decompressing first and summing after costs ~33 ns per PRB for the unpacking alone, more than a 1 GB/s budget allows
/// (28 ns per 28-byte PRB); this does a PRB in a few nanoseconds, whatever its exponent.
/// </summary>
/// <remarks>
/// <para>
/// A PRB (O-RAN.WG4.CUS Annex A.1) is udCompParam (reserved(4) exponent(4)) then 24 w-bit two's-complement mantissas,
/// I0 Q0 I1 Q1 … Q11, MSB first: three groups of eight mantissas, each group exactly w bytes. Mantissa k of a group
/// starts at bit w·k, so it lies inside the 16 bits at byte ⌊w·k/8⌋ when w ≤ 9. One byte shuffle puts those 16 bits
/// in lane k (big-endian), a multiply by 2^(w·k mod 8) moves the mantissa to the top, and an arithmetic shift by 16 − w
/// sign-extends it. Then <c>pmaddwd(m, m)</c> gives I² + Q² per resource element.
/// </para>
/// <para>
/// The totals equal those of the decompressed samples (value = m·2^e, A.1.2) for every exponent 0-15, the ones above
/// 16 − w included (real NVIDIA Aerial BFP-9 traffic uses 8-10, so m·2^e exceeds 16 bits): the exponent is applied to
/// the PRB's sums and never to a 16-bit lane. Σ(I² + Q²) = 4^e·Σm² (Σm² ≤ 24·2^16, so ≤ 2^51 per PRB in a long);
/// peak = 2^e·max|m| (≤ 2^23, in 32-bit lanes); and a value is clipped when 2^e·|m| ≥ L, the symmetric full scale
/// <see cref="IqStatistics.ClippingLevel"/> L = (2^(w−1) − 1)·2^(16−w), i.e. when |m| ≥ ⌈L / 2^e⌉: a per-exponent
/// mantissa threshold, (2^(w−1) − 1) at e = 16 − w (so +max, −max and the most negative mantissa), lower above it, and
/// out of reach below it. No data takes another path, so the speed does not depend on the data.
/// </para>
/// </remarks>
internal static class BfpSectionStatistics
{
    private const int SamplesPerGroup = 8;
    private const int Exponents = 16;

    /// <summary>Largest packed group plus the 16-byte load: the last PRB is copied to a padded buffer of this size.</summary>
    private const int PaddedPrbLength = 1 + (3 * MaxWidth) + 16;

    private const int MaxWidth = 9;

    private static readonly Vector128<byte>[] ShufflesByWidth = ByWidth(Shuffles);
    private static readonly Vector128<short>[] MultipliersByWidth = ByWidth(Multipliers);
    private static readonly Vector128<short>[][] ClippingThresholdsByWidth = ByWidth(ClippingThresholds);

    public static bool IsSupported => Ssse3.IsSupported && Sse41.IsSupported;

    /// <summary>True when this kernel handles sections of the given compression.</summary>
    public static bool Handles(UdCompHdr compression) =>
        IsSupported && compression.Method == CompressionMethod.BlockFloatingPoint && compression.IqWidth is >= 2 and <= MaxWidth;

    /// <summary>
    /// Totals of the section's <paramref name="numPrb"/> PRBs, values m·2^e: Σ(I² + Q²), the largest |I| or |Q|, and the
    /// resource elements with |I| or |Q| at or beyond <see cref="IqStatistics.ClippingLevel"/>. Any exponent 0-15.
    /// </summary>
    public static void Measure(ReadOnlySpan<byte> iqData, int numPrb, int width, out long power, out int peak,
        out long clipped)
    {
        power = 0;
        clipped = 0;
        int prbSize = 1 + (3 * width);
        var shuffles = ShufflesByWidth[width];
        var multipliers = MultipliersByWidth[width];
        var thresholds = ClippingThresholdsByWidth[width];
        int downShift = 16 - width;

        // PRB p's last group is loaded 16 bytes wide from p·size + 1 + 2w: PRBs whose load stays inside the span are
        // read in place, the last one or two through a zero-padded copy.
        int room = iqData.Length - (1 + (2 * width) + 16);
        int inPlace = room < 0 ? 0 : Math.Min(numPrb, (room / prbSize) + 1);

        var peaks = Vector128<uint>.Zero;
        for (int p = 0; p < inPlace; p++)
        {
            AccumulatePrb(iqData.Slice(p * prbSize), shuffles, multipliers, downShift, thresholds,
                ref peaks, ref power, ref clipped);
        }

        Span<byte> padded = stackalloc byte[PaddedPrbLength];
        for (int p = inPlace; p < numPrb; p++)
        {
            padded.Clear();
            iqData.Slice(p * prbSize, prbSize).CopyTo(padded);
            AccumulatePrb(padded, shuffles, multipliers, downShift, thresholds, ref peaks, ref power, ref clipped);
        }

        peak = (int)HorizontalMax(peaks);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AccumulatePrb(ReadOnlySpan<byte> prb, Vector128<byte> shuffles, Vector128<short> multipliers,
        int downShift, Vector128<short>[] clippingThresholds, ref Vector128<uint> peak, ref long power, ref long clipped)
    {
        int exponent = prb[0] & 0x0F;
        int width = 16 - downShift;
        var m0 = Mantissas(prb.Slice(1), shuffles, multipliers, downShift);
        var m1 = Mantissas(prb.Slice(1 + width), shuffles, multipliers, downShift);
        var m2 = Mantissas(prb.Slice(1 + (2 * width)), shuffles, multipliers, downShift);

        // I² + Q² per resource element: at most 2·256² per lane, 12 of them per PRB, well inside an int; the PRB's
        // Σm² (< 2^21) times 4^e (≤ 2^30) < 2^51, and a 273-PRB section's total < 2^60, inside a long.
        var squares = Sse2.MultiplyAddAdjacent(m0, m0) + Sse2.MultiplyAddAdjacent(m1, m1) + Sse2.MultiplyAddAdjacent(m2, m2);
        power += (long)Vector128.Sum(squares) << (2 * exponent);

        // |m| ≤ 256 in 16-bit lanes; |m|·2^e ≤ 2^23 needs the 32-bit lanes it is widened to.
        var a0 = Vector128.Abs(m0);
        var a1 = Vector128.Abs(m1);
        var a2 = Vector128.Abs(m2);
        var magnitude = Sse41.Max(Sse41.Max(a0.AsUInt16(), a1.AsUInt16()), a2.AsUInt16());
        var (low, high) = Vector128.Widen(magnitude);
        peak = Sse41.Max(peak, Sse41.Max(Vector128.ShiftLeft(low, exponent), Vector128.ShiftLeft(high, exponent)));

        // Clipped elements: |I| or |Q| above ⌈L / 2^e⌉ − 1, i.e. 2^e·|m| ≥ L (signed compare; |m| ≤ 256). Each group
        // holds four elements of its own (REs 0-3, 4-7, 8-11): one bit per element, twelve bits per PRB.
        var threshold = clippingThresholds[exponent];
        uint elements = ClippedElements(a0, threshold) | (ClippedElements(a1, threshold) << 4)
                        | (ClippedElements(a2, threshold) << 8);
        clipped += BitOperations.PopCount(elements);
    }

    /// <summary>The eight sign-extended mantissas of the group packed at the start of <paramref name="group"/>
    /// (which must have 16 readable bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Mantissas(ReadOnlySpan<byte> group, Vector128<byte> shuffles,
        Vector128<short> multipliers, int downShift)
    {
        var bytes = Vector128.Create(group);
        var lanes = Ssse3.Shuffle(bytes, shuffles).AsInt16();
        return Vector128.ShiftRightArithmetic(Sse2.MultiplyLow(lanes, multipliers), downShift);
    }

    /// <summary>One bit per resource element (I, Q lane pair) of the group whose |I| or |Q| exceeds the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ClippedElements(Vector128<short> magnitudes, Vector128<short> threshold)
    {
        var beyond = Vector128.GreaterThan(magnitudes, threshold).AsInt32();
        return (~Vector128.Equals(beyond, Vector128<int>.Zero)).ExtractMostSignificantBits();
    }

    private static uint HorizontalMax(Vector128<uint> lanes)
    {
        uint max = 0;
        for (int i = 0; i < Vector128<uint>.Count; i++)
        {
            max = Math.Max(max, lanes.GetElement(i));
        }

        return max;
    }

    private static T[] ByWidth<T>(Func<int, T> create)
    {
        var table = new T[MaxWidth + 1];
        for (int width = 2; width <= MaxWidth; width++)
        {
            table[width] = create(width);
        }

        return table;
    }

    /// <summary>pshufb control: lane k (little-endian 16 bits) = bytes ⌊w·k/8⌋ (high) and ⌊w·k/8⌋ + 1 (low).</summary>
    private static Vector128<byte> Shuffles(int width)
    {
        Span<byte> control = stackalloc byte[16];
        for (int k = 0; k < SamplesPerGroup; k++)
        {
            int first = width * k >> 3;
            control[2 * k] = (byte)(first + 1);
            control[(2 * k) + 1] = (byte)first;
        }

        return Vector128.Create((ReadOnlySpan<byte>)control);
    }

    /// <summary>
    /// Per exponent e, ⌈L / 2^e⌉ − 1 with L = <see cref="IqStatistics.ClippingLevel"/> of BFP at this width: a mantissa
    /// whose magnitude is greater is clipped. Capped at short.MaxValue, out of reach of a 9-bit |m| ≤ 256.
    /// </summary>
    private static Vector128<short>[] ClippingThresholds(int width)
    {
        int level = IqStatistics.ClippingLevel(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, width));
        var thresholds = new Vector128<short>[Exponents];
        for (int exponent = 0; exponent < Exponents; exponent++)
        {
            int smallestClipped = (level + (1 << exponent) - 1) >> exponent;
            thresholds[exponent] = Vector128.Create((short)Math.Min(smallestClipped - 1, short.MaxValue));
        }

        return thresholds;
    }

    /// <summary>2^(w·k mod 8) per lane: the left shift that brings mantissa k to the top of its 16 bits.</summary>
    private static Vector128<short> Multipliers(int width)
    {
        Span<short> factors = stackalloc short[SamplesPerGroup];
        for (int k = 0; k < SamplesPerGroup; k++)
        {
            factors[k] = (short)(1 << (width * k & 7));
        }

        return Vector128.Create((ReadOnlySpan<short>)factors);
    }
}
