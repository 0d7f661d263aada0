using OranTestbed.Emulation;
using OranTestbed.Orchestration.Benches;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// Emulated time of one emulated bench session: it starts at the emulator's epoch (<see
/// cref="EmulationOptions.DefaultEpochNanoseconds"/>) and moves only when the session lets time pass: a
/// <see cref="Delay"/> advances it at once (a <c>wait: 1000s</c> costs no wall time) and a capture advances it by the air
/// time it emulated. The emulated devices of the session read it, so what they measure over time (uptime, a holdover,
/// a supervision timeout) sees the waited time pass. Safe to read from the capture thread.
/// </summary>
public sealed class EmulatedBenchClock : IBenchClock
{
    /// <summary>2024-01-01T00:00:00Z, where offline emulations start.</summary>
    public static readonly DateTimeOffset Epoch =
        DateTimeOffset.UnixEpoch.AddTicks(EmulationOptions.DefaultEpochNanoseconds / 100);

    private long _ticks = Epoch.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Advance(duration);
        return Task.CompletedTask;
    }

    /// <summary>Lets <paramref name="duration"/> pass (negative durations are refused: time does not go back).</summary>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, duration.Ticks);
    }
}
