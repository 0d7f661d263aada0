using System.Buffers.Binary;
using System.Runtime.Versioning;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Tests.Support;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Capture.Tests.Files;

public class CaptureFileReaderErrorTests
{
    private const int FrameLength = 60;
    private const int RecordLength = 16 + FrameLength;

    [Test]
    public void CaptureFileReader_must_report_a_missing_file()
    {
        var path = TestFiles.NewPath("nothing-here.pcap");

        var e = OpenFails(path, CaptureFileErrorKind.Missing);

        Assert.That(e.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void CaptureFileReader_must_report_a_directory()
    {
        var path = TestFiles.NewFolder();

        var e = OpenFails(path, CaptureFileErrorKind.NotAFile);

        Assert.That(e.Message, Does.Contain("is a directory"));
    }

    [Test]
    public void CaptureFileReader_must_report_an_empty_file()
    {
        var path = TestFiles.NewPath("empty.pcap");
        File.WriteAllBytes(path, []);

        var e = OpenFails(path, CaptureFileErrorKind.Empty);

        Assert.That(e.Message, Does.Contain("0 bytes"));
    }

    [Test]
    public void CaptureFileReader_must_report_a_text_file()
    {
        var path = TestFiles.NewPath("notes.pcap");
        File.WriteAllText(path, "this is a text file that someone named .pcap\n");

        var e = OpenFails(path, CaptureFileErrorKind.NotACaptureFile);

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("not a pcap or pcapng capture file"));
            Assert.That(e.LibpcapError, Is.EqualTo("unknown file format"));
        });
    }

    [Test]
    public void CaptureFileReader_must_report_a_jpeg()
    {
        var path = TestFiles.NewPath("photo.pcap");
        var jpeg = new byte[4096];
        new Random(7).NextBytes(jpeg);
        byte[] soi = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
        soi.CopyTo(jpeg, 0);
        File.WriteAllBytes(path, jpeg);

        OpenFails(path, CaptureFileErrorKind.NotACaptureFile);
    }

    [TestCase(1)]
    [TestCase(3)]
    public void CaptureFileReader_must_report_a_file_too_short_to_identify(int length)
    {
        var path = TestFiles.NewPath("tiny.pcap");
        File.WriteAllBytes(path, new byte[length]);

        OpenFails(path, CaptureFileErrorKind.NotACaptureFile);
    }

    [TestCase(4)]
    [TestCase(10)]
    [TestCase(23)]
    public void CaptureFileReader_must_report_a_file_truncated_inside_its_header(int length)
    {
        var path = Cut(WriteFrames(2), length);

        var e = OpenFails(path, CaptureFileErrorKind.Truncated);

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("truncated inside its file header"));
            Assert.That(e.FrameNumber, Is.Null);
            Assert.That(e.ByteOffset, Is.Zero);
        });
    }

    [TestCase(1)]
    [TestCase(8)]
    [TestCase(15)]
    public void CaptureFileReader_must_deliver_frames_before_a_record_header_cut_short(int headerBytesLeft)
    {
        // 5 whole records, then the 6th record's header cut after headerBytesLeft bytes.
        var brokenAt = 24 + (5 * RecordLength);
        var path = Cut(WriteFrames(6), brokenAt + headerBytesLeft);

        AssertTruncatedAfterFiveFrames(path, brokenAt, "the record header needs 16 bytes");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(FrameLength - 1)]
    public void CaptureFileReader_must_deliver_frames_before_record_data_cut_short(int dataBytesLeft)
    {
        var brokenAt = 24 + (5 * RecordLength);
        var path = Cut(WriteFrames(6), brokenAt + 16 + dataBytesLeft);

        AssertTruncatedAfterFiveFrames(path, brokenAt, "captured bytes run past the end of the file");
    }

    [Test]
    [Category(PeerCategories.Tshark)]
    public void CaptureFileReader_must_deliver_frames_before_a_truncated_pcapng_block()
    {
        var pcap = WriteFrames(6);
        var pcapng = Path.ChangeExtension(pcap, ".pcapng");
        WiresharkTools.Editcap("-F", "pcapng", pcap, pcapng);
        var length = new FileInfo(pcapng).Length;
        var cut = Cut(pcapng, length - 20);

        using var reader = new CaptureFileReader(cut);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(frames, Has.Count.EqualTo(5));
            Assert.That(reader.Error?.Kind, Is.EqualTo(CaptureFileErrorKind.Truncated));
            Assert.That(reader.Error?.FrameNumber, Is.EqualTo(6));
            Assert.That(reader.Error?.ByteOffset, Is.LessThan(length - 20).And.GreaterThan(0));
            Assert.That(reader.Error?.LibpcapError, Does.Contain("truncated pcapng dump file"));
        });
    }

    [Test]
    public void CaptureFileReader_must_number_the_broken_record_over_the_whole_file_when_filtering()
    {
        // Frames alternate eCPRI / PTP; the filter keeps eCPRI only, the 6th record (PTP) is cut.
        var path = TestFiles.NewPath("mixed.pcap");
        using (var writer = new CaptureFileWriter(path))
        {
            for (var i = 0; i < 6; i++)
            {
                var type = i % 2 == 0 ? TestFrames.EcpriEtherType : TestFrames.PtpEtherType;
                writer.Write(TestFrames.Untagged(type, FrameLength - 14, (byte)i), 1_000 + i);
            }
        }

        var brokenAt = 24 + (5 * RecordLength);
        Cut(path, brokenAt + 20);

        using var reader = new CaptureFileReader(path,
            new CaptureFileReaderOptions { Filter = "ether proto 0xaefe" });
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(frames.Select(f => f.Number), Is.EqualTo(new long[] { 1, 3, 5 }), "the file's record numbers");
            Assert.That(reader.Error?.FrameNumber, Is.EqualTo(6));
            Assert.That(reader.Error?.ByteOffset, Is.EqualTo(brokenAt));
        });
    }

    [Test]
    public void CaptureFileReader_must_report_a_record_longer_than_libpcap_accepts_as_corrupt()
    {
        var path = WriteFrames(3);
        var bytes = File.ReadAllBytes(path);
        var third = 24 + (2 * RecordLength);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(third + 8), 0x7FFF_FFF0); // caplen
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(third + 12), 0x7FFF_FFF0); // orig len
        File.WriteAllBytes(path, bytes);

        using var reader = new CaptureFileReader(path);
        var frames = Captures.ReadAll(reader);

        Assert.Multiple(() =>
        {
            Assert.That(frames, Has.Count.EqualTo(2));
            Assert.That(reader.Error?.Kind, Is.EqualTo(CaptureFileErrorKind.Corrupt), reader.Error?.Message);
            Assert.That(reader.Error?.FrameNumber, Is.EqualTo(3));
            Assert.That(reader.Error?.ByteOffset, Is.EqualTo(third));
        });
    }

    [Test]
    public void CaptureFileReader_must_report_a_bad_filter_naming_the_expression()
    {
        var path = WriteFrames(1);

        var e = Assert.Throws<CaptureFileException>(() =>
            new CaptureFileReader(path, new CaptureFileReaderOptions { Filter = "ether proto 0xzz" }).Dispose())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CaptureFileErrorKind.BadFilter));
            Assert.That(e.Message, Does.Contain("'ether proto 0xzz'").And.Contain(path));
            Assert.That(e.LibpcapError, Is.Not.Empty);
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void CaptureFileReader_must_report_permission_denied()
    {
        var path = WriteFrames(1);
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            if (CanStillRead(path))
            {
                Assert.Ignore("running as root (or with CAP_DAC_OVERRIDE): file permissions are not enforced");
            }

            OpenFails(path, CaptureFileErrorKind.PermissionDenied);
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [TestCase("/x/y.pcap: No such file or directory", CaptureFileErrorKind.Missing)]
    [TestCase("/x/y.pcap: Permission denied", CaptureFileErrorKind.PermissionDenied)]
    [TestCase("error reading dump file: Is a directory", CaptureFileErrorKind.NotAFile)]
    [TestCase("unknown file format", CaptureFileErrorKind.NotACaptureFile)]
    [TestCase("truncated dump file; tried to read 4 file header bytes, only got 2", CaptureFileErrorKind.NotACaptureFile)]
    [TestCase("truncated dump file; tried to read 24 file header bytes, only got 6", CaptureFileErrorKind.Truncated)]
    [TestCase("something else", CaptureFileErrorKind.ReadFailed)]
    public void CaptureFileErrors_must_classify_libpcap_open_errors(string text, CaptureFileErrorKind kind) =>
        Assert.That(CaptureFileErrors.ClassifyOpen(text), Is.EqualTo(kind));

    [TestCase("truncated dump file; tried to read 16 header bytes, only got 8", CaptureFileErrorKind.Truncated)]
    [TestCase("truncated dump file; tried to read 60 captured bytes, only got 30", CaptureFileErrorKind.Truncated)]
    [TestCase("truncated pcapng dump file; tried to read 84 bytes, only got 64", CaptureFileErrorKind.Truncated)]
    [TestCase("invalid packet capture length 2147483632, bigger than snaplen of 65536", CaptureFileErrorKind.Corrupt)]
    [TestCase("error reading dump file: Input/output error", CaptureFileErrorKind.ReadFailed)]
    public void CaptureFileErrors_must_classify_libpcap_read_errors(string text, CaptureFileErrorKind kind) =>
        Assert.That(CaptureFileErrors.ClassifyRead(text), Is.EqualTo(kind));

    [Test]
    public void CaptureFileReader_must_log_open_failures()
    {
        var logger = new RecordingLogger();
        var path = TestFiles.NewPath("missing.pcap");

        Assert.Throws<CaptureFileException>(() => new CaptureFileReader(path, logger: logger).Dispose());

        Assert.That(logger.Entries.Select(e => (e.Id.Id, e.Id.Name)),
            Is.EqualTo(new[] { (1003, "CaptureFileOpenFailed") }));
    }

    private static void AssertTruncatedAfterFiveFrames(string path, long brokenAt, string reason)
    {
        var logger = new RecordingLogger();
        using var reader = new CaptureFileReader(path, logger: logger);
        var frames = Captures.ReadAll(reader);
        var error = reader.Error;

        Assert.Multiple(() =>
        {
            Assert.That(frames.Select(f => f.Number), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
            Assert.That(error, Is.Not.Null);
            Assert.That(error!.Kind, Is.EqualTo(CaptureFileErrorKind.Truncated));
            Assert.That(error.Path, Is.EqualTo(path));
            Assert.That(error.FrameNumber, Is.EqualTo(6));
            Assert.That(error.ByteOffset, Is.EqualTo(brokenAt));
            Assert.That(error.Message, Does.Contain(path).And.Contain("frame 6").And.Contain($"byte {brokenAt}")
                .And.Contain(reason).And.Contain("5 frames before it were read"));
            Assert.That(reader.TryReadNext(out _), Is.False, "stays failed");
            Assert.That(reader.Error, Is.SameAs(error));
            Assert.That(reader.ThrowIfFailed, Throws.TypeOf<CaptureFileException>());
            Assert.That(logger.Entries.Select(e => e.Id.Name), Does.Contain("CaptureFileReadFailed"));
        });
    }

    private static CaptureFileException OpenFails(string path, CaptureFileErrorKind kind)
    {
        var e = Assert.Throws<CaptureFileException>(() => new CaptureFileReader(path).Dispose())!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(kind), e.Message);
            Assert.That(e.Path, Is.EqualTo(path));
            Assert.That(e.Message, Does.Contain(path));
        });
        return e;
    }

    private static string WriteFrames(int count)
    {
        var path = TestFiles.NewPath("frames.pcap");
        using var writer = new CaptureFileWriter(path);
        for (var i = 0; i < count; i++)
        {
            writer.Write(TestFrames.Untagged(TestFrames.EcpriEtherType, FrameLength - 14, (byte)i),
                1_700_000_000_000_000_001L + i);
        }

        return path;
    }

    private static string Cut(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
        return path;
    }

    private static bool CanStillRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
