using System.Buffers.Binary;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Capture.Tests.Files;

public class CaptureFileWriterTests
{
    private static readonly long[] Timestamps =
    [
        1_700_000_000_071_571_875,
        1_700_000_000_000_000_001,
        1_700_000_000_999_999_999,
        1_750_123_456_123_456_789,
        4_294_967_295_999_999_999, // the last representable pcap second
    ];

    private static readonly string[] SnappedTsharkLine = ["1014\t128"];

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileWriter_must_write_nanosecond_timestamps_that_tshark_reads_to_nine_decimals()
    {
        var path = TestFiles.NewPath("ns.pcap");
        using (var writer = new CaptureFileWriter(path))
        {
            foreach (var t in Timestamps)
            {
                writer.Write(TestFrames.Untagged(TestFrames.EcpriEtherType, 46), t);
            }
        }

        var tshark = WiresharkTools.TsharkFields(path, "frame.time_epoch");

        Assert.That(tshark, Is.EqualTo(Timestamps.Select(CaptureFileReaderTests.FormatEpoch)));
    }

    [Test]
    public void CaptureFileWriter_must_write_a_nanosecond_Ethernet_pcap_header()
    {
        var path = TestFiles.NewPath("header.pcap");
        using (var writer = new CaptureFileWriter(path))
        {
            writer.Write(TestFrames.Untagged(TestFrames.PtpEtherType, 46), 5);
        }

        var bytes = File.ReadAllBytes(path);

        Assert.Multiple(() =>
        {
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes), Is.EqualTo(0xA1B23C4D), "nanosecond magic");
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)),
                Is.EqualTo(CaptureFileWriter.MaximumFrameLength), "snaplen");
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20)), Is.EqualTo(1), "LINKTYPE_ETHERNET");
            Assert.That(bytes, Has.Length.EqualTo(24 + 16 + 60));
        });
    }

    [Test]
    public void CaptureFileWriter_must_round_trip_frames_through_the_reader()
    {
        var path = TestFiles.NewPath("roundtrip.pcap");
        var frames = Timestamps.Select((t, i) => (TestFrames.Tagged(7, TestFrames.EcpriEtherType, 40 + (i * 100), (byte)i), t))
            .ToArray();
        CaptureSummary written;
        using (var writer = new CaptureFileWriter(path))
        {
            foreach (var (frame, t) in frames)
            {
                writer.Write(frame, t);
            }

            written = writer.Summary;
        }

        using var reader = new CaptureFileReader(path);
        var read = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(f => f.Data), Is.EqualTo(frames.Select(f => f.Item1)));
            Assert.That(read.Select(f => f.TimestampNanoseconds), Is.EqualTo(Timestamps));
            Assert.That(reader.Summary, Is.EqualTo(written));
            Assert.That(written.Frames, Is.EqualTo(Timestamps.Length));
        });
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileWriter_must_record_the_wire_length_of_snapped_frames()
    {
        var path = TestFiles.NewPath("snap.pcap");
        var frame = TestFrames.Untagged(TestFrames.EcpriEtherType, 1000);
        using (var writer = new CaptureFileWriter(path))
        {
            writer.Write(frame.AsSpan(0, 128), 42, frame.Length);
        }

        var tshark = WiresharkTools.TsharkFields(path, "frame.len", "frame.cap_len");

        Assert.That(tshark, Is.EqualTo(SnappedTsharkLine));
    }

    [Test]
    public void CaptureFileWriter_must_reject_values_pcap_cannot_hold()
    {
        using var writer = new CaptureFileWriter(TestFiles.NewPath("bad.pcap"));
        var frame = new byte[60];

        Assert.Multiple(() =>
        {
            Assert.That(() => writer.Write(frame, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => writer.Write(frame, 4_294_967_296_000_000_000), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => writer.Write(frame, 0, 59), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => writer.Write(new byte[CaptureFileWriter.MaximumFrameLength + 1], 0),
                Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(writer.Summary.Frames, Is.Zero);
        });
    }

    /// <summary>/dev/full answers every write with ENOSPC, as a full disk does: libpcap's pcap_dump ignored it.</summary>
    [Test]
    public void CaptureFileWriter_must_throw_when_the_disk_is_full_and_close_quietly_after()
    {
        var frame = TestFrames.Untagged(TestFrames.EcpriEtherType, 1400);
        var writer = new CaptureFileWriter("/dev/full");

        var failure = Assert.Throws<CaptureFileException>(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                writer.Write(frame, i);
            }

            writer.Complete();
        });

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Kind, Is.EqualTo(CaptureFileErrorKind.WriteFailed));
            Assert.That(failure.Message, Does.StartWith("Cannot write capture file '/dev/full': ").And.Contain("incomplete"));
            Assert.That(() => writer.Write(frame, 0), Throws.TypeOf<CaptureFileException>(), "no write after a failure");
            Assert.That(writer.Dispose, Throws.Nothing, "the failure was reported once");
        });
    }

    [Test]
    public void CaptureFileWriter_must_throw_from_dispose_when_the_last_flush_does_not_fit()
    {
        var writer = new CaptureFileWriter("/dev/full");
        writer.Write(TestFrames.Untagged(TestFrames.EcpriEtherType, 60), 0);

        Assert.That(writer.Dispose, Throws.TypeOf<CaptureFileException>());
    }

    [Test]
    public void CaptureFileWriter_must_report_a_missing_folder()
    {
        var path = Path.Combine(TestFiles.NewFolder(), "no-such-folder", "out.pcap");

        var e = Assert.Throws<CaptureFileException>(() => new CaptureFileWriter(path).Dispose())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CaptureFileErrorKind.Missing));
            Assert.That(e.Message, Does.Contain(path).And.Contain("does not exist"));
        });
    }

    [Test]
    public void CaptureFileWriter_must_report_a_directory()
    {
        var path = TestFiles.NewFolder();

        var e = Assert.Throws<CaptureFileException>(() => new CaptureFileWriter(path).Dispose())!;

        Assert.That(e.Kind, Is.EqualTo(CaptureFileErrorKind.NotAFile));
    }

    [Test]
    public void CaptureFileWriter_must_refuse_writes_after_dispose()
    {
        var writer = new CaptureFileWriter(TestFiles.NewPath("closed.pcap"));
        writer.Dispose();
        writer.Dispose();

        Assert.That(() => writer.Write(new byte[60], 1), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void CaptureFileWriter_must_log_open_and_close()
    {
        var logger = new RecordingLogger();
        using (var writer = new CaptureFileWriter(TestFiles.NewPath("logged.pcap"), logger))
        {
            writer.Write(new byte[60], 1);
        }

        Assert.That(logger.Entries.Select(e => (e.Id.Id, e.Id.Name)),
            Is.EqualTo(new[] { (1010, "CaptureWriterOpened"), (1011, "CaptureWriterClosed") }));
    }
}
