using CsCheck;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Tests.Compression;

public class BfpCodecSpecs
{
    private static readonly Gen<int> Width = Gen.Int[1, 16];

    /// <summary>24 values of a 16-bit-ish PRB: int16 range, sometimes small, sometimes wide (beyond int16, up to 2^(w+14)).</summary>
    private static Gen<(int Width, int[] Iq)> Prb =>
        Width.SelectMany(w => Gen.Int[0, w + 14].SelectMany(bits =>
            Gen.Int[-(1 << bits), (1 << bits) - 1].Array[24].Select(a => (w, a))));

    private static bool Fits(ReadOnlySpan<int> iq, int width, int exponent)
    {
        foreach (int v in iq)
        {
            int m = v >> exponent;
            if (m < IqPacking.MinValue(width) || m > IqPacking.MaxValue(width))
            {
                return false;
            }
        }

        return true;
    }

    [Test]
    public void BfpCodec_must_pick_smallest_exponent_that_fits()
    {
        Prb.Sample(t =>
        {
            int e = BfpCodec.ChooseExponent(t.Iq, t.Width);
            Assert.That(Fits(t.Iq, t.Width, e), Is.True, "chosen exponent must fit");
            if (e > 0)
            {
                Assert.That(Fits(t.Iq, t.Width, e - 1), Is.False, "one less must not fit");
            }
        }, iter: 5000);
    }

    [TestCase(9, -256, 0)]  // −2^8 fits 9 signed bits as is (xRAN's max|x| rule would say 1)
    [TestCase(9, 255, 0)]
    [TestCase(9, 256, 1)]
    [TestCase(9, -257, 1)]
    [TestCase(9, -512, 1)]
    [TestCase(9, -513, 2)]
    [TestCase(16, -32768, 0)]
    [TestCase(16, 32767, 0)]
    [TestCase(8, 0, 0)]
    [TestCase(1, -1, 0)]
    [TestCase(1, 1, 1)]
    public void BfpCodec_must_follow_annex_A_1_exponent_rule(int width, int extreme, int exponent)
    {
        var iq = new int[24];
        iq[5] = extreme;
        Assert.That(BfpCodec.ChooseExponent(iq, width), Is.EqualTo(exponent));
    }

    [Test]
    public void BfpCodec_must_bound_the_error_by_the_exponent()
    {
        Prb.Where(t => BfpCodec.ChooseExponent(t.Iq, t.Width) <= BfpCodec.MaxExponent).Sample(t =>
        {
            var prb = new byte[BfpCodec.PrbSize(t.Width)];
            int e = BfpCodec.Compress(t.Iq, t.Width, prb);
            var back = new int[24];
            Assert.That(BfpCodec.Decompress(prb, t.Width, back), Is.EqualTo(e));
            for (int i = 0; i < 24; i++)
            {
                // Arithmetic shift truncates toward −∞: 0 ≤ original − decompressed < 2^e.
                long error = (long)t.Iq[i] - back[i];
                Assert.That(error, Is.InRange(0L, (1L << e) - 1), $"sample {i}");
            }
        }, iter: 5000);
    }

    [Test]
    public void BfpCodec_must_round_trip_already_representable_values_exactly()
    {
        Width.SelectMany(w => Gen.Int[0, 15].SelectMany(e =>
                Gen.Int[IqPacking.MinValue(w), IqPacking.MaxValue(w)].Array[24].Select(m => (w, e, m))))
            .Sample(t =>
            {
                var iq = t.m.Select(m => m * (1 << t.e)).ToArray();
                var prb = new byte[BfpCodec.PrbSize(t.w)];
                int e = BfpCodec.Compress(iq, t.w, prb);
                Assert.That(e, Is.LessThanOrEqualTo(t.e));
                var back = new int[24];
                BfpCodec.Decompress(prb, t.w, back);
                Assert.That(back, Is.EqualTo(iq));
            }, iter: 5000);
    }

    [Test]
    public void BfpCodec_must_decode_the_shared_capture_prb()
    {
        // Frame 7 PRB 0: exponent 3, 9-bit mantissas; first I mantissa 0x192 = −110 → −880.
        byte[] prb = Convert.FromHexString("03c90034df7dd7bb9de5f1773edd3057283dc1196e08daf2d698dd9d");
        var iq = new int[24];
        Assert.That(BfpCodec.Decompress(prb, 9, iq), Is.EqualTo(3));
        Assert.That(iq[0], Is.EqualTo(-880));
        Assert.That(iq[1], Is.Zero);
    }

    [Test]
    public void BfpCodec_must_ignore_the_reserved_nibble_and_reject_exponents_above_15()
    {
        var prb = new byte[BfpCodec.PrbSize(8)];
        prb[0] = 0xF2;
        prb[1] = 0x01;
        var iq = new int[24];
        Assert.That(BfpCodec.Decompress(prb, 8, iq), Is.EqualTo(2));
        Assert.That(iq[0], Is.EqualTo(4));

        var tooBig = new int[24];
        tooBig[0] = 1 << 23; // needs 23 + 1 − 8 + 1 = 17 > 15 at width 8
        Assert.That(() => BfpCodec.Compress(tooBig, 8, prb), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
