using System.Collections.Immutable;
using OranTestbed.Capture.Live;
using OranTestbed.Emulation.Nodes;
using OranTestbed.Emulation.Reports;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// An emulated O-RU on a live interface (optionally in a network namespace): it captures what arrives (libpcap in
/// immediate mode, handed over within 1 ms), counts its reception windows on the capture's timestamps, answers UL C-plane with UL U-plane sent
/// at the scheduled times, and stops a linger time after the emulated air time. One dedicated thread receives and
/// sends, so the emulator's state is never shared. <see cref="Open"/> first, then <see cref="Start"/>.
/// </summary>
public sealed class LiveRuNode : IDisposable
{
    private readonly LiveCaptureSource _capture;
    private readonly LiveFrameSender _sender;
    private readonly RealTimeClock _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<LiveSendStatistics> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReceptionCounters _counters = ReceptionCounters.Empty;
    private EmulationContext? _context;
    private RuEmulator? _ru;
    private long _stopAtNs;

    private LiveRuNode(LiveCaptureSource capture, LiveFrameSender sender, RealTimeClock clock)
    {
        _capture = capture;
        _sender = sender;
        _clock = clock;
    }

    public Task<LiveSendStatistics> Completion => _completion.Task;

    /// <summary>The reception counters when the O-RU stopped (empty before).</summary>
    public ReceptionCounters Counters => Volatile.Read(ref _counters);

    /// <summary>Frames the O-RU's capture delivered and the kernel's drop counters.</summary>
    public CaptureHealth CaptureHealth => _capture.Health;

    /// <summary>
    /// Opens the interface for capture (which starts at once) and for sending. With real-time pacing the capture's
    /// thread is raised to SCHED_FIFO too: on a busy host a normal capture thread can be kept off the processor for
    /// tens of ms, and the O-RU would see its C-plane too late.
    /// </summary>
    public static LiveRuNode Open(string interfaceName, string? networkNamespace, RealTimeClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        LiveWarmUp.CompileSendPath();
        var before = clock.Pacing.RealTimePriority ? RealTimeScheduling.ThreadIds() : null;
        var capture = LiveCaptureSource.Start(new LiveCaptureOptions
        {
            Interface = interfaceName,
            NetworkNamespace = networkNamespace,
            FlushInterval = TimeSpan.FromMilliseconds(1),
            KernelBufferBytes = 32 << 20,

            // TPACKET_V3 hands a block over on a timer of whole jiffies (4 ms at HZ=250): too late for a C-plane sent
            // a few ms before air time. Immediate mode wakes per frame.
            Immediate = true,
        });
        LiveFrameSender sender;
        try
        {
            sender = LiveFrameSender.Open(interfaceName, networkNamespace);
        }
        catch
        {
            capture.Dispose();
            throw;
        }

        if (before is not null)
        {
            RealTimeScheduling.TryRaiseNewThreads(before, "live-capture-");
        }

        return new LiveRuNode(capture, sender, clock);
    }

    /// <summary>
    /// Builds the O-RU for <paramref name="options"/> and starts its thread, which stops <paramref name="linger"/>
    /// after the emulated air time (the last UL answers leave within it).
    /// </summary>
    public void Start(EmulationOptions options, TimeSpan linger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_context is not null)
        {
            throw new InvalidOperationException("the O-RU is already started");
        }

        LiveWarmUp.Exercise(options);
        _context = new EmulationContext(options, TimeScale.Utc);
        _ru = new RuEmulator(_context);
        _stopAtNs = _context.EndNs + (long)linger.TotalNanoseconds;
        new Thread(Run) { IsBackground = true, Name = "emulated-o-ru" }.Start();
    }

    /// <summary>What the O-RU's defects injected (call after completion).</summary>
    public ImmutableArray<DefectTally> Defects() =>
        _ru is null ? [] : _ru.Ledger.Build(_context!.Options.Ru, CaptureTap.Ru);

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            if (_context is not null)
            {
                _completion.Task.Wait(TimeSpan.FromSeconds(5));
            }
        }
        catch (AggregateException)
        {
            // The failure was reported through Completion.
        }

        _sender.Dispose();
        _capture.Dispose();
        _stop.Dispose();
    }

    private void Run()
    {
        if (_clock.Pacing.RealTimePriority)
        {
            RealTimeScheduling.TryRaiseCurrentThread();
        }

        var ru = _ru!;
        try
        {
            long frames = 0, bytes = 0, maxLate = 0, late = 0;
            var token = _stop.Token;
            while (!token.IsCancellationRequested && _clock.NowNs < _stopAtNs)
            {
                bool busy = false;
                while (_capture.Batches.TryRead(out var batch))
                {
                    using (batch)
                    {
                        foreach (var frame in batch)
                        {
                            ru.Receive(frame.Data, frame.TimestampNanoseconds, frame.Number, frame.TimestampNanoseconds);
                        }
                    }

                    busy = true;
                }

                long now = _clock.NowNs;
                long due = now + _clock.Pacing.SendAheadNs;
                long next = long.MaxValue;
                while (ru.TryPeek(due, out long sendNs))
                {
                    if (sendNs > due)
                    {
                        next = sendNs;
                        break;
                    }

                    var frame = ru.Emit(frames + 1, 0, out _);
                    _sender.Send(frame);
                    frames++;
                    bytes += frame.Length;
                    long lateness = Math.Max(0, now - sendNs);
                    maxLate = Math.Max(maxLate, lateness);
                    late += lateness > LiveSendStatistics.LateThresholdNs ? 1 : 0;
                    busy = true;
                }

                if (!busy)
                {
                    // Captured frames come at least every flush interval (1 ms); spin only when a send is close.
                    if (next - now < _clock.Pacing.SpinNs)
                    {
                        Thread.Yield();
                    }
                    else
                    {
                        RealTimeScheduling.Sleep(Math.Min(500_000, next - _clock.Pacing.SendAheadNs - now));
                    }
                }
            }

            Volatile.Write(ref _counters, ru.Counters);
            _completion.TrySetResult(new LiveSendStatistics(frames, bytes, maxLate, late));
        }
#pragma warning disable CA1031 // A thread's failure must reach Completion, not kill the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Volatile.Write(ref _counters, ru.Counters);
            _completion.TrySetException(e);
        }
    }
}
