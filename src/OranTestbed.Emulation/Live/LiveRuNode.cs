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
public sealed class LiveRuNode : LiveNode
{
    private readonly LiveCaptureSource _capture;

    private ReceptionCounters _counters = ReceptionCounters.Empty;
    private EmulationContext? _context;
    private RuEmulator? _ru;
    private long _stopAtNs;

    private LiveRuNode(LiveCaptureSource capture, LiveFrameSender sender, RealTimeClock clock)
        : base(sender, clock)
    {
        _capture = capture;
    }

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
        StartThread("emulated-o-ru");
    }

    /// <summary>What the O-RU's defects injected (call after completion).</summary>
    public ImmutableArray<DefectTally> Defects() =>
        _ru is null ? [] : _ru.Ledger.Build(_context!.Options.Ru, CaptureTap.Ru);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _capture.Dispose();
        }
    }

    private protected override LiveSendStatistics SendUntilDone(CancellationToken stop)
    {
        var ru = _ru!;
        var tally = default(LiveSendTally);
        while (!stop.IsCancellationRequested && Clock.NowNs < _stopAtNs)
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

            long now = Clock.NowNs;
            long due = now + Clock.Pacing.SendAheadNs;
            long next = long.MaxValue;
            while (ru.TryPeek(due, out long sendNs))
            {
                if (sendNs > due)
                {
                    next = sendNs;
                    break;
                }

                var frame = ru.Emit(tally.Frames + 1, 0, out _);
                Sender.Send(frame);
                tally.Sent(frame.Length, Math.Max(0, now - sendNs));
                busy = true;
            }

            if (!busy)
            {
                // Captured frames come at least every flush interval (1 ms); spin only when a send is close.
                if (next - now < Clock.Pacing.SpinNs)
                {
                    Thread.Yield();
                }
                else
                {
                    RealTimeScheduling.Sleep(Math.Min(500_000, next - Clock.Pacing.SendAheadNs - now));
                }
            }
        }

        return tally.ToStatistics();
    }

    private protected override void Stopped() => Volatile.Write(ref _counters, _ru!.Counters);
}
