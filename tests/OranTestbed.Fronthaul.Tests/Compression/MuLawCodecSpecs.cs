using CsCheck;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Tests.Compression;

/// <summary>
/// µ-law, O-RAN.WG4.CUS Annex A.3, as MathWorks nrORANBlockCompress/Decompress implement it (see
/// <see cref="MuLawCodec"/>). No tshark oracle: tshark 4.0.17 does not expand udCompMeth 3 (it decodes the PRB as
/// BFP with compShift as exponent, see Tshark40UPlaneQuirkSpecs), and Wireshark master still returns 0 for it. The
/// known vectors below are hand-computed from the formulas.
/// </summary>
public class MuLawCodecSpecs
{
    /// <summary>24 int16 values whose magnitudes span a random number of bits, so every compShift occurs.</summary>
    private static Gen<(int Width, int[] Iq)> Prb =>
        Gen.Int[1, 16].SelectMany(w => Gen.Int[0, 15].SelectMany(bits =>
            Gen.Int[-(1 << bits), (1 << bits) - 1].Array[24].Select(a => (w, a))));

    [TestCase(0, 7)]
    [TestCase(255, 7)]      // < 2^8
    [TestCase(256, 6)]      // < 2^9
    [TestCase(-511, 6)]
    [TestCase(1000, 5)]     // < 2^10
    [TestCase(8191, 2)]     // < 2^13
    [TestCase(16383, 1)]    // < 2^14
    [TestCase(16384, 0)]
    [TestCase(-32768, 0)]
    public void MuLawCodec_must_choose_compShift_from_the_annex_table(int extreme, int shift)
    {
        var iq = new int[24];
        iq[11] = extreme;
        Assert.That(MuLawCodec.ChooseCompShift(iq), Is.EqualTo(shift));
    }

    [Test]
    public void MuLawCodec_must_compress_and_expand_a_hand_computed_prb()
    {
        // w = 9, max|x| = 1000 (2^9 ≤ 1000 < 2^10) → compShift 5; a = |x| · 32.
        //   1000: a = 32000 > 2^14 → floor(32000/2^8 + 2^7) = 253; back: 253·2^8 − 2^15 = 32000, /32 = 1000
        //    100: a = 3200 ≤ 2^13 → floor(3200/2^6) = 50;         back: 50·2^6 = 3200, /32 = 100
        //     −5: a = 160 → floor(2.5) = 2 → −2;                   back: 2·64 = 128, /32 = 4 → −4
        //    300: a = 9600 ≤ 2^14 → floor(9600/2^7 + 2^6) = 139;  back: 139·2^7 − 2^13 = 9600, /32 = 300
        //    301: a = 9632 → floor(75.25 + 64) = 139;              back: 300
        //      7: a = 224 → floor(3.5) = 3;                        back: 192/32 = 6
        //      1: a = 32 → 0;   3: a = 96 → 1, back 64/32 = 2
        var iq = new int[24];
        int[] head = [1000, -1000, 100, -5, 300, 301, 7, 1, 3];
        head.CopyTo(iq, 0);
        var prb = new byte[MuLawCodec.PrbSize(9)];
        Assert.That(MuLawCodec.Compress(iq, 9, prb), Is.EqualTo(5));
        Assert.That(prb[0], Is.EqualTo(0x95), "compBitWidth 9 | compShift 5");

        var codes = new int[24];
        IqPacking.Unpack(prb.AsSpan(1), 9, codes);
        Assert.That(codes[..9], Is.EqualTo(new[] { 253, -253, 50, -2, 139, 139, 3, 0, 1 }));
        Assert.That(codes[9..], Is.All.Zero);

        var back = new int[24];
        Assert.That(MuLawCodec.Decompress(prb, 9, back), Is.EqualTo(5));
        Assert.That(back[..9], Is.EqualTo(new[] { 1000, -1000, 100, -4, 300, 300, 6, 0, 2 }));
    }

