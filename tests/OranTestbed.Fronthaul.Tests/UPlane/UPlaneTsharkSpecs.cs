using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.UPlane;

/// <summary>
/// Field-by-field agreement with tshark 4.0.17 on frames built by <see cref="UPlaneWriter"/> and
/// <see cref="FrameWriter"/>. tshark 4.0.17 takes the IQ width and method from its preferences only (it shows a
/// section's udCompHdr but does not use it), so every message of a case uses the preference's compression.
/// </summary>
[Category(PeerCategories.Tshark)]
public class UPlaneTsharkSpecs
{
    private static readonly string[] Fields =
    [
        "oran_fh_cus.data_direction", "oran_fh_cus.payloadVersion", "oran_fh_cus.filterIndex", "oran_fh_cus.frameId",
        "oran_fh_cus.subframe_id", "oran_fh_cus.slotId", "oran_fh_cus.startSymbolId", "oran_fh_cus.numberOfSections",
        "oran_fh_cus.sectionId", "oran_fh_cus.rb", "oran_fh_cus.symInc", "oran_fh_cus.startPrbu", "oran_fh_cus.numPrbu",
        "oran_fh_cus.udCompHdrWidth", "oran_fh_cus.udCompHdrMeth", "oran_fh_cus.exponent", "oran_fh_cus.iSample",
        "oran_fh_cus.qSample",
    ];

