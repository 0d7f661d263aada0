using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Capture.Files;
using PacketDotNet;
using SharpPcap;

namespace OranTestbed.Capture.Live;

/// <summary>
/// Captures a live interface through libpcap (SharpPcap) on a dedicated thread and hands the frames to one consumer
/// in owned, recycled <see cref="CaptureBatch"/>es through a bounded channel, in constant memory and without
/// allocating per frame. The counters that decide whether a run is complete are in <see cref="Health"/>.
/// </summary>
/// <remarks>
/// <para>
/// Consumer API: <see cref="Batches"/> is a <see cref="ChannelReader{T}"/>, so one type serves an async loop
/// (<c>await foreach (var batch in source.Batches.ReadAllAsync(ct)) using (batch) { foreach (var f in batch) ... }</c>),
/// a synchronous poller (<c>TryRead</c>) and an actor that pipes batches to itself. Batches rather than single frames
/// keep the per-frame cost at a memcpy: channel synchronisation is paid once per batch (up to
/// <see cref="LiveCaptureOptions.MaxFramesPerBatch"/> frames or <see cref="LiveCaptureOptions.FlushInterval"/> of age).
/// The channel completes when the capture stops; with the error if it failed (ReadAllAsync then throws it).
/// </para>
/// <para>
/// The capture thread: enters the network namespace if one is given (only this thread moves), opens the interface
/// (TPACKET_V3 ring, nanosecond timestamps, non-blocking), then loops on <c>pcap_next_ex</c> through
/// <c>GetNextPacketPointers</c> (no SharpPcap per-packet objects), copying each frame into the current batch, and
/// poll(2)s the socket for at most the flush interval when the ring is empty. It never blocks on the consumer: a full
/// queue drops the batch and counts its frames (<see cref="CaptureHealth.ConsumerDroppedFrames"/>).
/// Kernel counters are read with our own pcap_stats call: SharpPcap 6.3.1's <c>Statistics</c> misreads the dropped
/// count on 64-bit Linux (see <see cref="LibpcapNative"/>).
/// </para>
/// </remarks>
public sealed class LiveCaptureSource : IDisposable, IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly Channel<CaptureBatch> _channel;
    private readonly CaptureBatchPool _pool;
    private readonly CancellationTokenSource _stop;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _opened = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _nanosecondsPerFraction;
    private readonly string _summaryFilter;

    private LivePcapDevice? _device;
    private LiveCaptureException? _openError;
    private long _openedTicks;
    private bool _hasCarrier;
    private List<LiveDeviceOpener.Rejection>? _rejections;

    // Written by the capture thread only; read by others through Volatile.Read (64-bit loads are atomic).
    private long _framesCaptured;
    private long _framesDelivered;
    private long _bytesDelivered;
    private long _batchesDelivered;
    private long _consumerDropped;
    private long _kernelReceived;
    private long _kernelDropped;
    private long _interfaceDropped;
    private int _statisticsAvailable;
    private LibpcapNative.PcapStat _lastStat;
    private long _batchSequence;
    private long _allocatedAtLoopStart;
    private long _allocatedInLoop;
    private int _disposed;

    private LiveCaptureSource(LiveCaptureOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        Options = options;
        _logger = logger;
        _summaryFilter = options.Filter ?? string.Empty;
        _pool = new CaptureBatchPool(options.BatchQueueCapacity + options.BatchesHeldByConsumer + 1,
            options.BatchBytes, options.MaxFramesPerBatch);
        _channel = Channel.CreateBounded<CaptureBatch>(new BoundedChannelOptions(options.BatchQueueCapacity)
        {
            SingleWriter = true,
            SingleReader = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then returns false: we drop and count, never block.
            AllowSynchronousContinuations = false,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "live-capture-" + options.Interface,
        };
        _thread.Start();
        _opened.Wait(CancellationToken.None);
        _nanosecondsPerFraction = TimestampResolution == TimestampResolution.Nanosecond ? 1 : 1000;
    }

    public LiveCaptureOptions Options { get; }

    public string Interface => Options.Interface;

    public string? NetworkNamespace => Options.NetworkNamespace;

    public LinkLayers LinkType { get; private set; }

    /// <summary>What libpcap granted: nanosecond on Linux; microsecond means the last three digits are zeros.</summary>
    public TimestampResolution TimestampResolution { get; private set; }

    /// <summary>The batches, in capture order. Completes when the capture stops (with the error, if it failed).</summary>
    public ChannelReader<CaptureBatch> Batches => _channel.Reader;

    /// <summary>Completes when the capture thread has stopped and closed the interface; faulted if reading failed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The failure that stopped the capture, or null.</summary>
    public LiveCaptureException? Error { get; private set; }

    /// <summary>Totals so far (a fresh snapshot per call).</summary>
    public CaptureHealth Health => new()
    {
        Elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref _openedTicks)),
        FramesCaptured = Volatile.Read(ref _framesCaptured),
        FramesDelivered = Volatile.Read(ref _framesDelivered),
        BytesDelivered = Volatile.Read(ref _bytesDelivered),
        BatchesDelivered = Volatile.Read(ref _batchesDelivered),
        ConsumerDroppedFrames = Volatile.Read(ref _consumerDropped),
        KernelReceived = Volatile.Read(ref _kernelReceived),
        KernelDropped = Volatile.Read(ref _kernelDropped),
        InterfaceDropped = Volatile.Read(ref _interfaceDropped),
        StatisticsAvailable = Volatile.Read(ref _statisticsAvailable) == 1,
    };

    /// <summary>Bytes the capture thread allocated since its loop started (diagnostics for the constant-memory test).</summary>
    internal long CaptureThreadAllocatedBytes => Volatile.Read(ref _allocatedInLoop);

    /// <summary>Batches the pool has created (for the allocation spec: a lagging consumer grows the pool, once per batch).</summary>
    internal int BatchesCreated => _pool.Created;

    /// <summary>
    /// Opens <see cref="LiveCaptureOptions.Interface"/> and starts capturing at once. Throws
    /// <see cref="LiveCaptureException"/> when the interface cannot be captured (missing: the message lists the
    /// available ones; permission denied; down; bad filter; not Ethernet). <paramref name="cancellationToken"/> stops it.
    /// </summary>
    public static LiveCaptureSource Start(LiveCaptureOptions options, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var source = new LiveCaptureSource(options, logger ?? NullLogger.Instance, cancellationToken);
        if (source._openError is { } error)
        {
            source.Dispose();
            CaptureLog.LiveCaptureOpenFailed(source._logger, options.Interface, options.NetworkNamespace ?? string.Empty,
                error.Kind, error);
            throw error;
        }

        source.LogOpened();
        return source;
    }

    /// <summary>
    /// Asks the capture to stop. It first keeps reading for two flush intervals (frames that reached the kernel before
    /// Stop are delivered), then flushes the last batch, reads the final counters, closes and completes.
    /// </summary>
    public void Stop()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _stop.Cancel();
        }
    }

    public async Task StopAsync()
    {
        Stop();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (LiveCaptureException)
        {
            // Already reported through Error and the channel; stopping is what was asked.
        }
    }

    /// <summary>Stops, waits for the capture thread, disposes the batches nobody read and releases the buffers.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _thread.Join();
        while (_channel.Reader.TryRead(out var batch))
        {
            batch.Dispose();
        }

        _pool.Close();
        _stop.Dispose();
        _opened.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Run()
    {
        try
        {
            OpenOnCaptureThread();
        }
        catch (LiveCaptureException e)
        {
            _openError = e;
        }
#pragma warning disable CA1031 // Any failure while opening must reach the caller of Start, not kill the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _openError = new LiveCaptureException(LiveCaptureErrorKind.OpenFailed, Options.Interface,
                Options.NetworkNamespace, $"Cannot open interface '{Options.Interface}': {e.Message}", innerException: e);
        }

        if (_openError is not null)
        {
            _channel.Writer.TryComplete(_openError);
            _completion.TrySetException(_openError);
            _opened.Set();
            return;
        }

        _opened.Set();
        LiveCaptureException? failure = null;
        CaptureBatch? batch = null;
        try
        {
            Capture(ref batch);
        }
        catch (LiveCaptureException e)
        {
            failure = e;
        }
