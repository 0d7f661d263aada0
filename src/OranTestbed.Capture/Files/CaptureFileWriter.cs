using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacketDotNet;

namespace OranTestbed.Capture.Files;

/// <summary>
/// Writes Ethernet frames to a classic pcap file with NANOSECOND timestamps (magic 0xA1B23C4D), through a
/// <see cref="FileStream"/> of our own. The file is complete only after <see cref="Dispose"/> (or <see cref="Complete"/>),
/// which flushes it.
/// </summary>
/// <remarks>
/// <para>
/// Every write error reaches the caller as a <see cref="CaptureFileException"/> of kind
/// <see cref="CaptureFileErrorKind.WriteFailed"/> naming the path and the operating system's reason (a full disk,
/// an I/O error), from <see cref="Write(ReadOnlySpan{byte}, long, int)"/> or from the final flush in
/// <see cref="Complete"/>/<see cref="Dispose"/>. libpcap's <c>pcap_dump</c> (SharpPcap's
/// <c>CaptureFileWriterDevice</c>, used before) ignores <c>fwrite</c> errors, and SharpPcap exposes no
/// <c>pcap_dump_flush</c>: a capture written onto a full disk stopped at the first buffer that did not fit while
/// every caller believed it complete.
/// </para>
/// <para>
/// The layout is libpcap's (savefile.c, sf-pcap.c) in the host's byte order, as <c>pcap_dump</c> writes it:
/// <code>
///  file header (24 bytes)                         record header (16 bytes), then incl_len bytes of frame
///  0       4       6       8      12      16      20      24    0       4        8        12       16
///  +-------+---+---+-------+-------+-------+-------+            +-------+--------+--------+--------+
///  | magic |maj|min| zone  | sigfig|snaplen|linktyp|            | ts_sec| ts_nsec|incl_len|orig_len|
///  +-------+---+---+-------+-------+-------+-------+            +-------+--------+--------+--------+
/// </code>
/// No allocation per frame. Not thread-safe.
/// </para>
/// </remarks>
public sealed class CaptureFileWriter : IDisposable
{
    /// <summary>The snapshot length written in the file header; longer frames would be cut by readers.</summary>
    public const int MaximumFrameLength = 65_536;

    private const uint NanosecondMagic = 0xA1B23C4D;
    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const int BufferSize = 64 * 1024;

    private readonly FileStream _stream;
    private readonly ILogger _logger;
    private readonly byte[] _recordHeader = new byte[RecordHeaderLength];
    private bool _disposed;
    private bool _failed;
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
            _stream = Create(path);
        }
        catch (CaptureFileException e)
        {
            CaptureLog.CaptureWriterOpenFailed(_logger, path, e.Kind, e);
            throw;
        }

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
    /// <exception cref="CaptureFileException">The file could not be written (kind <see cref="CaptureFileErrorKind.WriteFailed"/>).</exception>
    public void Write(ReadOnlySpan<byte> frame, long timestampNanoseconds, int originalLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanoseconds);

        // pcap's ts_sec is an unsigned 32-bit count of seconds: representable up to 2106-02-07.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timestampNanoseconds / 1_000_000_000L, uint.MaxValue,
            nameof(timestampNanoseconds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame.Length, MaximumFrameLength, nameof(frame));
        ArgumentOutOfRangeException.ThrowIfLessThan(originalLength, frame.Length);
        ThrowIfFailed();

        var h = _recordHeader.AsSpan();
        WriteUInt32(h, (uint)(timestampNanoseconds / 1_000_000_000L));
        WriteUInt32(h[4..], (uint)(timestampNanoseconds % 1_000_000_000L));
        WriteUInt32(h[8..], (uint)frame.Length);
        WriteUInt32(h[12..], (uint)originalLength);
        try
        {
            _stream.Write(h);
            _stream.Write(frame);
        }
        catch (IOException e)
        {
            throw Failed(e);
        }

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

    /// <summary>
    /// Flushes every frame to the file (to the operating system, as <c>fflush</c> would), throwing if it did not fit.
    /// </summary>
    /// <exception cref="CaptureFileException">The file could not be written (kind <see cref="CaptureFileErrorKind.WriteFailed"/>).</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
        try
        {
            _stream.Flush();
        }
        catch (IOException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>
    /// Flushes and closes the file; only then is it complete. A flush that fails throws (as <see cref="FileStream"/>
    /// does), unless a write already failed and was reported: then the file is closed quietly.
    /// </summary>
    /// <exception cref="CaptureFileException">The last frames could not be written.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (!_failed)
            {
                Complete();
            }
        }
        finally
        {
            _disposed = true;
            try
            {
                _stream.Dispose();
            }
            catch (IOException)
            {
                // Only reached after a failure that was already reported: the buffered bytes cannot be written either.
            }

            CaptureLog.CaptureWriterClosed(_logger, Path, _frames, _capturedBytes);
        }
    }

    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw CaptureFileErrors.Write(CaptureFileErrorKind.WriteFailed, Path,
                "an earlier write failed; the file is incomplete");
        }
    }

    private CaptureFileException Failed(IOException e)
    {
        _failed = true;
        return CaptureFileErrors.Write(CaptureFileErrorKind.WriteFailed, Path,
            $"{e.Message} (the file is incomplete: {_frames} frame(s) were handed over before the failure)", e);
    }

    private static void WriteUInt32(Span<byte> destination, uint value)
    {
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        }
    }

    private static FileStream Create(string path)
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

        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
            Span<byte> header = stackalloc byte[FileHeaderLength];
            WriteUInt32(header, NanosecondMagic);
            WriteUInt16(header[4..], 2);
            WriteUInt16(header[6..], 4);
            WriteUInt32(header[8..], 0);
            WriteUInt32(header[12..], 0);
            WriteUInt32(header[16..], MaximumFrameLength);
            WriteUInt32(header[20..], (uint)LinkLayers.Ethernet);
            stream.Write(header);
            return stream;
        }
        catch (UnauthorizedAccessException e)
        {
            stream?.Dispose();
            throw CaptureFileErrors.Write(CaptureFileErrorKind.PermissionDenied, path, e.Message, e);
        }
        catch (IOException e)
        {
            stream?.Dispose();
            throw CaptureFileErrors.Write(CaptureFileErrorKind.WriteFailed, path, e.Message, e);
        }
    }

    private static void WriteUInt16(Span<byte> destination, ushort value)
    {
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
    }
}
