using OranTestbed.Fronthaul.Compression;

namespace OranTestbed.Fronthaul.Tests.Compression;

public class IqCompressionSpecs
{
    [TestCase(CompressionMethod.None, 8, 24)]
    [TestCase(CompressionMethod.None, 9, 27)]
    [TestCase(CompressionMethod.None, 14, 42)]
    [TestCase(CompressionMethod.None, 16, 48)]
    [TestCase(CompressionMethod.None, 1, 3)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 8, 25)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 9, 28)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 12, 37)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 14, 43)]
    [TestCase(CompressionMethod.BlockFloatingPoint, 16, 49)]
    [TestCase(CompressionMethod.BlockScaling, 8, 25)]
    [TestCase(CompressionMethod.MuLaw, 8, 25)]
    [TestCase(CompressionMethod.ModulationCompression, 4, 12)]
    [TestCase(CompressionMethod.BfpSelectiveRe, 9, 0)]
    [TestCase(CompressionMethod.ModulationCompressionSelectiveReSectionMasks, 2, 0)]
    [TestCase((CompressionMethod)9, 9, 0)]
    [TestCase((CompressionMethod)15, 9, 0)]
    public void IqCompression_must_size_prbs_by_method_and_width(CompressionMethod method, int width, int bytes)
    {
        Assert.That(IqCompression.PrbSize(method, width), Is.EqualTo(bytes));
    }

    [Test]
    public void IqCompression_must_read_width_0_of_udCompHdr_as_16()
    {
        Assert.That(IqCompression.PrbSize(new UdCompHdr(0x01)), Is.EqualTo(49));
        Assert.That(IqCompression.PrbSize(new UdCompHdr(0x00)), Is.EqualTo(48));
    }

    [TestCase(CompressionMethod.BlockScaling, 9)]
    [TestCase(CompressionMethod.BlockScaling, 16)]
    [TestCase(CompressionMethod.MuLaw, 8)]
    [TestCase(CompressionMethod.MuLaw, 14)]
    public void IqCompression_must_expand_block_scaling_and_mu_law_to_linear_16_bit_samples(CompressionMethod method, int width)
    {
        // Methods 2 and 3 used to come out as CompressedCodes; they are now expanded by their Annex A codecs.
        var iq = new int[24];
        for (int i = 0; i < 24; i++)
        {
            iq[i] = (i - 12) * 1000;
        }

        var prb = new byte[IqCompression.PrbSize(method, width)];
        var expected = new int[24];
        if (method == CompressionMethod.BlockScaling)
        {
            BlockScalingCodec.Compress(iq, width, prb);
            BlockScalingCodec.Decompress(prb, width, expected);
        }
        else
        {
            MuLawCodec.Compress(iq, width, prb);
            MuLawCodec.Decompress(prb, width, expected);
        }

        var back = new int[24];
        var kind = IqCompression.DecompressPrb(prb, UdCompHdr.From(method, width), back, out byte param);
        Assert.That(kind, Is.EqualTo(IqSampleKind.Linear));
        Assert.That(param, Is.EqualTo(prb[0]));
        Assert.That(back, Is.EqualTo(expected));
        Assert.That(back[0], Is.EqualTo(-12000).Within(300), "on the scale of the 16-bit input");
    }

    [Test]
    public void IqCompression_must_still_hand_out_raw_codes_for_modulation_compression()
    {
        Span<int> codes = stackalloc int[24];
        for (int i = 0; i < 24; i++)
        {
            codes[i] = (i % 16) - 8;
        }

        Span<byte> prb = stackalloc byte[12];
        IqPacking.Pack(codes, 4, prb);
        Span<int> iq = stackalloc int[24];
        var kind = IqCompression.DecompressPrb(prb, UdCompHdr.From(CompressionMethod.ModulationCompression, 4), iq, out byte param);
        Assert.That(kind, Is.EqualTo(IqSampleKind.CompressedCodes));
        Assert.That(param, Is.Zero);
        Assert.That(iq.ToArray(), Is.EqualTo(codes.ToArray()));
    }

    [TestCase(CompressionMethod.BlockScaling, 8)]
    [TestCase(CompressionMethod.BlockScaling, 9)]
    [TestCase(CompressionMethod.MuLaw, 9)]
    [TestCase(CompressionMethod.MuLaw, 16)]
    public void IqCompression_must_reject_a_truncated_block_scaling_or_mu_law_prb(CompressionMethod method, int width)
    {
        // As before the codecs existed: an ArgumentException (never a read past the span) for every short length.
        // The U-plane reader never hands out a short PRB; this guards direct callers.
        var header = UdCompHdr.From(method, width);
        var iq = new int[24];
        for (int length = 0; length < IqCompression.PrbSize(header); length++)
        {
            var prb = new byte[length];
            Assert.That(() => IqCompression.DecompressPrb(prb, header, iq, out _), Throws.InstanceOf<ArgumentException>(),
                $"length {length}");
        }
    }

    [Test]
    public void IqCompression_must_not_allocate_while_compressing_or_expanding_block_scaling_and_mu_law()
    {
        var iq = new int[24];
        for (int i = 0; i < 24; i++)
        {
            iq[i] = (i * 2731) - 32000;
        }

        var prb = new byte[MuLawCodec.PrbSize(16)];
        var back = new int[24];
        var bs = UdCompHdr.From(CompressionMethod.BlockScaling, 9);
        var mu = UdCompHdr.From(CompressionMethod.MuLaw, 9);
        long total = 0;

        // Warm up (JIT), then measure.
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 1000; n++)
            {
                total += BlockScalingCodec.Compress(iq, 9, prb);
                IqCompression.DecompressPrb(prb, bs, back, out byte p1);
                total += back[0] + p1;
                total += MuLawCodec.Compress(iq, 9, prb);
                IqCompression.DecompressPrb(prb, mu, back, out byte p2);
                total += back[23] + p2;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
            {
                Assert.That(allocated, Is.Zero);
            }
        }

        Assert.That(total, Is.Not.Zero);
    }
}