#pragma warning disable CA1031 // Report every capture-thread failure through the channel and Completion.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = new LiveCaptureException(LiveCaptureErrorKind.ReadFailed, Options.Interface,
                Options.NetworkNamespace, $"Capture on '{Options.Interface}' failed: {e.Message}", innerException: e);
        }

        Finish(batch, failure);
    }

    private void OpenOnCaptureThread()
    {
        if (Options.NetworkNamespace is { } ns)
        {
            ThreadNetworkNamespace.EnterOnCurrentThread(ns, Options.Interface);
        }

        var pcapInterface = LiveDeviceOpener.Find(Options.Interface, Options.NetworkNamespace, out _hasCarrier);
        var device = new LivePcapDevice(pcapInterface);
        _rejections = [];
        LiveDeviceOpener.Open(device, new DeviceConfiguration
        {
            Mode = Options.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            Snaplen = Options.SnapLength,
            BufferSize = Options.KernelBufferBytes,
            Immediate = Options.Immediate,

            // In non-immediate mode this is the TPACKET_V3 block timeout: the longest a frame waits in the ring.
            ReadTimeout = FlushMilliseconds(),
            TimestampResolution = TimestampResolution.Nanosecond,
            TimestampType = Options.TimestampType,
        }, Options.NetworkNamespace, _rejections);

        try
        {
            LinkType = device.LinkType;
            if (Options.RequireEthernet && LinkType != LinkLayers.Ethernet)
            {
                throw new LiveCaptureException(LiveCaptureErrorKind.UnsupportedLinkType, Options.Interface,
                    Options.NetworkNamespace,
                    $"Interface '{Options.Interface}' has link type {LinkType} ({(int)LinkType}); only Ethernet frames can be analysed.");
            }

            if (!string.IsNullOrWhiteSpace(Options.Filter))
            {
                LiveDeviceOpener.SetFilter(device, Options.Filter, Options.NetworkNamespace);
            }

            TimestampResolution = device.TimestampResolution;

            // pcap_next_ex then returns 0 at once on an empty ring and we poll(2) with our own timeout, so the loop
            // wakes to flush batches, read counters and notice Stop even when no frame arrives (a blocking read on
            // libpcap 1.10 waits forever for the next frame).
            device.NonBlockingMode = true;
        }
        catch
        {
            device.Close();
            throw;
        }

        _device = device;
        _lastStat = default;
        Volatile.Write(ref _openedTicks, Stopwatch.GetTimestamp());
    }

    private void Capture(ref CaptureBatch? batch)
    {
        var device = _device!;
        var token = _stop.Token;
        var flushTicks = (long)(Options.FlushInterval.TotalSeconds * Stopwatch.Frequency);
        var statisticsTicks = (long)(Options.StatisticsInterval.TotalSeconds * Stopwatch.Frequency);
        var pollMilliseconds = FlushMilliseconds();
        var pollFd = new LinuxNative.PollFd { Fd = device.SelectableFileDescriptor, Events = LinuxNative.PollIn };
        var nextStatistics = Stopwatch.GetTimestamp();
        var header = IntPtr.Zero;
        var data = IntPtr.Zero;
        var captured = 0L;
        var drainUntil = long.MaxValue;
        _allocatedAtLoopStart = GC.GetAllocatedBytesForCurrentThread();

        while (true)
        {
            // Stop drains first: frames that reached the ring before Stop sit in a TPACKET_V3 block the kernel hands
            // over only when it is full or its timeout (the flush interval) expires, so keep reading for two intervals.
            if (drainUntil == long.MaxValue && token.IsCancellationRequested)
            {
                drainUntil = Stopwatch.GetTimestamp() + (2 * flushTicks);
            }


            var status = device.GetNextPacketPointers(ref header, ref data);
            if (status == (int)GetPacketStatus.PacketRead)
            {
                captured++;
                Volatile.Write(ref _framesCaptured, captured);
                var captureLength = NativePacketHeader.CaptureLength(header);
                if (batch is not null && (batch.IsFull || batch.FreeBytes < captureLength))
                {
                    Publish(ref batch);
                }

                if (batch is null)
                {
                    batch = _pool.TryRent();
                    if (batch is null)
                    {
                        Volatile.Write(ref _consumerDropped, _consumerDropped + 1);
                        continue;
                    }

                    batch.Lease(++_batchSequence, Stopwatch.GetTimestamp());
                }

                var timestamp = NativePacketHeader.Seconds(header) * 1_000_000_000L
                                + NativePacketHeader.Fraction(header) * _nanosecondsPerFraction;
                batch.Append(NativePacketHeader.Data(data, captureLength), timestamp,
                    NativePacketHeader.PacketLength(header), captured);

                // Under sustained traffic the ring is rarely empty: look at the clock every 256 frames.
                if ((captured & 0xFF) == 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    if (now - batch.FirstArrivalTicks >= flushTicks)
                    {
                        Publish(ref batch);
                    }

                    if (now >= nextStatistics)
                    {
                        nextStatistics = now + statisticsTicks;
                        ReadStatistics(device);
                    }

                    if (now >= drainUntil)
                    {
                        break;
                    }
                }

                continue;
            }

            if (status == (int)GetPacketStatus.ReadTimeout)
            {
                var now = Stopwatch.GetTimestamp();
                if (batch is not null && now - batch.FirstArrivalTicks >= flushTicks)
                {
                    Publish(ref batch);
                }

                if (now >= drainUntil)
                {
                    break;
                }

                if (now >= nextStatistics)
                {
                    nextStatistics = now + statisticsTicks;
                    ReadStatistics(device);
                }

                // Errors (POLLERR, interface gone) make the next pcap_next_ex return -1 with libpcap's text.
                pollFd.Revents = 0;
                _ = LinuxNative.poll(ref pollFd, 1, pollMilliseconds);
                continue;
            }

            if (status == -2)
            {
                break; // pcap_breakloop
            }

            throw ReadFailure(device);
        }
    }

    private void Publish(ref CaptureBatch? batch)
    {
        var full = batch!;
        batch = null;
        if (_channel.Writer.TryWrite(full))
        {
            Volatile.Write(ref _framesDelivered, _framesDelivered + full.Count);
            Volatile.Write(ref _bytesDelivered, _bytesDelivered + full.CapturedBytes);
            Volatile.Write(ref _batchesDelivered, _batchesDelivered + 1);
        }
        else
        {
            Volatile.Write(ref _consumerDropped, _consumerDropped + full.Count);
            full.Dispose();
        }

        Volatile.Write(ref _allocatedInLoop, GC.GetAllocatedBytesForCurrentThread() - _allocatedAtLoopStart);
    }

    private void ReadStatistics(LivePcapDevice device)
    {
        if (!LibpcapNative.TryGetStatistics(device, out var stat))
        {
            if (Interlocked.Exchange(ref _statisticsAvailable, 0) == 1 || _lastStat.Received == 0)
            {
                CaptureLog.LiveCaptureStatisticsUnavailable(_logger, Options.Interface,
                    LiveDeviceOpener.LastError(device));
            }

            return;
        }

        // libpcap keeps 32-bit running totals: unsigned differences survive their wrap.
        var received = unchecked(stat.Received - _lastStat.Received);
        var dropped = unchecked(stat.Dropped - _lastStat.Dropped);
        var interfaceDropped = unchecked(stat.InterfaceDropped - _lastStat.InterfaceDropped);
        _lastStat = stat;
        Volatile.Write(ref _kernelReceived, _kernelReceived + received);
        Volatile.Write(ref _kernelDropped, _kernelDropped + dropped);
        Volatile.Write(ref _interfaceDropped, _interfaceDropped + interfaceDropped);
        Volatile.Write(ref _statisticsAvailable, 1);

        if (dropped + interfaceDropped > 0)
        {
            CaptureLog.LiveCaptureDropped(_logger, Options.Interface, dropped, interfaceDropped, _kernelDropped,
                _interfaceDropped, _consumerDropped);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CaptureLog.LiveCaptureProgress(_logger, Options.Interface, _framesCaptured, _framesDelivered,
                _kernelReceived, _kernelDropped, _interfaceDropped, _consumerDropped);
        }
    }

    private void Finish(CaptureBatch? batch, LiveCaptureException? failure)
    {
        var device = _device!;
        if (batch is not null)
        {
            if (batch.Count > 0)
            {
                Publish(ref batch);
            }
            else
            {
                batch.Dispose();
            }
        }

        ReadStatistics(device);
        device.Close();
        Error = failure;
        var health = Health;
        if (failure is null)
        {
            CaptureLog.LiveCaptureStopped(_logger, Options.Interface, health.FramesCaptured, health.FramesDelivered,
                health.KernelReceived, health.KernelDropped, health.InterfaceDropped, health.ConsumerDroppedFrames);
            _channel.Writer.TryComplete();
            _completion.TrySetResult();
        }
        else
        {
            CaptureLog.LiveCaptureFailed(_logger, Options.Interface, failure.Kind, health.FramesCaptured, failure);
            _channel.Writer.TryComplete(failure);
            _completion.TrySetException(failure);
        }
    }

    private LiveCaptureException ReadFailure(LivePcapDevice device)
    {
        var text = LiveDeviceOpener.LastError(device);
        var down = text.Contains("went down", StringComparison.OrdinalIgnoreCase)
                   || text.Contains("disappeared", StringComparison.OrdinalIgnoreCase)
                   || text.Contains("ENETDOWN", StringComparison.Ordinal);
        return new LiveCaptureException(down ? LiveCaptureErrorKind.InterfaceDown : LiveCaptureErrorKind.ReadFailed,
            Options.Interface, Options.NetworkNamespace,
            $"Capture on '{Options.Interface}'{LiveDeviceOpener.Where(Options.NetworkNamespace)} stopped: {text}",
            libpcapError: text);
    }

    private int FlushMilliseconds() => Math.Max(1, (int)Math.Ceiling(Options.FlushInterval.TotalMilliseconds));

    private void LogOpened()
    {
        foreach (var rejection in _rejections ?? [])
        {
            CaptureLog.LiveCaptureSettingRejected(_logger, Options.Interface, rejection.Property, rejection.Error,
                rejection.Message);
        }

        if (TimestampResolution != TimestampResolution.Nanosecond)
        {
            CaptureLog.LiveCaptureTimestampsMicrosecond(_logger, Options.Interface);
        }

        if (!_hasCarrier)
        {
            CaptureLog.LiveCaptureNoCarrier(_logger, Options.Interface);
        }

        var clock = Options.TimestampType is { } type ? type.ToString() : "default";
        CaptureLog.LiveCaptureOpened(_logger, Options.Interface, Options.NetworkNamespace ?? string.Empty, LinkType,
            TimestampResolution, clock, Options.KernelBufferBytes,
            Options.SnapLength, _summaryFilter);
    }
}
