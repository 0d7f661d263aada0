using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace OranTestbed.Capture.Files;

/// <summary>
/// Streams frames from a pcap or pcapng file with exact nanosecond timestamps, in constant memory, optionally through
/// a BPF filter (libpcap's). Frame numbers are the records' positions in the file (as Wireshark numbers them), also when
/// a filter skips records. Classic pcap is read through <see cref="PcapRecordStream"/> (1 MiB reads, 5-10x libpcap's
/// throughput); pcapng through libpcap (SharpPcap's <see cref="CaptureFileReaderDevice"/>).
/// </summary>
/// <remarks>
/// <para>
/// Pull model: <see cref="TryReadNext"/> returns false at the end of the file OR when the file breaks; then
/// <see cref="Error"/> tells which (null = clean end). Frames before a break are always delivered first.
/// Open failures (missing, empty, not a capture file, bad filter, ...) throw <see cref="CaptureFileException"/>.
/// </para>
/// <para>
/// Per frame this allocates nothing: a slice of the stream's window, or for pcapng one <c>pcap_next_ex</c> P/Invoke
/// (see <see cref="NativePacketHeader"/> for why SharpPcap's <c>GetNextPacket</c> is not used).
/// Not thread-safe: one reader, one thread.
/// </para>
/// </remarks>
public sealed class CaptureFileReader : IFrameSource, IDisposable
{
    // Exactly one of the two is set: the classic-pcap fast path, or libpcap for pcapng.
    private readonly PcapRecordStream? _pcap;
    private readonly CaptureFileReaderDevice? _device;
    private readonly ILogger _logger;

    // 1 when libpcap granted nanosecond precision (always, for libpcap >= 1.5.1); 1000 otherwise.
    private readonly long _nanosecondsPerFractionUnit;

    // Classic pcap stores ts_sec as an unsigned 32-bit field but libpcap 1.10 copies it through a bpf_int32, so
    // seconds from 2038-01-19 on arrive sign-extended (negative). Masking to 32 bits restores what tshark shows;
    // pcapng timestamps are 64-bit and pass unmasked.
    private readonly long _secondsMask;

    // The filter runs here (pcap_offline_filter) rather than inside libpcap (pcap_setfilter), which would hide the
    // skipped records and with them the file's frame numbering. On the pcap path it runs on the stream's pinned
    // window with a native pcap_pkthdr of which it reads only the lengths.
    private BpfProgram? _filter;
    private IntPtr _filterHeader;

    private State _state;
    private long _records;
    private long _frames;
    private long _capturedBytes;
    private long _wireBytes;
    private long _snappedFrames;
    private long _firstTimestamp;
    private long _lastTimestamp;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="CaptureFileException"/> when it cannot be used.</summary>
    public CaptureFileReader(string path, CaptureFileReaderOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= CaptureFileReaderOptions.Default;
        _logger = logger ?? NullLogger.Instance;
        Path = path;
        Filter = string.IsNullOrWhiteSpace(options.Filter) ? null : options.Filter;

        try
        {
            Format = Precheck(path, out var fileLength);
            FileLength = fileLength;
            if (Format is CaptureFileFormat.PcapMicrosecond or CaptureFileFormat.PcapNanosecond)
            {
                _pcap = OpenStream(path);
            }
            else
            {
                _device = OpenDevice(path);
            }
        }
        catch (CaptureFileException e)
        {
            CaptureLog.CaptureFileOpenFailed(_logger, path, e.Kind, e);
            throw;
        }

        try
        {
            LinkType = _pcap?.LinkType ?? _device!.LinkType;
            Resolution = _pcap is null ? _device!.TimestampResolution : TimestampResolution.Nanosecond;
            _nanosecondsPerFractionUnit = Resolution == TimestampResolution.Nanosecond ? 1 : 1000;
            _secondsMask = Format == CaptureFileFormat.PcapNg ? -1L : uint.MaxValue;
            if (options.RequireEthernet && LinkType != LinkLayers.Ethernet)
            {
                throw CaptureFileErrors.UnsupportedLinkType(path, LinkType);
            }

            if (Filter is not null)
            {
                ApplyFilter(Filter);
            }
        }
        catch (CaptureFileException e)
        {
            _pcap?.Dispose();
            _device?.Dispose();
            CaptureLog.CaptureFileOpenFailed(_logger, path, e.Kind, e);
            throw;
        }

        if (Resolution != TimestampResolution.Nanosecond)
        {
            CaptureLog.CaptureTimestampsMicrosecond(_logger, path);
        }

        if (LinkType != LinkLayers.Ethernet)
        {
            CaptureLog.CaptureFileNotEthernet(_logger, path, LinkType);
        }

        CaptureLog.CaptureFileOpened(_logger, path, Format, FileLength, LinkType, Resolution, Filter ?? string.Empty);
    }

