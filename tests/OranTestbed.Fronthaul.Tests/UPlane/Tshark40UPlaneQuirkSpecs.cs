using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Fronthaul.Tests.UPlane;

/// <summary>
/// What tshark 4.0.17's O-RAN dissector does where it departs from O-RAN.WG4.CUS, pinned so that a tshark upgrade
/// that changes it is noticed. Our decoder follows the specification in each case.
/// </summary>
[Category(PeerCategories.Tshark)]
public class Tshark40UPlaneQuirkSpecs
{
    private static readonly string[] Fields =
        ["oran_fh_cus.numPrbu", "oran_fh_cus.exponent", "oran_fh_cus.iSample", "oran_fh_cus.qSample", "oran_fh_cus.numberOfSections"];

    private static IReadOnlyList<string> DownlinkPreferences(string method, int width, bool udCompHdr = false) =>
        Tshark.OranPreferences(4, 4, 4, 4, dlComp: method, dlWidth: width, compHdrDown: udCompHdr);

    private static byte[] CodesMessage(UdCompHdr c, int prbs, byte param)
    {
        var codes = new int[prbs * 24];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (i % 7) - 3;
        }

        var body = new byte[1000];
        var w = new UPlaneWriter(body);
        w.WriteHeader(UPlaneHeader.Create(true, 1, 2, 0, 3));
        w.WriteSectionHeader(1, false, false, 0, prbs, null);
        w.WriteCodes(codes, c, Enumerable.Repeat(param, prbs).ToArray());
        return UPlaneTestFrames.Frame(w.Written);
    }

    [Test]
    public void Tshark_4_0_17_ignores_the_sections_udCompHdr_and_uses_the_width_preference()
    {
        // Shared frame 7 carries udCompHdr 9-bit BFP; with the preference at 14 bits tshark mis-sizes the PRBs.
        var rows = Tshark.Fields(TestPaths.SharedCapture, ["oran_fh_cus.udCompHdrWidth", "oran_fh_cus.exponent"],
            Tshark.OranPreferences(4, 4, 4, 4, dlWidth: 14, compHdrDown: true));
        Assert.That(rows[6].Numbers("oran_fh_cus.udCompHdrWidth"), Is.EqualTo(new long[] { 9 }));
        Assert.That(rows[6].Numbers("oran_fh_cus.exponent"), Is.EqualTo(new long[] { 3 }), "our decoder reads 3,4");
    }

    [Test]
    public void Tshark_4_0_17_scales_uncompressed_samples_like_bfp_with_exponent_0()
    {
        // 16-bit "No Compression": 16384 prints as 16384 / 2^30, not 16384 / 32767 as newer Wireshark does.
        var iq = new int[48];
        iq[0] = 16384;
        iq[1] = -32768;
        var body = new byte[200];
        var w = new UPlaneWriter(body);
        w.WriteHeader(UPlaneHeader.Create(true, 1, 2, 0, 3));
        w.WriteSection(1, 0, UdCompHdr.From(CompressionMethod.None, 16), false, iq);
        var pcap = UPlaneTestFrames.WritePcap([UPlaneTestFrames.Frame(w.Written)]);
        var row = Tshark.Fields(pcap, Fields, DownlinkPreferences("No Compression", 16))[0];
        Assert.That(row.All("oran_fh_cus.iSample")[0], Is.EqualTo("1.52588e-05"));
        Assert.That(row.All("oran_fh_cus.qSample")[0], Is.EqualTo("-3.05176e-05"));
        Assert.That(row.Contains("oran_fh_cus.exponent"), Is.False);
    }

    [TestCase("Block Scaling Compression", CompressionMethod.BlockScaling)]
    [TestCase("u-Law Compression", CompressionMethod.MuLaw)]
    public void Tshark_4_0_17_decodes_block_scaling_and_mu_law_as_bfp_with_the_params_low_nibble_as_exponent(
        string preference, CompressionMethod method)
    {
        var c = UdCompHdr.From(method, 8);
        var pcap = UPlaneTestFrames.WritePcap([CodesMessage(c, 2, 0x83)]);
        var row = Tshark.Fields(pcap, Fields, DownlinkPreferences(preference, 8))[0];
        Assert.That(row.Numbers("oran_fh_cus.exponent"), Is.EqualTo(new long[] { 3, 3 }));
        // First code −3 shown as −3 × 2^3 / 2^(7+15): a BFP value, meaningless for these methods.
        TsharkIq.AssertSample(row.All("oran_fh_cus.iSample")[0], -3 * 8, 8, "I0");
    }

    [Test]
    public void Tshark_4_0_17_sizes_a_modulation_compressed_prb_as_1_plus_3w_bytes()
    {
        // Spec: 3w bytes, no udCompParam. tshark reads an "exponent" byte first, so two 12-byte PRBs (w = 4) do not
        // fit its 2 × 13 bytes: it shows PRB 0 (exponent from the first code byte) and stops at PRB 1 (malformed).
        var c = UdCompHdr.From(CompressionMethod.ModulationCompression, 4);
        var frame = CodesMessage(c, 2, 0);
        var pcap = UPlaneTestFrames.WritePcap([frame]);
        var row = Tshark.Fields(pcap, Fields, DownlinkPreferences("Modulation Compression", 4))[0];
        Assert.That(row.Numbers("oran_fh_cus.exponent"), Has.Count.EqualTo(1));
        Assert.That(row.All("oran_fh_cus.iSample"), Has.Count.EqualTo(12));

        var reader = new UPlaneReader(frame.AsSpan(26, 4 + 4 + 24), 26,
            new Decoding.FronthaulDecodeOptions { DownlinkCompression = c });
        Assert.That(reader.TryReadNext(out var s), Is.True);
        Assert.That(s.PrbSize, Is.EqualTo(12));
    }

    [Test]
    public void Tshark_4_0_17_stops_at_the_ecpri_payload_size_not_at_the_ethernet_padding()
    {
        // none, 1-bit samples: one PRB is 3 bytes, so the 11-byte message leaves 23 bytes of Ethernet padding.
        var body = new byte[100];
        var w = new UPlaneWriter(body);
        w.WriteHeader(UPlaneHeader.Create(true, 1, 2, 0, 3));
        w.WriteSection(1, 0, UdCompHdr.From(CompressionMethod.None, 1), false, new int[24]);
        var frame = UPlaneTestFrames.Frame(w.Written);
        Assert.That(frame, Has.Length.EqualTo(60));
        var pcap = UPlaneTestFrames.WritePcap([frame]);
        var row = Tshark.Fields(pcap, Fields, DownlinkPreferences("No Compression", 1))[0];
        // Its "bytes left ≥ 4 + PRB" heuristic would take the padding for more sections; the eCPRI dissector's
        // payload-size-bounded tvb prevents that.
        Assert.That(row.Number("oran_fh_cus.numberOfSections"), Is.EqualTo(1));
        Assert.That(row.Numbers("oran_fh_cus.numPrbu"), Is.EqualTo(new long[] { 1 }));
    }
}
