using System.Buffers.Binary;
using OranTestbed.Capture.Live;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.TestSupport.Live;

/// <summary>Frames to inject and a collector that reads a live capture until it has what a test expects.</summary>
public static class LiveFrames
{
    /// <summary>An eCPRI generic data transfer frame (type 3) from B to A whose payload carries <paramref name="index"/>.</summary>
    public static int WriteEcpri(Span<byte> buffer, int index)
    {
        var writer = new FrameWriter(buffer);
        writer.WriteEthernetHeader(VethLink.MacA, VethLink.MacB, [], EthernetFields.TypeEcpri);
        var header = writer.BeginEcpri(EcpriFields.TypeGenericDataTransfer);
        writer.WriteUInt32((uint)index);
        writer.WriteUInt64(0x0123_4567_89AB_CDEFUL ^ (ulong)index);
        writer.EndEcpri(header);
        return writer.Finish();
    }

    /// <summary>Reads batches until <paramref name="expected"/> frames arrived (or the timeout), copying each frame.</summary>
    public static async Task<List<(byte[] Data, long Timestamp, long Number)>> CollectAsync(LiveCaptureSource source,
        int expected, TimeSpan timeout)
    {
        var frames = new List<(byte[] Data, long Timestamp, long Number)>(Math.Min(expected, 1 << 16));
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (frames.Count < expected && await source.Batches.WaitToReadAsync(cts.Token))
            {
                while (frames.Count < expected && source.Batches.TryRead(out var batch))
                {
                    using (batch)
                    {
                        foreach (var frame in batch)
                        {
                            frames.Add((frame.Data.ToArray(), frame.TimestampNanoseconds, frame.Number));
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out: the caller's assertion on the count says what is missing.
        }

        return frames;
    }

    public static int ReadIndex(byte[] frame) => (int)BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 4));
}
