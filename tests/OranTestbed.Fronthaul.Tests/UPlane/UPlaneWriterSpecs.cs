using CsCheck;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.UPlane;

public class UPlaneWriterSpecs
{
    /// <summary>A section to write: its own compression (used when udCompHdr is present), PRB count and IQ.</summary>
    public sealed record SectionSpec(int SectionId, bool Rb, bool SymInc, int StartPrb, UdCompHdr Compression, int[] Iq);

    public sealed record MessageSpec(UPlaneHeader Header, bool Dynamic, UdCompHdr Static, SectionSpec[] Sections);

    private static readonly Gen<UdCompHdr> Compression =
        Gen.Select(Gen.Int[0, 1], Gen.Int[1, 16], (m, w) => UdCompHdr.From((CompressionMethod)m, w));

    private static Gen<int[]> Iq(UdCompHdr c, int prbs) => c.Method == CompressionMethod.None
        ? Gen.Int[IqPacking.MinValue(c.IqWidth), IqPacking.MaxValue(c.IqWidth)].Array[prbs * 24]
        : Gen.Int[0, Math.Min(c.IqWidth + 14, 30)].SelectMany(bits => Gen.Int[-(1 << bits), (1 << bits) - 1].Array[prbs * 24]);

    private static Gen<SectionSpec> Section(Gen<UdCompHdr> compression) =>
        Gen.Select(Gen.Int[0, 4095], Gen.Bool, Gen.Bool, Gen.Int[0, 1023], compression, Gen.Int[1, 4])
            .SelectMany(t => Iq(t.Item5, t.Item6).Select(iq => new SectionSpec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, iq)));

    private static readonly Gen<UPlaneHeader> Header =
        Gen.Select(Gen.Bool, Gen.Int[0, 255], Gen.Int[0, 9], Gen.Int[0, 15], Gen.Int[0, 13], Gen.Int[0, 15])
            .Select(t => UPlaneHeader.Create(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));

    private static readonly Gen<MessageSpec> Message =
        Gen.Select(Header, Gen.Bool, Compression).SelectMany(t =>
            Section(t.Item2 ? Compression : Gen.Const(t.Item3)).Array[1, 4]
                .Select(sections => new MessageSpec(t.Item1, t.Item2, t.Item3, sections)));

    private static int Write(MessageSpec m, Span<byte> buffer)
    {
        var w = new UPlaneWriter(buffer);
        w.WriteHeader(m.Header);
        foreach (var s in m.Sections)
        {
            w.WriteSection(s.SectionId, s.StartPrb, s.Compression, m.Dynamic, s.Iq, s.Rb, s.SymInc);
        }

        return w.Position;
    }

    /// <summary>What the decoder must give back: the value itself (none) or value with the low exponent bits cleared (BFP).</summary>
    private static int[] Expected(SectionSpec s)
    {
        var expected = (int[])s.Iq.Clone();
        if (s.Compression.Method == CompressionMethod.BlockFloatingPoint)
        {
            for (int p = 0; p < s.Iq.Length / 24; p++)
            {
                int e = BfpCodec.ChooseExponent(s.Iq.AsSpan(p * 24, 24), s.Compression.IqWidth);
                for (int i = p * 24; i < (p + 1) * 24; i++)
                {
                    expected[i] = (s.Iq[i] >> e) << e;
                }
            }
        }

        return expected;
    }

    [Test]
    public void UPlaneWriter_must_round_trip_through_the_reader()
    {
        Message.Sample(m =>
        {
            var buffer = new byte[8192];
            int length = Write(m, buffer);
            var options = new FronthaulDecodeOptions
            {
                UdCompHdrPresent = m.Dynamic,
                DownlinkCompression = m.Static,
                UplinkCompression = m.Static,
            };
            var reader = new UPlaneReader(buffer.AsSpan(0, length), 0, options);
            Assert.That(reader.TryReadHeader(out var header), Is.True);
            Assert.That(header, Is.EqualTo(m.Header));
            foreach (var spec in m.Sections)
            {
                bool read = reader.TryReadNext(out var s);
                Assert.That(read, Is.True, reader.Error.ToString());
                Assert.That((s.SectionId, s.Rb, s.SymInc, s.StartPrb, s.NumPrb, s.Compression),
                    Is.EqualTo((spec.SectionId, spec.Rb, spec.SymInc, spec.StartPrb, spec.Iq.Length / 24, spec.Compression)));
                var iq = new int[spec.Iq.Length];
                s.DecompressTo(iq, []);
                Assert.That(iq, Is.EqualTo(Expected(spec)));
            }

            Assert.That(reader.TryReadNext(out _), Is.False);
            Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
        }, iter: 500);
    }

    [Test]
    public void UPlaneWriter_must_write_numPrbu_0_for_a_whole_carrier_section()
    {
        var iq = new int[300 * 24];
        for (int i = 0; i < iq.Length; i++)
        {
            iq[i] = (i * 37 % 4000) - 2000;
        }

        var buffer = new byte[16000];
        var w = new UPlaneWriter(buffer);
        var bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
        w.WriteHeader(UPlaneHeader.Create(true, 1, 2, 3, 4));
        w.WriteSection(7, 0, bfp9, includeUdCompHdr: false, iq, numPrbAsZero: true);
        Assert.That(w.Position, Is.EqualTo(4 + 4 + (300 * 28)));

        var options = new FronthaulDecodeOptions { DownlinkCompression = bfp9, CarrierPrbs = 300 };
        var reader = new UPlaneReader(w.Written, 0, options);
        Assert.That(reader.TryReadNext(out var s), Is.True);
        Assert.That((s.NumPrbRaw, s.NumPrb), Is.EqualTo((0, 300)));
    }

    [Test]
    public void UPlaneWriter_must_reject_values_it_cannot_represent()
    {
        var buffer = new byte[100];
        var iq = new int[24];
        iq[0] = 1000;
        Assert.That(() =>
        {
            var w = new UPlaneWriter(buffer);
            w.WritePrbs(iq, UdCompHdr.From(CompressionMethod.None, 8));
        }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() =>
        {
            var w = new UPlaneWriter(buffer);
            w.WritePrbs(iq, UdCompHdr.From(CompressionMethod.MuLaw, 8));
        }, Throws.TypeOf<NotSupportedException>());
    }
}