    private static string MethodPreference(CompressionMethod method) => method switch
    {
        CompressionMethod.None => "No Compression",
        CompressionMethod.BlockFloatingPoint => "Block Floating Point Compression",
        CompressionMethod.BlockScaling => "Block Scaling Compression",
        CompressionMethod.MuLaw => "u-Law Compression",
        CompressionMethod.ModulationCompression => "Modulation Compression",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static IReadOnlyList<string> Preferences(bool downlink, UdCompHdr c, bool dynamic, int carrierPrbs)
    {
        string method = MethodPreference(c.Method);
        return Tshark.OranPreferences(4, 4, 4, 4,
            dlComp: downlink ? method : null, dlWidth: downlink ? c.IqWidth : null,
            ulComp: downlink ? null : method, ulWidth: downlink ? null : c.IqWidth,
            compHdrDown: downlink && dynamic, compHdrUp: !downlink && dynamic, prbs: carrierPrbs);
    }

    /// <summary>IQ for <paramref name="prbs"/> PRBs: full-scale for no compression, for BFP a per-PRB magnitude
    /// that walks the exponents 0..15 (values up to 2^(w−1+15)), with the extremes −2^k and 2^k−1 included.</summary>
    private static int[] RandomIq(Random random, UdCompHdr c, int prbs)
    {
        var iq = new int[prbs * 24];
        int w = c.IqWidth;
        for (int p = 0; p < prbs; p++)
        {
            int bits = c.Method == CompressionMethod.None ? w - 1 : random.Next(0, Math.Min(w - 1 + 15, 30) + 1);
            int min = -(1 << bits);
            int max = (1 << bits) - 1;
            for (int i = 0; i < 24; i++)
            {
                iq[(p * 24) + i] = i switch
                {
                    0 => min,
                    1 => max,
                    _ => random.Next(min, max + 1),
                };
            }
        }

        return iq;
    }

    private static (byte[] Frame, int Sections) BuildMessage(Random random, int index, bool downlink, UdCompHdr c,
        bool dynamic, bool numPrbZero, int carrierPrbs)
    {
        var body = new byte[20000];
        var w = new UPlaneWriter(body);
        w.WriteHeader(UPlaneHeader.Create(downlink, (index * 37) % 256, index % 10, index % 2, index % 14,
            filterIndex: index % 2));
        int sections = numPrbZero ? 1 : 1 + (index % 3);
        for (int s = 0; s < sections; s++)
        {
            int prbs = numPrbZero ? carrierPrbs : random.Next(2, 6);
            w.WriteSection(random.Next(0, 4096), random.Next(0, 1000), c, dynamic, RandomIq(random, c, prbs),
                rb: random.Next(2) == 1, symInc: random.Next(2) == 1, numPrbAsZero: numPrbZero);
        }

        return (UPlaneTestFrames.Frame(w.Written, (byte)index), sections);
    }

    [TestCase(true, CompressionMethod.BlockFloatingPoint, 8, false, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 9, false, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 12, false, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 14, false, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 16, false, false)]
    [TestCase(true, CompressionMethod.None, 8, false, false)]
    [TestCase(true, CompressionMethod.None, 9, false, false)]
    [TestCase(true, CompressionMethod.None, 14, false, false)]
    [TestCase(true, CompressionMethod.None, 16, false, false)]
    [TestCase(false, CompressionMethod.BlockFloatingPoint, 9, false, false)]
    [TestCase(false, CompressionMethod.None, 16, false, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 9, true, false)]
    [TestCase(false, CompressionMethod.BlockFloatingPoint, 14, true, false)]
    [TestCase(false, CompressionMethod.None, 8, true, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 16, true, false)]
    [TestCase(true, CompressionMethod.BlockFloatingPoint, 9, false, true)]
    [TestCase(false, CompressionMethod.None, 14, true, true)]
    public void UPlaneReader_must_agree_with_tshark(bool downlink, CompressionMethod method, int width, bool dynamic,
        bool numPrbZero)
    {
        var c = UdCompHdr.From(method, width);
        const int carrierPrbs = 7;
        var random = new Random((int)method * 1000 + width * 10 + (downlink ? 1 : 0) + (dynamic ? 2 : 0));
        var messages = Enumerable.Range(0, 4)
            .Select(i => BuildMessage(random, i, downlink, c, dynamic, numPrbZero, carrierPrbs)).ToList();
        var pcap = UPlaneTestFrames.WritePcap(messages.Select(m => m.Frame));
        var rows = Tshark.Fields(pcap, Fields, Preferences(downlink, c, dynamic, carrierPrbs));
        Assert.That(rows, Has.Count.EqualTo(messages.Count));

        var options = new FronthaulDecodeOptions
        {
            UdCompHdrPresent = dynamic,
            DownlinkCompression = c,
            UplinkCompression = c,
            CarrierPrbs = carrierPrbs,
        };
        for (int f = 0; f < messages.Count; f++)
        {
            AssertFrameAgrees(messages[f].Frame, rows[f], options, c, dynamic, f);
        }
    }

    private static void AssertFrameAgrees(byte[] frame, TsharkFrame t, FronthaulDecodeOptions options, UdCompHdr c,
        bool dynamic, int index)
    {
        int payloadSize = (frame[20] << 8) | frame[21];
        var reader = new UPlaneReader(frame.AsSpan(UPlaneTestFrames.BodyOffset, payloadSize - 4),
            UPlaneTestFrames.BodyOffset, options);
        Assert.That(reader.TryReadHeader(out var h), Is.True);
        string at = $"frame {index}";
        Assert.That(t.Number("oran_fh_cus.data_direction"), Is.EqualTo(h.DataDirection), at);
        Assert.That(t.Number("oran_fh_cus.payloadVersion"), Is.EqualTo(h.PayloadVersion), at);
        Assert.That(t.Number("oran_fh_cus.filterIndex"), Is.EqualTo(h.FilterIndex), at);
        Assert.That(t.Number("oran_fh_cus.frameId"), Is.EqualTo(h.FrameId), at);
        Assert.That(t.Number("oran_fh_cus.subframe_id"), Is.EqualTo(h.SubframeId), at);
        Assert.That(t.Number("oran_fh_cus.slotId"), Is.EqualTo(h.SlotId), at);
        Assert.That(t.Number("oran_fh_cus.startSymbolId"), Is.EqualTo(h.SymbolId), at);

        var sectionIds = new List<long>();
        var rbs = new List<long>();
        var symIncs = new List<long>();
        var starts = new List<long>();
        var nums = new List<long>();
        var widths = new List<long>();
        var methods = new List<long>();
        var exponents = new List<long>();
        var samples = new List<int>();
        var iq = new int[24];
        while (reader.TryReadNext(out var s))
        {
            sectionIds.Add(s.SectionId);
            rbs.Add(s.Rb ? 1 : 0);
            symIncs.Add(s.SymInc ? 1 : 0);
            starts.Add(s.StartPrb);
            nums.Add(s.NumPrbRaw);
            if (s.HasUdCompHdr)
            {
                widths.Add(s.Compression.RawIqWidth);
                methods.Add(s.Compression.RawMethod);
            }

            for (int p = 0; p < s.NumPrb; p++)
            {
                s.DecompressPrb(p, iq, out _);
                if (s.Compression.Method == CompressionMethod.BlockFloatingPoint)
                {
                    exponents.Add(s.GetExponent(p));
                }

                samples.AddRange(iq);
            }
        }

        Assert.That(reader.Error.IsError, Is.False, reader.Error.ToString());
        Assert.That(t.Number("oran_fh_cus.numberOfSections"), Is.EqualTo(reader.SectionsRead), at);
        Assert.That(t.Numbers("oran_fh_cus.sectionId"), Is.EqualTo(sectionIds), at);
        Assert.That(t.Numbers("oran_fh_cus.rb"), Is.EqualTo(rbs), at);
        Assert.That(t.Numbers("oran_fh_cus.symInc"), Is.EqualTo(symIncs), at);
        Assert.That(t.Numbers("oran_fh_cus.startPrbu"), Is.EqualTo(starts), at);
        Assert.That(t.Numbers("oran_fh_cus.numPrbu"), Is.EqualTo(nums), at);
        Assert.That(t.Numbers("oran_fh_cus.udCompHdrWidth"), Is.EqualTo(widths), at);
        Assert.That(t.Numbers("oran_fh_cus.udCompHdrMeth"), Is.EqualTo(methods), at);
        Assert.That(t.Numbers("oran_fh_cus.exponent"), Is.EqualTo(exponents), at);
        Assert.That(dynamic, Is.EqualTo(widths.Count > 0));

        var i = t.All("oran_fh_cus.iSample");
        var q = t.All("oran_fh_cus.qSample");
        Assert.That(i, Has.Count.EqualTo(samples.Count / 2), at);
        Assert.That(q, Has.Count.EqualTo(samples.Count / 2), at);
        for (int n = 0; n < i.Count; n++)
        {
            TsharkIq.AssertSample(i[n], samples[2 * n], c.IqWidth, $"{at} I{n}");
            TsharkIq.AssertSample(q[n], samples[(2 * n) + 1], c.IqWidth, $"{at} Q{n}");
        }
    }
}
