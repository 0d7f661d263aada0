using OranTestbed.Capture.Files;
using OranTestbed.Emulation.SPlane;

namespace OranTestbed.TestSupport;

/// <summary>A frame and its capture time in Unix nanoseconds.</summary>
public sealed record TimedFrame(long UnixNanoseconds, byte[] Bytes);

/// <summary>Writes test frames to a nanosecond pcap through our libpcap writer, so that tshark reads what we wrote.</summary>
public static class PcapFile
{
    public static string Write(IEnumerable<TimedFrame> frames, string? path = null)
    {
        path ??= Path.Combine(TestContext.CurrentContext.WorkDirectory, "tshark-work",
            $"{TestContext.CurrentContext.Test.ID}-{Guid.NewGuid():N}.pcap");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new CaptureFileWriter(path);
        foreach (var frame in frames)
        {
            writer.Write(frame.Bytes, frame.UnixNanoseconds);
        }

        return path;
    }

    /// <summary>Writes the S-plane traffic's frames to a nanosecond pcap and returns its path.</summary>
    public static string WritePcap(this TimeErrorTraffic traffic, string? path = null) =>
        Write(traffic.Frames.Select(f => new TimedFrame(f.UnixNanoseconds, f.Bytes)), path);

    /// <summary>Reads every frame of a capture file (copies; for tests only).</summary>
    public static List<byte[]> ReadAll(string path)
    {
        var frames = new List<byte[]>();
        using var reader = new CaptureFileReader(path);
        while (reader.TryReadNext(out var frame))
        {
            frames.Add(frame.Data.ToArray());
        }

        reader.ThrowIfFailed();
        return frames;
    }
}
