using CsCheck;
using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Tests.Compression;

public class NoCompressionCodecSpecs
{
    [Test]
    public void NoCompressionCodec_must_round_trip_every_value_at_widths_1_to_16()
    {
        Gen.Int[1, 16].SelectMany(w => Gen.Int[IqPacking.MinValue(w), IqPacking.MaxValue(w)].Array[24].Select(a => (w, a)))
            .Sample(t =>
            {
                var prb = new byte[IqCompression.PrbSize(CompressionMethod.None, t.w)];
                Assert.That(NoCompressionCodec.Compress(t.a, t.w, prb), Is.Zero);
                var back = new int[24];
                NoCompressionCodec.Decompress(prb, t.w, back);
                Assert.That(back, Is.EqualTo(t.a));
            }, iter: 2000);
    }

    [Test]
    public void NoCompressionCodec_must_saturate_or_reject_out_of_range_values()
    {
        var iq = new int[24];
        iq[0] = 200;
        iq[1] = -300;
        var prb = new byte[24];
        Assert.That(() => NoCompressionCodec.Compress(iq, 8, prb), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(NoCompressionCodec.Compress(iq, 8, prb, saturate: true), Is.EqualTo(2));
        var back = new int[24];
        NoCompressionCodec.Decompress(prb, 8, back);
        Assert.That(back[..2], Is.EqualTo(new[] { 127, -128 }));
    }

    [Test]
    public void NoCompressionCodec_must_write_16_bit_samples_big_endian()
    {
        var iq = new int[24];
        iq[0] = -2;
        iq[1] = 0x1234;
        var prb = new byte[48];
        NoCompressionCodec.Compress(iq, 16, prb);
        Assert.That(prb[..4], Is.EqualTo(new byte[] { 0xFF, 0xFE, 0x12, 0x34 }));
    }
}
