using System.Buffers.Binary;
using OranTestbed.Capture.Files;
using OranTestbed.Capture.Tests.Support;

namespace OranTestbed.Capture.Tests.Files;

/// <summary>
/// The classic-pcap fast path against libpcap itself (SharpPcap's allocating GetNextPacket), frame by frame, over
/// files that make the 1 MiB window refill in the middle of records.
/// </summary>
public class PcapRecordStreamTests
{
    [Test]
    public void CaptureFileReader_must_agree_with_libpcap_across_window_refills()
    {
        var path = WriteVariedFrames("varied.pcap", 2_000);

        Captures.AssertAgreesWithLibpcap(path);
    }

    [Test]
    public void CaptureFileReader_must_read_big_endian_pcap_like_libpcap()
    {
        var little = WriteVariedFrames("little.pcap", 300);
        var path = ToBigEndian(little, "big.pcap");

        Captures.AssertAgreesWithLibpcap(path);
        Assert.That(Captures.ReadAll(path), Is.EqualTo(Captures.ReadAll(little)).Using<ReadFrame>(SameFrame));
    }

    [Test]
    public void CaptureFileReader_must_accept_a_record_of_the_largest_capture_length()
    {
        // Our writer keeps a 65,536-byte snap length, so the records are appended by hand after its file header.
        var path = TestFiles.NewPath("largest.pcap");
        using (new CaptureFileWriter(path))
        {
        }

        var big = new byte[(int)CaptureFileLayout.MaximumCaptureLength];
        TestFrames.Pattern(big, 7);
        var small = TestFrames.Untagged(TestFrames.EcpriEtherType, 100);
        Span<byte> header = stackalloc byte[16];
        using (var file = new FileStream(path, FileMode.Append))
        {
            foreach (var frame in new[] { small, big, small })
            {
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], frame.Length);
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], frame.Length);
                file.Write(header);
                file.Write(frame);
            }
        }

        var frames = Captures.ReadAll(path);

        Assert.Multiple(() =>
        {
            Assert.That(frames.Select(f => f.Data.Length), Is.EqualTo(new[] { 114, big.Length, 114 }));
            Assert.That(frames[1].Data, Is.EqualTo(big));
        });
    }

    /// <summary>Frames of 60..9,000 bytes (some snapped), odd nanosecond timestamps: about 9 MB for 2,000.</summary>
    private static string WriteVariedFrames(string name, int count)
    {
        var path = TestFiles.NewPath(name);
        var buffer = new byte[9000];
        using var writer = new CaptureFileWriter(path);
        for (var i = 0; i < count; i++)
        {
            var frame = buffer.AsSpan(0, 60 + (int)((uint)(i * 2_654_435_761u) % 8_941));
            TestFrames.Pattern(frame, (ulong)i);
            var timestamp = 1_700_000_000_000_000_000L + (i * 987_654_321L) + (i % 997);
            if (i % 17 == 0)
            {
                writer.Write(frame[..(frame.Length / 2)], timestamp, frame.Length);
            }
            else
            {
                writer.Write(frame, timestamp);
            }
        }

        return path;
    }

    /// <summary>Rewrites a little-endian pcap with every header field byte-swapped (as a big-endian host writes it).</summary>
    private static string ToBigEndian(string littlePath, string name)
    {
        var bytes = File.ReadAllBytes(littlePath);
        var span = bytes.AsSpan();
        Swap32(span[..4]);
        Swap16(span[4..6]);
        Swap16(span[6..8]);
        for (var field = 8; field < 24; field += 4)
        {
            Swap32(span[field..]);
        }

        var position = 24;
        while (position < bytes.Length)
        {
            var captureLength = BinaryPrimitives.ReadInt32LittleEndian(span[(position + 8)..]);
            for (var field = 0; field < 16; field += 4)
            {
                Swap32(span[(position + field)..]);
            }

            position += 16 + captureLength;
        }

        var path = TestFiles.NewPath(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static bool SameFrame(ReadFrame a, ReadFrame b) =>
        a with { Data = [] } == b with { Data = [] } && a.Data.AsSpan().SequenceEqual(b.Data);

    private static void Swap32(Span<byte> field) =>
        BinaryPrimitives.WriteUInt32BigEndian(field, BinaryPrimitives.ReadUInt32LittleEndian(field));

    private static void Swap16(Span<byte> field) =>
        BinaryPrimitives.WriteUInt16BigEndian(field, BinaryPrimitives.ReadUInt16LittleEndian(field));
}
