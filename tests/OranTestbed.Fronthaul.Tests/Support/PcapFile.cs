using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Fronthaul.Tests.Support;

/// <summary>A frame and its capture time in Unix nanoseconds.</summary>
public sealed record TimedFrame(long UnixNanoseconds, byte[] Bytes);

/// <summary>Writes test frames to a nanosecond pcap through libpcap, so that tshark reads what we wrote.</summary>
public static class PcapFile
{
    public static string Write(IEnumerable<TimedFrame> frames, string? path = null)
    {
        path ??= Path.Combine(TestContext.CurrentContext.WorkDirectory, "tshark-work",
            $"{TestContext.CurrentContext.Test.ID}-{Guid.NewGuid():N}.pcap");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new CaptureFileWriterDevice(path, FileMode.Create);
        writer.Open(new DeviceConfiguration
        {
            LinkLayerType = PacketDotNet.LinkLayers.Ethernet,
            TimestampResolution = TimestampResolution.Nanosecond,
        });
        foreach (var frame in frames)
        {
            // PcapHeader keeps whatever fraction we give it; with a nanosecond file it is written as nanoseconds.
            var header = new PcapHeader((uint)(frame.UnixNanoseconds / 1_000_000_000),
                (uint)(frame.UnixNanoseconds % 1_000_000_000), (uint)frame.Bytes.Length, (uint)frame.Bytes.Length);
            writer.Write(frame.Bytes, ref header);
        }

        return path;
    }
}
