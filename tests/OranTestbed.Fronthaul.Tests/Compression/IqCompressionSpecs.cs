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

    [Test]
    public void IqCompression_must_hand_out_raw_codes_and_param_for_block_scaling_and_mu_law()
    {
        Span<int> codes = stackalloc int[24];
        for (int i = 0; i < 24; i++)
        {
            codes[i] = i - 12;
        }

        Span<byte> prb = stackalloc byte[25];
        prb[0] = 0xA5;
        IqPacking.Pack(codes, 8, prb[1..]);
        Span<int> iq = stackalloc int[24];
        foreach (var method in new[] { CompressionMethod.BlockScaling, CompressionMethod.MuLaw })
        {
            var kind = IqCompression.DecompressPrb(prb, UdCompHdr.From(method, 8), iq, out byte param);
            Assert.That(kind, Is.EqualTo(IqSampleKind.CompressedCodes));
            Assert.That(param, Is.EqualTo(0xA5));
            Assert.That(iq.ToArray(), Is.EqualTo(codes.ToArray()));
        }
    }
}
