using CsCheck;
using OranTestbed.Analysis.Iq;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Analysis.Tests.Iq;

/// <summary>
/// The SIMD kernel against the exact definition: decompress every PRB with <see cref="BfpCodec"/> and sum, compare and
/// count in plain integers, clipping at the symmetric full scale L = (2^(w−1) − 1)·2^(16−w) (|I| or |Q| ≥ L).
/// </summary>
public class BfpSectionStatisticsSpecs
{
    [SetUp]
    public void RequireSse41() =>
        Assume.That(BfpSectionStatistics.IsSupported, "SSSE3/SSE4.1 kernel; other CPUs take the scalar path");

    [Test]
    public void BfpSectionStatistics_must_equal_the_decompressed_totals_for_any_section()
    {
        var sections =
            from width in Gen.Int[2, 9]
            from numPrb in Gen.Int[1, 60]
            from slack in Gen.Int[0, 20]
            from seed in Gen.Int
            select (width, numPrb, slack, seed);

        sections.Sample(s =>
        {
            var iq = RandomSection(s.width, s.numPrb, s.slack, s.seed);
            var expected = Reference(iq, s.numPrb, s.width);

            BfpSectionStatistics.Measure(iq, s.numPrb, s.width, out var power, out var peak, out var clipped);

            return (power, peak, clipped) == expected;
        }, iter: 2_000);
    }

    [TestCase(9)]
    [TestCase(8)]
    [TestCase(4)]
    public void BfpSectionStatistics_must_count_symmetric_full_scale_elements_at_the_largest_exponent(int width)
    {
        int prbSize = 1 + (3 * width);
        int max = (1 << (width - 1)) - 1;
        var iq = new byte[4 * prbSize];
        Pack(iq.AsSpan(0, prbSize), width, 16 - width, Enumerable.Repeat(max, 24).ToArray());           // 12 clipped
        Pack(iq.AsSpan(prbSize, prbSize), width, 15 - width, Enumerable.Repeat(max, 24).ToArray());     // below full scale
        Pack(iq.AsSpan(2 * prbSize, prbSize), width, 16 - width, Enumerable.Repeat(-max - 1, 24).ToArray()); // 12, peak 32768
        Pack(iq.AsSpan(3 * prbSize, prbSize), width, 16 - width, Enumerable.Repeat(-max, 24).ToArray());  // 12: −L counts

        BfpSectionStatistics.Measure(iq, 4, width, out _, out var peak, out var clipped);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(clipped, Is.EqualTo(36));
            Assert.That(peak, Is.EqualTo(32768));
            Assert.That((Reference(iq, 4, width).Clipped, Reference(iq, 4, width).Peak), Is.EqualTo((36L, 32768)));
        }
    }

    [Test]
    public void BfpSectionStatistics_must_measure_exponents_beyond_16_minus_width_exactly()
    {
        // BFP-9 as NVIDIA Aerial sends it: exponents 8-10. At 8, L = 32640 needs |m| ≥ 127.5: 128 and −128 clip, 127 not.
        var iq = new byte[3 * 28];
        var mantissas = new int[24];
        mantissas[0] = 127;
        mantissas[3] = -127;
        Pack(iq.AsSpan(0, 28), 9, 8, mantissas);                   // 127·256 = 32512: not clipped
        mantissas[0] = 128;
        mantissas[3] = -128;
        Pack(iq.AsSpan(28, 28), 9, 8, mantissas);                  // ±32768: 2 clipped
        mantissas[0] = -256;
        mantissas[3] = 1;
        Pack(iq.AsSpan(56, 28), 9, 10, mantissas);                 // −262144 and 1024: 1 clipped, peak 2^18

        BfpSectionStatistics.Measure(iq, 3, 9, out var power, out var peak, out var clipped);
        long expectedPower = (2L * 127 * 127 << 16) + (2L * 128 * 128 << 16) + ((256L * 256 + 1) << 20);
        Assert.That((power, peak, clipped), Is.EqualTo((expectedPower, 1 << 18, 3L)));
    }

    private static byte[] RandomSection(int width, int numPrb, int slack, int seed)
    {
        var random = new Random(seed);
        int prbSize = 1 + (3 * width);
        int max = (1 << (width - 1)) - 1;
        long level = (long)max << (16 - width);
        var iq = new byte[(numPrb * prbSize) + slack];
        random.NextBytes(iq);
        var mantissas = new int[24];
        for (int p = 0; p < numPrb; p++)
        {
            // Every 4-bit exponent, the ones above 16 − w (values beyond 16 bits) included.
            int exponent = random.Next(16);

            // Extremes and the clipping threshold ⌈L / 2^e⌉ often, so that the clipping count and the peak are exercised.
            int threshold = (int)Math.Min((level + (1L << exponent) - 1) >> exponent, max + 1);
            for (int i = 0; i < mantissas.Length; i++)
            {
                mantissas[i] = random.Next(10) switch
                {
                    0 => max,
                    1 => -max - 1,
                    2 => -max,
                    3 => Math.Min(threshold, max) * ((random.Next(2) * 2) - 1),
                    4 => (threshold - 1) * ((random.Next(2) * 2) - 1),
                    _ => random.Next(-max - 1, max + 1),
                };
            }

            Pack(iq.AsSpan(p * prbSize, prbSize), width, exponent, mantissas);
            iq[p * prbSize] |= (byte)(random.Next(16) << 4); // reserved nibble: ignored
        }

        return iq;
    }

    private static void Pack(Span<byte> prb, int width, int exponent, int[] mantissas)
    {
        prb[0] = (byte)exponent;
        IqPacking.Pack(mantissas, width, prb[1..]);
    }

    /// <summary>
    /// The definition on BfpCodec's decompressed values: Σ(I² + Q²), max |I| or |Q|, and the resource elements with
    /// |I| or |Q| at or beyond L = (2^(w−1) − 1)·2^(16−w), the largest mantissa at exponent 16 − w.
    /// </summary>
    private static (long Power, int Peak, long Clipped) Reference(byte[] iq, int numPrb, int width)
    {
        int prbSize = 1 + (3 * width);
        long level = ((1L << (width - 1)) - 1) << (16 - width);
        var values = new int[24];
        long power = 0;
        int peak = 0;
        long clipped = 0;
        for (int p = 0; p < numPrb; p++)
        {
            BfpCodec.Decompress(iq.AsSpan(p * prbSize, prbSize), width, values);
            for (int i = 0; i < 24; i += 2)
            {
                long re = values[i];
                long im = values[i + 1];
                power += (re * re) + (im * im);
                long magnitude = Math.Max(Math.Abs(re), Math.Abs(im));
                peak = (int)Math.Max(peak, magnitude);
                if (magnitude >= level)
                {
                    clipped++;
                }
            }
        }

        return (power, peak, clipped);
    }
}
