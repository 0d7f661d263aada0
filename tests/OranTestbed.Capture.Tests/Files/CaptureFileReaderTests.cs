using OranTestbed.Capture.Files;
using OranTestbed.Capture.Tests.Support;
using OranTestbed.TestSupport.Peers;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Tests.Files;

public class CaptureFileReaderTests
{
    // Odd nanoseconds in every digit position, including ...999999999 and a fraction of 1 ns.
    private static readonly long[] OddTimestamps =
    [
        1_700_000_000_071_571_875,
        1_700_000_000_071_571_877,
        1_700_000_001_000_000_001,
        1_700_000_002_999_999_999,
        1_700_000_003_123_456_789,
        0_000_000_000_000_000_003,
        2_147_483_648_000_000_007, // 2038-01-19: ts_sec no longer fits a signed 32-bit
        4_294_967_295_999_999_999, // the last second classic pcap can hold
    ];

    private static readonly string[] ExpectedReaderEvents =
        ["CaptureFilterApplied", "CaptureFileOpened", "CaptureFileEnded", "CaptureFileClosed"];

    [Test]
    public void CaptureFileReader_must_keep_nanosecond_timestamps()
    {
        var path = WriteOddTimestamps("odd.pcap");

        var frames = Captures.ReadAll(path);

        Assert.That(frames.Select(f => f.TimestampNanoseconds), Is.EqualTo(OddTimestamps));
    }

