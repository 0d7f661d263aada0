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
public sealed class LiveDuNode : LiveNode
{
    private EmulationContext? _context;
    private DuEmulator? _du;
    private PtpGrandmaster? _ptp;

    private LiveDuNode(LiveFrameSender sender, RealTimeClock clock)
        : base(sender, clock)
    {
    }

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
        StartThread("emulated-o-du");
    }

    /// <summary>What the O-DU's defects injected (call after completion).</summary>
    public ImmutableArray<DefectTally> Defects() =>
        _du is null ? [] : _du.Ledger.Build(_context!.Options.Du, CaptureTap.Du);

    private protected override LiveSendStatistics SendUntilDone(CancellationToken stop)
    {
        var du = _du!;
        var ptpSource = _ptp!;
        var tally = default(LiveSendTally);
        while (!stop.IsCancellationRequested)
        {
            bool hasDu = du.TryPeek(long.MaxValue, out long duSend);
            bool hasPtp = ptpSource.TryPeek(out long ptpSend);
            if (!hasDu && !hasPtp)
            {
                break;
            }

            bool fromDu = hasDu && (!hasPtp || duSend <= ptpSend);
            long lateness = Clock.WaitUntil(fromDu ? duSend : ptpSend, stop);
            var frame = fromDu ? du.Emit(tally.Frames + 1, 0, out _) : ptpSource.Emit(tally.Frames + 1, 0, out _);
            Sender.Send(frame);
            tally.Sent(frame.Length, lateness);
        }

        return tally.ToStatistics();
    }
}
