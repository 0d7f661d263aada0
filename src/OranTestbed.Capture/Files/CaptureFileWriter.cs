using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Files;

/// <summary>
/// Writes Ethernet frames to a classic pcap file with NANOSECOND timestamps (magic 0xA1B23C4D), through libpcap's
/// <c>pcap_dump</c> (SharpPcap's <see cref="CaptureFileWriterDevice"/>). The file is complete only after
/// <see cref="Dispose"/>: libpcap buffers and SharpPcap exposes no flush.
/// </summary>
/// <remarks>
/// Only <c>Write(ReadOnlySpan&lt;byte&gt;, ref PcapHeader)</c> is used: SharpPcap's <c>Write(ReadOnlySpan)</c>
/// stamps time 0 and <c>Write(RawCapture)</c> truncates to microseconds. The one <see cref="PcapHeader"/> and its
/// <see cref="PosixTimeval"/> are reused: the decimal timestamp is set in place as an exact scale-9 decimal, so we
/// allocate nothing per frame. SharpPcap 6.3.1 still does, and we cannot avoid it: <c>PcapHeader.MarshalToIntPtr</c>
/// boxes the native timeval for <c>Marshal.StructureToPtr</c> (32 B managed, measured), does an
/// <c>AllocHGlobal</c>/<c>FreeHGlobal</c> pair and decimal arithmetic. Fine for test and export files; a line-rate
/// recorder would write pcap records itself. Not thread-safe.
/// </remarks>
public sealed class CaptureFileWriter : IDisposable
{
    /// <summary>The snapshot length written in the file header; longer frames would be cut by readers.</summary>
    public const int MaximumFrameLength = 65_536;

    private readonly CaptureFileWriterDevice _device;
    private readonly PcapHeader _header;
    private readonly ILogger _logger;
    private bool _disposed;
    private long _frames;
    private long _capturedBytes;
    private long _wireBytes;
    private long _snappedFrames;
    private long _firstTimestamp;
    private long _lastTimestamp;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public CaptureFileWriter(string path, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _logger = logger ?? NullLogger.Instance;
        try
        {
            _device = Create(path);
        }
        catch (CaptureFileException e)
        {
            CaptureLog.CaptureWriterOpenFailed(_logger, path, e.Kind, e);
            throw;
        }

        _header = new PcapHeader(0, 0, 0, 0);
        CaptureLog.CaptureWriterOpened(_logger, path, LinkLayers.Ethernet);
    }

    public string Path { get; }

    /// <summary>Totals over the frames written so far.</summary>
    public CaptureSummary Summary =>
        new(_frames, _capturedBytes, _wireBytes, _snappedFrames, _firstTimestamp, _lastTimestamp);

    /// <summary>Writes a whole (not snapped) frame captured at <paramref name="timestampNanoseconds"/> (Unix ns).</summary>
    public void Write(ReadOnlySpan<byte> frame, long timestampNanoseconds) =>
        Write(frame, timestampNanoseconds, frame.Length);

    /// <summary>
    /// Writes a frame whose wire length was <paramref name="originalLength"/> and of which <paramref name="frame"/>
    /// was captured (originalLength greater than frame.Length records a snapped frame).
    /// </summary>
    public void Write(ReadOnlySpan<byte> frame, long timestampNanoseconds, int originalLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanoseconds);

        // pcap's ts_sec is an unsigned 32-bit count of seconds: representable up to 2106-02-07.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timestampNanoseconds / 1_000_000_000L, uint.MaxValue,
            nameof(timestampNanoseconds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame.Length, MaximumFrameLength, nameof(frame));
        ArgumentOutOfRangeException.ThrowIfLessThan(originalLength, frame.Length);

        _header.CaptureLength = (uint)frame.Length;
        _header.PacketLength = (uint)originalLength;

        // An exact decimal (unscaled value = ns, scale 9): MarshalToIntPtr takes Seconds = (ulong)Value and the
        // fraction as (Value % 1) * 1e9, both exact, so every nanosecond digit reaches the file.
        _header.Timeval.Value = new decimal((int)(uint)timestampNanoseconds, (int)(uint)(timestampNanoseconds >> 32),
            0, isNegative: false, scale: 9);
        var header = _header;
        _device.Write(frame, ref header);

        if (++_frames == 1)
        {
            _firstTimestamp = timestampNanoseconds;
        }

        _lastTimestamp = timestampNanoseconds;
        _capturedBytes += frame.Length;
        _wireBytes += originalLength;
        if (frame.Length < originalLength)
        {
            _snappedFrames++;
        }
    }

    /// <summary>Closes the file (<c>pcap_dump_close</c> flushes it); only then is it complete.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _device.Dispose();
        CaptureLog.CaptureWriterClosed(_logger, Path, _frames, _capturedBytes);
    }

    private static CaptureFileWriterDevice Create(string path)
    {
        if (Directory.Exists(path))
        {
            throw CaptureFileErrors.Write(CaptureFileErrorKind.NotAFile, path, "the path is a directory");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw CaptureFileErrors.Write(CaptureFileErrorKind.Missing, path, $"folder '{folder}' does not exist");
        }

        CaptureFileWriterDevice? device = null;
        try
        {
            device = new CaptureFileWriterDevice(path, FileMode.Create);
            device.Open(new DeviceConfiguration
            {
                LinkLayerType = LinkLayers.Ethernet,
                TimestampResolution = TimestampResolution.Nanosecond,
                Snaplen = MaximumFrameLength,
            });
            if (device.TimestampResolution != TimestampResolution.Nanosecond)
            {
                throw CaptureFileErrors.Write(CaptureFileErrorKind.WriteFailed, path,
                    "libpcap cannot write nanosecond timestamps (pcap_open_dead_with_tstamp_precision needs libpcap 1.5.1)");
            }

            return device;
        }
        catch (PcapException e)
        {
            device?.Dispose();
            var kind = e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
                ? CaptureFileErrorKind.PermissionDenied
                : CaptureFileErrorKind.WriteFailed;
            throw CaptureFileErrors.Write(kind, path, e.Message, e);
        }
        catch (CaptureFileException)
        {
            device?.Dispose();
            throw;
        }
    }
}
