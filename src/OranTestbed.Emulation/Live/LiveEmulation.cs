using OranTestbed.Capture;
using OranTestbed.Capture.Live;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation.Live;

/// <summary>
/// Live use of the emulators: a pair stream on the host's UTC clock starting shortly after now, and its injection
/// into an interface at the frames' own timestamps (the frames of a tap, replayed: both nodes' traffic leaves one
/// port). For an O-DU and an O-RU on two ends of a link, see <see cref="LiveDuNode"/> and <see cref="LiveRuNode"/>.
/// </summary>
public static class LiveEmulation
{
    /// <summary>
    /// The options moved to the host clock: the emulation starts at the first radio frame at least
    /// <paramref name="lead"/> from now, so frameIds agree with the wall clock (UTC, as a live capture stamps frames).
    /// </summary>
    public static EmulationOptions StartingSoon(EmulationOptions options, RealTimeClock clock, TimeSpan lead)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        return options with { StartNanoseconds = clock.NowNs + (long)lead.TotalNanoseconds };
    }

    /// <summary>A pair stream whose timestamps are host UTC (whatever capture clock the profile names).</summary>
    public static PairEmulation PairOnHostClock(EmulationOptions options) => new(options, TimeScale.Utc);

    /// <summary>
    /// Sends every frame of <paramref name="source"/> when the clock reaches its timestamp (frames already due go at
    /// once). Returns when the source ends or on cancellation.
    /// </summary>
    public static LiveSendStatistics Replay(IFrameSource source, LiveFrameSender sender, RealTimeClock clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(clock);
        long frames = 0, bytes = 0, maxLate = 0, late = 0;
        while (!cancellationToken.IsCancellationRequested && source.TryReadNext(out var frame))
        {
            long lateness = clock.WaitUntil(frame.TimestampNanoseconds, cancellationToken);
            sender.Send(frame.Data);
            frames++;
            bytes += frame.Data.Length;
            maxLate = Math.Max(maxLate, lateness);
            late += lateness > LiveSendStatistics.LateThresholdNs ? 1 : 0;
        }

        return new LiveSendStatistics(frames, bytes, maxLate, late);
    }
}