    private enum State
    {
        Reading,
        Ended,
        Failed,
        Disposed,
    }

    /// <summary>The path given to the constructor.</summary>
    public string Path { get; }

    public CaptureFileFormat Format { get; }

    /// <summary>File size in bytes at open.</summary>
    public long FileLength { get; }

    /// <summary>The file's link type (pcap LINKTYPE_*); only <see cref="LinkLayers.Ethernet"/> is analysed.</summary>
    public LinkLayers LinkType { get; }

    public bool IsEthernet => LinkType == LinkLayers.Ethernet;

    /// <summary>The precision libpcap delivers timestamps in (nanosecond unless libpcap is older than 1.5.1).</summary>
    public TimestampResolution Resolution { get; }

    /// <summary>The BPF expression in force, or null.</summary>
    public string? Filter { get; }

    /// <summary>Set when reading stopped because the file is broken; null while reading and after a clean end.</summary>
    public CaptureFileException? Error { get; private set; }

    /// <inheritdoc/>
    public CaptureCompleteness Completeness => Error is { } error
        ? CaptureCompleteness.Stopped(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the capture was cut short after {_frames} frame(s): {error.Message}"))
        : CaptureCompleteness.Whole;

    /// <summary>True once <see cref="TryReadNext"/> has returned false (clean end or error).</summary>
    public bool IsCompleted => _state is State.Ended or State.Failed;

    /// <summary>Totals over the frames delivered so far.</summary>
    public CaptureSummary Summary =>
        new(_frames, _capturedBytes, _wireBytes, _snappedFrames, _firstTimestamp, _lastTimestamp);

    /// <summary>
    /// Reads the next frame. False at the end of the file or when the file breaks (then <see cref="Error"/> is set).
    /// The frame's <see cref="CapturedFrame.Data"/> is valid until the next call or <see cref="Dispose"/>.
    /// </summary>
    public bool TryReadNext(out CapturedFrame frame)
    {
        if (_state != State.Reading)
        {
            return NotReading(out frame);
        }

        return _pcap is not null ? TryReadPcap(_pcap, out frame) : TryReadLibpcap(_device!, out frame);
    }

    private bool TryReadPcap(PcapRecordStream pcap, out CapturedFrame frame)
    {
        PcapRecordStatus status;
        long timestamp;
        int originalLength;
        Span<byte> data;
        do
        {
            status = pcap.TryRead(out timestamp, out originalLength, out data);
            if (status != PcapRecordStatus.Read)
            {
                frame = default;
                StopPcap(pcap, status);
                return false;
            }

            _records++;
        }
        while (_filter is not null && !MatchesFilter(data, originalLength));

        Count(data.Length, originalLength, timestamp);
        frame = new CapturedFrame(data, timestamp, originalLength, _records);
        return true;
    }

    private bool TryReadLibpcap(CaptureFileReaderDevice device, out CapturedFrame frame)
    {
        IntPtr header = IntPtr.Zero;
        IntPtr data = IntPtr.Zero;
        do
        {
            var status = device.GetNextPacketPointers(ref header, ref data);
            if (status != (int)GetPacketStatus.PacketRead)
            {
                frame = default;
                Stop(status);
                return false;
            }

            _records++;
        }
        while (_filter is not null && !_filter.Matches(header, data));

        var captureLength = NativePacketHeader.CaptureLength(header);
        var originalLength = NativePacketHeader.PacketLength(header);
        var timestamp = (NativePacketHeader.Seconds(header) & _secondsMask) * 1_000_000_000L
                        + NativePacketHeader.Fraction(header) * _nanosecondsPerFractionUnit;

        Count(captureLength, originalLength, timestamp);
        frame = new CapturedFrame(NativePacketHeader.Data(data, captureLength), timestamp, originalLength, _records);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int captureLength, int originalLength, long timestamp)
    {
        _frames++;
        _capturedBytes += captureLength;
        _wireBytes += originalLength;
        if (captureLength < originalLength)
        {
            _snappedFrames++;
        }

        if (_frames == 1)
        {
            _firstTimestamp = timestamp;
        }

        _lastTimestamp = timestamp;
    }

    private bool MatchesFilter(Span<byte> data, int originalLength)
    {
        NativePacketHeader.WriteLengths(_filterHeader, data.Length, originalLength);
        return _filter!.Matches(_filterHeader, PcapRecordStream.AddressOf(data));
    }

    /// <summary>Throws <see cref="Error"/> if reading stopped on a broken file.</summary>
    public void ThrowIfFailed()
    {
        if (Error is { } error)
        {
            throw error;
        }
    }

    public void Dispose()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        _state = State.Disposed;
        _filter?.Dispose();
        if (_filterHeader != IntPtr.Zero)
        {
            Marshal.FreeHGlobal(_filterHeader);
            _filterHeader = IntPtr.Zero;
        }

        _pcap?.Dispose();
        _device?.Dispose();
        CaptureLog.CaptureFileClosed(_logger, Path, _frames, _capturedBytes);
    }

