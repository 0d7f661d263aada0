using OranTestbed.Capture.Files;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Tests.Support;

/// <summary>A frame copied out of a reader, for assertions.</summary>
public sealed record ReadFrame(long Number, long TimestampNanoseconds, int OriginalLength, bool IsSnapped, byte[] Data);

/// <summary>Writes test captures with <see cref="CaptureFileWriter"/> and reads them back whole.</summary>
public static class Captures
{
    public static string Write(string path, params (byte[] Frame, long TimestampNanoseconds)[] frames)
    {
        using var writer = new CaptureFileWriter(path);
        foreach (var (frame, timestamp) in frames)
        {
            writer.Write(frame, timestamp);
        }

        return path;
    }

    public static List<ReadFrame> ReadAll(CaptureFileReader reader)
    {
        var frames = new List<ReadFrame>();
        while (reader.TryReadNext(out var frame))
        {
            frames.Add(new ReadFrame(frame.Number, frame.TimestampNanoseconds, frame.OriginalLength, frame.IsSnapped,
                frame.Data.ToArray()));
        }

        return frames;
    }

    public static List<ReadFrame> ReadAll(string path, CaptureFileReaderOptions? options = null)
    {
        using var reader = new CaptureFileReader(path, options);
        var frames = ReadAll(reader);
        Assert.That(reader.Error, Is.Null, "reading " + path);
        return frames;
    }

    /// <summary>Our reader against libpcap itself (SharpPcap's allocating GetNextPacket), frame by frame.</summary>
    public static void AssertAgreesWithLibpcap(string path)
    {
        var expected = new List<ReadFrame>();
        using (var device = new CaptureFileReaderDevice(path))
        {
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
            long n = 0;
            while (device.GetNextPacket(out var e) == GetPacketStatus.PacketRead)
            {
                var h = (PcapHeader)e.Header;
                var ns = (long)decimal.Truncate(h.Timeval.Value * 1_000_000_000m);
                expected.Add(new ReadFrame(++n, ns, (int)h.PacketLength, h.CaptureLength < h.PacketLength,
                    e.Data.ToArray()));
            }
        }

        var frames = ReadAll(path);

        Assert.That(frames, Has.Count.EqualTo(expected.Count));
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.That(frames[i] with { Data = [] }, Is.EqualTo(expected[i] with { Data = [] }), $"frame {i + 1}");
            Assert.That(frames[i].Data, Is.EqualTo(expected[i].Data), $"frame {i + 1} bytes");
        }
    }
}
