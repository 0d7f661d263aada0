using OranTestbed.Capture.Files;

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
}