    private static CaptureFileFormat Precheck(string path, out long length)
    {
        if (Directory.Exists(path))
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.NotAFile, path, null);
        }

        if (!File.Exists(path))
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.Missing, path, null);
        }

        CaptureFileFormat format;
        try
        {
            format = CaptureFileLayout.SniffFile(path, out length);
        }
        catch (UnauthorizedAccessException e)
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.PermissionDenied, path, e.Message, e);
        }
        catch (IOException e)
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.ReadFailed, path, e.Message, e);
        }

        if (length == 0)
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.Empty, path, null);
        }

        return format;
    }

    private static PcapRecordStream OpenStream(string path)
    {
        try
        {
            return PcapRecordStream.Open(path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.PermissionDenied, path, e.Message, e);
        }
        catch (IOException e)
        {
            throw CaptureFileErrors.Open(CaptureFileErrorKind.ReadFailed, path, e.Message, e);
        }
    }

    private static CaptureFileReaderDevice OpenDevice(string path)
    {
        var device = new CaptureFileReaderDevice(path);
        try
        {
            // pcap_open_offline_with_tstamp_precision(NANO): libpcap scales µs pcap and pcapng if_tsresol to ns.
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
            return device;
        }
        catch (PcapException e)
        {
            device.Dispose();
            var text = CaptureFileErrors.LibpcapText(e.Message);
            throw CaptureFileErrors.Open(CaptureFileErrors.ClassifyOpen(text), path, text, e);
        }
    }

    private void ApplyFilter(string filter)
    {
        if (_device is not null)
        {
            _filter = BpfProgram.TryCreate(_device.Handle, filter, 1, 0);
            if (_filter is null)
            {
                throw CaptureFileErrors.BadFilter(Path, filter, _device.LastError);
            }
        }
        else
        {
            // Compiled for the file's link type on a pcap_open_dead handle, which keeps no error text: ask
            // CheckFilter (an Ethernet handle) for it.
            _filter = BpfProgram.TryCreate(LinkType, filter, 1, 0);
            if (_filter is null)
            {
                PcapDevice.CheckFilter(filter, out var reason);
                throw CaptureFileErrors.BadFilter(Path, filter, reason ?? "it does not compile");
            }

            _filterHeader = Marshal.AllocHGlobal(NativePacketHeader.Size);
        }

        CaptureLog.CaptureFilterApplied(_logger, Path, filter);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NotReading(out CapturedFrame frame)
    {
        if (_state == State.Disposed)
        {
            CaptureFileErrors.ThrowDisposed(this);
        }

        frame = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StopPcap(PcapRecordStream pcap, PcapRecordStatus status)
    {
        if (status == PcapRecordStatus.End)
        {
            _state = State.Ended;
            CaptureLog.CaptureFileEnded(_logger, Path, _frames, _capturedBytes, _snappedFrames);
            return;
        }

        var kind = status == PcapRecordStatus.Corrupt ? CaptureFileErrorKind.Corrupt : CaptureFileErrorKind.Truncated;
        Fail(CaptureFileErrors.BrokenRecord(kind, Path, pcap.DescribeBreak(status), _records + 1, pcap.RecordOffset,
            _frames, FileLength));
    }

    private void Fail(CaptureFileException error)
    {
        Error = error;
        _state = State.Failed;
        CaptureLog.CaptureFileReadFailed(_logger, Path, error.Kind, error.FrameNumber, error.ByteOffset, _frames,
            error);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Stop(int status)
    {
        if (status == (int)GetPacketStatus.NoRemainingPackets)
        {
            _state = State.Ended;
            CaptureLog.CaptureFileEnded(_logger, Path, _frames, _capturedBytes, _snappedFrames);
            return;
        }

        // -1 (PCAP_ERROR): libpcap's text is in pcap_geterr. A 0 (timeout) never happens for files; treat anything
        // unexpected as a failure rather than loop on it.
        var text = status == (int)GetPacketStatus.Error
            ? _device!.LastError
            : $"pcap_next_ex returned unexpected status {status}";
        Fail(CaptureFileErrors.Read(Path, text, _frames, FileLength));
    }
}