    [TestCase(9, 0, 255, 32512)]    // top of segment 3: 255·2^8 − 2^15
    [TestCase(9, 0, -256, -32512)]  // |−2^(w−1)| is saturated to 2^(w−1) − 1
    [TestCase(9, 0, 128, 8192)]     // top of segment 1: 2^(w−2) · 2^6 = 2^13
    [TestCase(9, 0, 129, 8320)]     // segment 2: 129·2^7 − 2^13
    [TestCase(9, 0, 192, 16384)]    // top of segment 2: 2^(w−2) + 2^(w−3)
    [TestCase(9, 0, 193, 16640)]    // segment 3: 193·2^8 − 2^15
    [TestCase(9, 7, 1, 1)]          // 64/128 = 0.5 → 1 (rounding inferred: half away from zero)
    [TestCase(9, 7, -1, -1)]
    [TestCase(9, 7, 2, 1)]          // 128/128
    [TestCase(9, 7, 3, 2)]          // 192/128 = 1.5 → 2
    [TestCase(16, 0, 3, 2)]         // w = 16, segment 1 is |c|/2: 1.5 → 2
    [TestCase(16, 0, 32767, 32766)] // segment 3: 32767·2 − 2^15
    [TestCase(8, 2, 100, 4608)]     // 100 > 96 → segment 3: (100·2^9 − 2^15)/4 = 18432/4
    [TestCase(1, 0, -1, 0)]         // 1-bit codes carry no magnitude
    public void MuLawCodec_must_expand_codes_by_the_three_segment_curve(int width, int shift, int code, int value)
    {
        Assert.That(MuLawCodec.ExpandValue(code, shift, width), Is.EqualTo(value));
    }

    [TestCase(9, 0, 32767, 255)]
    [TestCase(9, 0, -32768, -255)] // |−32768| saturates to 2^15 − 1 first
    [TestCase(9, 0, 8192, 128)]
    [TestCase(9, 0, 8193, 128)]    // just past the first knee: floor(64.0078 + 64) = 128, the first knee's code
    [TestCase(9, 0, 16384, 192)]
    [TestCase(16, 0, 4096, 8192)]  // w = 16, segment 1 doubles
    public void MuLawCodec_must_compress_values_by_the_three_segment_curve(int width, int shift, int value, int code)
    {
        Assert.That(MuLawCodec.CompressValue(value, shift, width), Is.EqualTo(code));
    }

    [Test]
    public void MuLawCodec_must_expand_what_it_compressed_within_quantisation_error()
    {
        Prb.Sample(t =>
        {
            var prb = new byte[MuLawCodec.PrbSize(t.Width)];
            int shift = MuLawCodec.Compress(t.Iq, t.Width, prb);
            var back = new int[24];
            Assert.That(MuLawCodec.Decompress(prb, t.Width, back), Is.EqualTo(shift));
            for (int i = 0; i < 24; i++)
            {
                // Truncation to the segment's step (2^(15−w), 2^(16−w), 2^(17−w) on the shifted 15-bit magnitude),
                // undone by the shift; plus 1 for saturating |−32768| and ½ for the decompressor's rounding.
                long a = Math.Min(Math.Abs((long)t.Iq[i]) << shift, 32767);
                int segment = a <= 1 << 13 ? 0 : a <= 1 << 14 ? 1 : 2;
                double bound = (Math.Pow(2, 15 - t.Width + segment) / (1 << shift)) + 1.5;
                Assert.That(Math.Abs(t.Iq[i] - back[i]), Is.LessThanOrEqualTo(bound), $"sample {i}");
                Assert.That(Math.Abs(back[i]), Is.LessThanOrEqualTo(Math.Abs(t.Iq[i]) + 0.5),
                    "truncation never grows a magnitude beyond rounding");
                Assert.That(Math.Sign(back[i]) * Math.Sign(t.Iq[i]), Is.Not.EqualTo(-1), "sign kept");
            }
        }, iter: 5000);
    }

    [Test]
    public void MuLawCodec_must_round_trip_prbs_within_w_minus_3_bits_exactly_from_8_bits()
    {
        // |x| < 2^(w−3): after the block shift every value lands on its segment's grid (and for compShift 7,
        // w ≥ 8 keeps the first segment's step 2^(15−w) ≤ 2^7), so the expansion returns x itself.
        Gen.Int[8, 16].SelectMany(w => Gen.Int[0, w - 3].SelectMany(bits =>
                Gen.Int[-(1 << bits) + 1, (1 << bits) - 1].Array[24].Select(a => (w, a))))
            .Sample(t =>
            {
                var prb = new byte[MuLawCodec.PrbSize(t.w)];
                MuLawCodec.Compress(t.a, t.w, prb);
                var back = new int[24];
                MuLawCodec.Decompress(prb, t.w, back);
                Assert.That(back, Is.EqualTo(t.a));
            }, iter: 5000);
    }

