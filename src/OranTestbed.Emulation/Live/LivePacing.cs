namespace OranTestbed.Emulation.Live;

/// <summary>
/// How a live sender keeps time. <see cref="Precise"/> yields the processor for the last 1.5 ms before each frame
/// (about a core while traffic flows) and never sends early: for O-RAN windows of tens of µs on a dedicated host.
/// <see cref="Relaxed"/> sends a frame up to 500 µs before its time and otherwise sleeps, at real-time priority
/// (SCHED_FIFO, when the process may) so that other work on a shared host does not delay it: for windows of
/// milliseconds (tests). Spinning is never combined with real-time priority, which would monopolise a core.
/// </summary>
public sealed record LivePacing(long SendAheadNs, long SpinNs, bool RealTimePriority)
{
    public static LivePacing Precise { get; } = new(0, 1_500_000, false);

    public static LivePacing Relaxed { get; } = new(500_000, 0, true);
}