    [Test]
    public void CaptureFileReader_must_read_the_shared_sample_capture()
    {
        using var reader = new CaptureFileReader(TestFiles.SharedCapture);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Format, Is.EqualTo(CaptureFileFormat.PcapNanosecond));
            Assert.That(reader.LinkType, Is.EqualTo(LinkLayers.Ethernet));
            Assert.That(reader.IsEthernet, Is.True);
            Assert.That(reader.Resolution, Is.EqualTo(TimestampResolution.Nanosecond));
            Assert.That(frames, Has.Count.EqualTo(7));
            Assert.That(frames[0].TimestampNanoseconds, Is.EqualTo(1_700_000_000_071_571_875L));
            Assert.That(frames.Select(f => f.Number), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6, 7 }));
            Assert.That(reader.Error, Is.Null);
            Assert.That(reader.IsCompleted, Is.True);
        });
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_agree_with_tshark_on_the_shared_capture()
    {
        var tshark = WiresharkTools.TsharkFields(TestFiles.SharedCapture, "frame.time_epoch", "frame.len",
            "frame.cap_len");

        var frames = Captures.ReadAll(TestFiles.SharedCapture);

        Assert.That(frames, Has.Count.EqualTo(tshark.Count));
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            Assert.That($"{FormatEpoch(f.TimestampNanoseconds)}\t{f.OriginalLength}\t{f.Data.Length}",
                Is.EqualTo(tshark[i]), $"frame {i + 1}");
        }
    }

    [Test]
    public void CaptureFileReader_must_agree_with_SharpPcap_headers_and_data()
    {
        // Our reading against SharpPcap's own (allocating) PcapHeader, frame by frame. Only before 2038: from 2^31 s
        // libpcap sign-extends ts_sec and SharpPcap casts it to ulong (a garbage time).
        var path = WriteOddTimestamps("agree.pcap", snapFirst: true, maxSeconds: int.MaxValue);

        Captures.AssertAgreesWithLibpcap(path);
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_read_pcapng_with_nanosecond_timestamps()
    {
        var pcap = WriteOddTimestamps("source.pcap");
        var pcapng = Path.Combine(Path.GetDirectoryName(pcap)!, "converted.pcapng");
        WiresharkTools.Editcap("-F", "pcapng", pcap, pcapng);

        using var reader = new CaptureFileReader(pcapng);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Format, Is.EqualTo(CaptureFileFormat.PcapNg));
            Assert.That(frames.Select(f => f.TimestampNanoseconds), Is.EqualTo(OddTimestamps));
            Assert.That(frames.Select(f => f.Data), Is.EqualTo(Captures.ReadAll(pcap).Select(f => f.Data)));
        });
    }

    [TestCase("pcap", CaptureFileFormat.PcapMicrosecond)]
    [TestCase("pcapng", CaptureFileFormat.PcapNg)]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_scale_microsecond_files_to_nanoseconds(string editcapFormat,
        CaptureFileFormat expectedFormat)
    {
        // editcap -F pcap writes classic µs pcap (magic A1B2C3D4), truncating the ns digits; converting that to
        // pcapng gives if_tsresol 6. Either way libpcap hands us ns = µs * 1000.
        var nanosecond = WriteOddTimestamps("ns.pcap");
        var microsecond = Path.Combine(Path.GetDirectoryName(nanosecond)!, "us.pcap");
        WiresharkTools.Editcap("-F", "pcap", nanosecond, microsecond);
        var target = microsecond;
        if (editcapFormat == "pcapng")
        {
            target = Path.Combine(Path.GetDirectoryName(nanosecond)!, "us.pcapng");
            WiresharkTools.Editcap("-F", "pcapng", microsecond, target);
        }

        using var reader = new CaptureFileReader(target);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(reader.Format, Is.EqualTo(expectedFormat));
            Assert.That(frames.Select(f => f.TimestampNanoseconds),
                Is.EqualTo(OddTimestamps.Select(t => t / 1000 * 1000)));
            Assert.That(WiresharkTools.TsharkFields(target, "frame.time_epoch"),
                Is.EqualTo(frames.Select(f => FormatEpoch(f.TimestampNanoseconds))));
        });
    }

    [Test]
    public void CaptureFileReader_must_expose_snapped_frames()
    {
        var path = TestFiles.NewPath("snapped.pcap");
        var frame = TestFrames.Untagged(TestFrames.EcpriEtherType, 200);
        using (var writer = new CaptureFileWriter(path))
        {
            writer.Write(frame.AsSpan(0, 64), 1_000, originalLength: frame.Length);
            writer.Write(frame, 2_000);
        }

        using var reader = new CaptureFileReader(path);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(frames[0].IsSnapped, Is.True);
            Assert.That(frames[0].Data, Is.EqualTo(frame.AsSpan(0, 64).ToArray()));
            Assert.That(frames[0].OriginalLength, Is.EqualTo(214));
            Assert.That(frames[1].IsSnapped, Is.False);
            Assert.That(frames[1].OriginalLength, Is.EqualTo(214));
            Assert.That(reader.Summary, Is.EqualTo(new CaptureSummary(2, 64 + 214, 2 * 214, 1, 1_000, 2_000)));
        });
    }

    [Test]
    public void CaptureFileReader_must_report_zero_frames_for_a_header_only_file()
    {
        var path = TestFiles.NewPath("header-only.pcap");
        using (new CaptureFileWriter(path))
        {
        }

        using var reader = new CaptureFileReader(path);

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(path).Length, Is.EqualTo(24));
            Assert.That(reader.TryReadNext(out _), Is.False);
            Assert.That(reader.Error, Is.Null);
            Assert.That(reader.Summary, Is.EqualTo(default(CaptureSummary)));
            Assert.That(reader.TryReadNext(out _), Is.False, "stays at the end");
        });
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_refuse_non_Ethernet_link_types_by_default()
    {
        var pcap = WriteOddTimestamps("eth.pcap");
        var sll = Path.Combine(Path.GetDirectoryName(pcap)!, "sll.pcapng");
        WiresharkTools.Editcap("-F", "pcapng", "-T", "linux-sll", pcap, sll);

        var e = Assert.Throws<CaptureFileException>(() => new CaptureFileReader(sll).Dispose())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CaptureFileErrorKind.UnsupportedLinkType));
            Assert.That(e.Path, Is.EqualTo(sll));
            Assert.That(e.Message, Does.Contain("LinuxSll (113)").And.Contain(sll).And.Contain("Ethernet"));
        });
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_read_other_link_types_raw_when_asked()
    {
        var pcap = WriteOddTimestamps("eth.pcap");
        var sll = Path.Combine(Path.GetDirectoryName(pcap)!, "sll.pcapng");
        WiresharkTools.Editcap("-F", "pcapng", "-T", "linux-sll", pcap, sll);
        var logger = new RecordingLogger();

        using var reader = new CaptureFileReader(sll, new CaptureFileReaderOptions { RequireEthernet = false }, logger);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(reader.LinkType, Is.EqualTo(LinkLayers.LinuxSll));
            Assert.That(reader.IsEthernet, Is.False);
            Assert.That(frames, Has.Count.EqualTo(OddTimestamps.Length));
            Assert.That(logger.Entries.Select(x => x.Id.Name), Does.Contain("CaptureFileNotEthernet"));
        });
    }

    [Test]
    public void CaptureFileReader_must_refuse_reads_after_dispose()
    {
        var reader = new CaptureFileReader(TestFiles.SharedCapture);
        reader.Dispose();
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.TryReadNext(out _));
    }

    [Test]
    public void CaptureFileReader_must_log_open_end_and_close_with_capture_event_ids()
    {
        var logger = new RecordingLogger();
        using (var reader = new CaptureFileReader(TestFiles.SharedCapture,
                   new CaptureFileReaderOptions { Filter = "vlan" }, logger))
        {
            Captures.ReadAll(reader);
        }

        Assert.Multiple(() =>
        {
            Assert.That(logger.Entries.Select(e => e.Id.Name),
                Is.EqualTo(ExpectedReaderEvents));
            Assert.That(logger.Entries.Select(e => e.Id.Id), Is.All.InRange(1000, 1099));
            Assert.That(logger.Entries[1].Message, Does.Contain(TestFiles.SharedCapture).And.Contain("vlan"));
        });
    }

    [Test]
    public void CaptureFileReader_must_stream_100k_frames_in_constant_memory()
    {
        const int count = 100_000;
        var path = TestFiles.NewPath("100k.pcap");
        var written = new Fnv();
        var buffer = new byte[1514];
        using (var writer = new CaptureFileWriter(path))
        {
            for (var i = 0; i < count; i++)
            {
                var frame = buffer.AsSpan(0, 60 + (i * 7919 % 1454));
                TestFrames.Pattern(frame, (ulong)i);
                var timestamp = 1_700_000_000_000_000_000L + (i * 1_234_567L) + (i % 1000);
                writer.Write(frame, timestamp);
                written.Add(frame);
                written.Add(timestamp);
            }
        }

        using var reader = new CaptureFileReader(path);
        var read = new Fnv();
        Assert.That(reader.TryReadNext(out var first), Is.True);
        read.Add(first.Data);
        read.Add(first.TimestampNanoseconds);

        // Everything after the first frame (JIT warm) must allocate nothing: 100k frames at even 8 B each would be
        // 800 kB; the bound leaves room only for runtime noise.
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (reader.TryReadNext(out var frame))
        {
            read.Add(frame.Data);
            read.Add(frame.TimestampNanoseconds);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Multiple(() =>
        {
            Assert.That(reader.Error, Is.Null);
            Assert.That(reader.Summary.Frames, Is.EqualTo(count));
            Assert.That(read.Value, Is.EqualTo(written.Value), "checksum of every byte and timestamp");
            Assert.That(allocated, Is.LessThan(16 * 1024), "bytes allocated while reading 99 999 frames");
        });
    }

    internal static string FormatEpoch(long nanoseconds) =>
        $"{nanoseconds / 1_000_000_000}.{nanoseconds % 1_000_000_000:D9}";

    private static string WriteOddTimestamps(string fileName, bool snapFirst = false, long maxSeconds = long.MaxValue)
    {
        var path = TestFiles.NewPath(fileName);
        using var writer = new CaptureFileWriter(path);
        for (var i = 0; i < OddTimestamps.Length; i++)
        {
            if (OddTimestamps[i] / 1_000_000_000 > maxSeconds)
            {
                continue;
            }

            var frame = TestFrames.Untagged(TestFrames.EcpriEtherType, 46 + (i * 13), (byte)i);
            if (snapFirst && i == 0)
            {
                writer.Write(frame.AsSpan(0, 20), OddTimestamps[i], frame.Length);
            }
            else
            {
                writer.Write(frame, OddTimestamps[i]);
            }
        }

        return path;
    }
}
