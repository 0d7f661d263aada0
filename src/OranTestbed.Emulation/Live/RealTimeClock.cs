using System.Diagnostics;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// The host's UTC time in nanoseconds (CLOCK_REALTIME, what libpcap stamps frames with), read through the monotonic
/// stopwatch from one anchor so that it never steps during a run, and a pacer that waits for a time (see
/// <see cref="LivePacing"/>). Live runs only: offline emulation never reads it.
/// </summary>
public sealed class RealTimeClock
{
    private readonly long _anchorUtcNs;
    private readonly long _anchorTicks;

    public RealTimeClock(LivePacing? pacing = null)
    {
        Pacing = pacing ?? LivePacing.Precise;
        _anchorTicks = Stopwatch.GetTimestamp();
        _anchorUtcNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    }

    public LivePacing Pacing { get; }

    /// <summary>Now, as UTC Unix nanoseconds.</summary>
    public long NowNs => _anchorUtcNs + (long)((Stopwatch.GetTimestamp() - _anchorTicks) * (1e9 / Stopwatch.Frequency));

    /// <summary>
    /// Waits until <paramref name="targetNs"/> less the pacing's send-ahead (or cancellation); returns how late it
    /// woke after <paramref name="targetNs"/> itself (0 when on time or early).
    /// </summary>
    public long WaitUntil(long targetNs, CancellationToken cancellationToken)
    {
        long wake = targetNs - Pacing.SendAheadNs;
        while (true)
        {
            long now = NowNs;
            long remaining = wake - now;
            if (remaining <= 0 || cancellationToken.IsCancellationRequested)
            {
                return Math.Max(0, now - targetNs);
            }

            if (remaining > Pacing.SpinNs)
            {
                RealTimeScheduling.Sleep(remaining - Pacing.SpinNs);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