    [Test]
    public void MuLawCodec_must_expand_monotonically()
    {
        Gen.Int[1, 16].SelectMany(w => Gen.Int[0, 15].SelectMany(s =>
                Gen.Int[IqPacking.MinValue(w), IqPacking.MaxValue(w)].SelectMany(a =>
                    Gen.Int[IqPacking.MinValue(w), IqPacking.MaxValue(w)].Select(b => (w, s, Math.Min(a, b), Math.Max(a, b))))))
            .Sample(t => Assert.That(MuLawCodec.ExpandValue(t.Item3, t.s, t.w),
                Is.LessThanOrEqualTo(MuLawCodec.ExpandValue(t.Item4, t.s, t.w))), iter: 10000);
    }

    [Test]
    public void MuLawCodec_must_expand_every_code_monotonically_and_odd_symmetrically_at_compShift_0()
    {
        for (int w = 1; w <= 16; w++)
        {
            int previous = int.MinValue;
            for (int c = IqPacking.MinValue(w); c <= IqPacking.MaxValue(w); c++)
            {
                int v = MuLawCodec.ExpandValue(c, 0, w);
                Assert.That(v, Is.GreaterThanOrEqualTo(previous), $"w {w} code {c}");
                
                // −c of the bottom code is out of range; the expander saturates it like the bottom code itself.
                Assert.That(MuLawCodec.ExpandValue(-c, 0, w), Is.EqualTo(-v), $"w {w} code {-c}");
                previous = v;
            }
        }
    }

    [Test]
    public void MuLawCodec_must_compress_monotonically()
    {
        Gen.Int[1, 16].SelectMany(w => Gen.Int[0, 7].SelectMany(s =>
                Gen.Int[short.MinValue, short.MaxValue].SelectMany(a =>
                    Gen.Int[short.MinValue, short.MaxValue].Select(b => (w, s, Math.Min(a, b), Math.Max(a, b))))))
            .Sample(t =>
            {
                int lo = MuLawCodec.CompressValue(t.Item3, t.s, t.w);
                int hi = MuLawCodec.CompressValue(t.Item4, t.s, t.w);
                Assert.That(lo, Is.LessThanOrEqualTo(hi));
                Assert.That(lo, Is.InRange(IqPacking.MinValue(t.w), IqPacking.MaxValue(t.w)));
                Assert.That(hi, Is.InRange(IqPacking.MinValue(t.w), IqPacking.MaxValue(t.w)));
            }, iter: 10000);
    }

    [Test]
    public void MuLawCodec_must_write_16_bit_compBitWidth_as_0_and_ignore_it_when_decompressing()
    {
        var iq = new int[24];
        iq[0] = 100; // compShift 7
        var prb = new byte[MuLawCodec.PrbSize(16)];
        Assert.That(MuLawCodec.Compress(iq, 16, prb), Is.EqualTo(7));
        Assert.That(prb[0], Is.EqualTo(0x07));

        prb[0] = 0xC7; // a different compBitWidth nibble: the section's udIqWidth still governs
        var back = new int[24];
        Assert.That(MuLawCodec.Decompress(prb, 16, back), Is.EqualTo(7));
        Assert.That(back[0], Is.EqualTo(100));
    }

    [Test]
    public void MuLawCodec_must_reject_short_buffers_and_non_16_bit_input()
    {
        var iq = new int[24];
        Assert.That(() => MuLawCodec.Decompress(new byte[MuLawCodec.PrbSize(9) - 1], 9, iq),
            Throws.InstanceOf<ArgumentException>());
        Assert.That(() => MuLawCodec.Compress(iq, 9, new byte[27]), Throws.InstanceOf<ArgumentException>());
        iq[3] = -32769;
        Assert.That(() => MuLawCodec.Compress(iq, 9, new byte[28]), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
