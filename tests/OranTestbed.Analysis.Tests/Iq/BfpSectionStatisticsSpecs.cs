using CsCheck;
using OranTestbed.Analysis.Iq;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Analysis.Tests.Iq;

/// <summary>
/// The SIMD kernel against the exact definition: decompress every PRB with <see cref="BfpCodec"/> and sum, compare and
/// count in plain integers.
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

            var handled = BfpSectionStatistics.TryMeasure(iq, s.numPrb, s.width, out var power, out var peak,
                out var clipped);

            return handled && (power, peak, clipped) == expected;
        }, iter: 2_000);
    }

    [TestCase(9)]
    [TestCase(8)]
    [TestCase(4)]
    public void BfpSectionStatistics_must_count_full_scale_elements_only_at_the_largest_exponent(int width)
    {
        int prbSize = 1 + (3 * width);
        var iq = new byte[3 * prbSize];
        var largest = Enumerable.Repeat((1 << (width - 1)) - 1, 24).ToArray();
        var smallest = Enumerable.Repeat(-(1 << (width - 1)), 24).ToArray();
        Pack(iq.AsSpan(0, prbSize), width, 16 - width, largest);          // 12 clipped elements
        Pack(iq.AsSpan(prbSize, prbSize), width, 15 - width, largest);    // below full scale
        Pack(iq.AsSpan(2 * prbSize, prbSize), width, 16 - width, smallest); // 12 clipped, peak 32768

        Assert.That(BfpSectionStatistics.TryMeasure(iq, 3, width, out _, out var peak, out var clipped), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(clipped, Is.EqualTo(24));
            Assert.That(peak, Is.EqualTo(32768));
            Assert.That((Reference(iq, 3, width).Clipped, Reference(iq, 3, width).Peak), Is.EqualTo((24L, 32768)));
        });
    }

    [Test]
    public void BfpSectionStatistics_must_leave_exponents_beyond_16_minus_width_to_the_exact_path()
    {
        var iq = RandomSection(9, 4, 0, 1);
        iq[2 * 28] = 8; // PRB 2: exponent 8 > 16 − 9

        Assert.That(BfpSectionStatistics.TryMeasure(iq, 4, 9, out _, out _, out _), Is.False);
    }

    private static byte[] RandomSection(int width, int numPrb, int slack, int seed)
    {
        var random = new Random(seed);
        int prbSize = 1 + (3 * width);
        var iq = new byte[(numPrb * prbSize) + slack];
        random.NextBytes(iq);
        var mantissas = new int[24];
        for (int p = 0; p < numPrb; p++)
        {
            // Extremes often, so that the clipping count and the peak are exercised.
            for (int i = 0; i < mantissas.Length; i++)
            {
                mantissas[i] = random.Next(6) switch
                {
                    0 => (1 << (width - 1)) - 1,
                    1 => -(1 << (width - 1)),
                    _ => random.Next(-(1 << (width - 1)), 1 << (width - 1)),
                };
            }

            Pack(iq.AsSpan(p * prbSize, prbSize), width, random.Next(17 - width), mantissas);
            iq[p * prbSize] |= (byte)(random.Next(16) << 4); // reserved nibble: ignored
        }

        return iq;
    }

    private static void Pack(Span<byte> prb, int width, int exponent, int[] mantissas)
    {
        prb[0] = (byte)exponent;
        IqPacking.Pack(mantissas, width, prb[1..]);
    }

    /// <summary>The definition IqStatistics' scalar path implements, on BfpCodec's decompressed values.</summary>
    private static (long Power, int Peak, long Clipped) Reference(byte[] iq, int numPrb, int width)
    {
        int prbSize = 1 + (3 * width);
        int positiveFullScale = IqStatistics.FullScale - (1 << (16 - width));
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
                peak = (int)Math.Max(peak, Math.Max(Math.Abs(re), Math.Abs(im)));
                if (re >= positiveFullScale || im >= positiveFullScale || re <= -IqStatistics.FullScale
                    || im <= -IqStatistics.FullScale)
                {
                    clipped++;
                }
            }
        }

        return (power, peak, clipped);
    }
}
