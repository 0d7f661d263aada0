using System.Collections.Immutable;
using OranTestbed.Capture.Live;
using OranTestbed.Emulation.Nodes;
using OranTestbed.Emulation.Reports;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// An emulated O-DU on a live interface (optionally in a network namespace): its C-plane, DL U-plane and PTP sent at
/// their scheduled times on the host's UTC clock, from a dedicated thread. <see cref="Open"/> the interface first
/// (that can take a while), then <see cref="Start"/> with options whose <see cref="EmulationOptions.StartNanoseconds"/>
/// (<see cref="LiveEmulation.StartingSoon"/>) is the O-RU's too, so both count the same slots.
/// </summary>
public sealed class LiveDuNode : IDisposable
{
    private readonly LiveFrameSender _sender;
    private readonly RealTimeClock _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<LiveSendStatistics> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulationContext? _context;
    private DuEmulator? _du;
    private PtpGrandmaster? _ptp;

    private LiveDuNode(LiveFrameSender sender, RealTimeClock clock)
    {
        _sender = sender;
        _clock = clock;
    }

    /// <summary>Completes with the send statistics when the O-DU has sent its last frame.</summary>
    public Task<LiveSendStatistics> Completion => _completion.Task;

    /// <summary>Opens <paramref name="interfaceName"/> for sending.</summary>
    public static LiveDuNode Open(string interfaceName, string? networkNamespace, RealTimeClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        LiveWarmUp.CompileSendPath();
        return new LiveDuNode(LiveFrameSender.Open(interfaceName, networkNamespace), clock);
    }

    /// <summary>Builds the O-DU for <paramref name="options"/> and starts its thread.</summary>
    public void Start(EmulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_context is not null)
        {
            throw new InvalidOperationException("the O-DU is already started");
        }

        LiveWarmUp.Exercise(options);
        _context = new EmulationContext(options, TimeScale.Utc);
        _du = new DuEmulator(_context);
        _ptp = new PtpGrandmaster(_context, _du.Ledger);
        new Thread(Run) { IsBackground = true, Name = "emulated-o-du" }.Start();
    }

    /// <summary>What the O-DU's defects injected (call after completion).</summary>
    public ImmutableArray<DefectTally> Defects() =>
        _du is null ? [] : _du.Ledger.Build(_context!.Options.Du, CaptureTap.Du);

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
        _stop.Dispose();
    }

    private void Run()
    {
        if (_clock.Pacing.RealTimePriority)
        {
            RealTimeScheduling.TryRaiseCurrentThread();
        }

        var du = _du!;
        var ptpSource = _ptp!;
        try
        {
            long frames = 0, bytes = 0, maxLate = 0, late = 0;
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                bool hasDu = du.TryPeek(long.MaxValue, out long duSend);
                bool hasPtp = ptpSource.TryPeek(out long ptpSend);
                if (!hasDu && !hasPtp)
                {
                    break;
                }

                bool fromDu = hasDu && (!hasPtp || duSend <= ptpSend);
                long lateness = _clock.WaitUntil(fromDu ? duSend : ptpSend, token);
                var frame = fromDu ? du.Emit(frames + 1, 0, out _) : ptpSource.Emit(frames + 1, 0, out _);
                _sender.Send(frame);
                frames++;
                bytes += frame.Length;
                maxLate = Math.Max(maxLate, lateness);
                late += lateness > LiveSendStatistics.LateThresholdNs ? 1 : 0;
            }

            _completion.TrySetResult(new LiveSendStatistics(frames, bytes, maxLate, late));
        }
#pragma warning disable CA1031 // A thread's failure must reach Completion, not kill the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _completion.TrySetException(e);
        }
    }
}
