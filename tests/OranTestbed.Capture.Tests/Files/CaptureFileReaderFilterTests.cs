using OranTestbed.Capture.Files;
using OranTestbed.Capture.Tests.Support;

namespace OranTestbed.Capture.Tests.Files;

public class CaptureFileReaderFilterTests
{
    // A file mixing what a fronthaul port carries: untagged and tagged eCPRI, PTP, and IPv4 management traffic.
    private static readonly (string Kind, byte[] Frame)[] Mixed =
    [
        ("ecpri", TestFrames.Untagged(TestFrames.EcpriEtherType, 50, 1)),
        ("vlan-ecpri", TestFrames.Tagged(100, TestFrames.EcpriEtherType, 60, 2)),
        ("ptp", TestFrames.Untagged(TestFrames.PtpEtherType, 44, 3)),
        ("ipv4", TestFrames.Untagged(TestFrames.Ipv4EtherType, 46, 4)),
        ("vlan-ecpri", TestFrames.Tagged(100, TestFrames.EcpriEtherType, 80, 5)),
        ("vlan-ptp", TestFrames.Tagged(200, TestFrames.PtpEtherType, 44, 6)),
        ("ecpri", TestFrames.Untagged(TestFrames.EcpriEtherType, 70, 7)),
    ];

    [TestCase("ether proto 0xaefe", new[] { "ecpri", "ecpri" })]
    [TestCase("vlan", new[] { "vlan-ecpri", "vlan-ecpri", "vlan-ptp" })]
    [TestCase("vlan and ether proto 0xaefe", new[] { "vlan-ecpri", "vlan-ecpri" })]
    [TestCase("vlan 200", new[] { "vlan-ptp" })]
    [TestCase("ether proto 0x88f7 or (vlan and ether proto 0x88f7)", new[] { "ptp", "vlan-ptp" })]
    [TestCase("ip", new[] { "ipv4" })]
    public void CaptureFileReader_must_apply_the_BPF_filter(string filter, string[] expectedKinds)
    {
        var path = WriteMixed();

        using var reader = new CaptureFileReader(path, new CaptureFileReaderOptions { Filter = filter });
        var frames = Captures.ReadAll(reader);

        var kinds = frames.Select(f => KindOf(f.Data)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(reader.Filter, Is.EqualTo(filter));
            Assert.That(kinds, Is.EqualTo(expectedKinds));
            Assert.That(frames.Select(f => f.Number), Is.EqualTo(Enumerable.Range(1, Mixed.Length)
                    .Where(n => expectedKinds.Contains(Mixed[n - 1].Kind)).Select(n => (long)n)),
                "Number is the record's position in the file, as in Wireshark");
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void CaptureFileReader_must_read_everything_without_a_filter(string? filter)
    {
        var path = WriteMixed();

        using var reader = new CaptureFileReader(path, new CaptureFileReaderOptions { Filter = filter });

        Assert.Multiple(() =>
        {
            Assert.That(reader.Filter, Is.Null);
            Assert.That(Captures.ReadAll(reader), Has.Count.EqualTo(Mixed.Length));
        });
    }

    [Test]
    public void CaptureFileReader_must_filter_the_shared_capture_like_tshark()
    {
        // tshark -Y is a display filter, not BPF; the 7-frame sample has 3 PTP, 1 untagged and 3 tagged eCPRI.
        var ecpri = Captures.ReadAll(TestFiles.SharedCapture,
            new CaptureFileReaderOptions { Filter = "ether proto 0xaefe or (vlan and ether proto 0xaefe)" });
        var ptp = Captures.ReadAll(TestFiles.SharedCapture,
            new CaptureFileReaderOptions { Filter = "ether proto 0x88f7" });

        Assert.Multiple(() =>
        {
            Assert.That(ecpri, Has.Count.EqualTo(4));
            Assert.That(ptp, Has.Count.EqualTo(3));
            Assert.That(ptp[0].TimestampNanoseconds, Is.EqualTo(1_700_000_000_071_571_875L));
        });
    }

    private static string WriteMixed()
    {
        var path = TestFiles.NewPath("mixed.pcap");
        using var writer = new CaptureFileWriter(path);
        for (var i = 0; i < Mixed.Length; i++)
        {
            writer.Write(Mixed[i].Frame, 1_700_000_000_000_000_001L + (i * 1001));
        }

        return path;
    }

    private static string KindOf(byte[] frame)
    {
        foreach (var (kind, bytes) in Mixed)
        {
            if (bytes.AsSpan().SequenceEqual(frame))
            {
                return kind;
            }
        }

        return "unknown";
    }
}
