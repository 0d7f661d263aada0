namespace OranTestbed.Orchestration.Benches;

/// <summary>Real time, for benches whose equipment is real (command-line and NETCONF devices): a wait waits.</summary>
public sealed class RealBenchClock : IBenchClock
{
    public static RealBenchClock Instance { get; } = new();

    private RealBenchClock()
    {
    }

    public DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken) =>
        Task.Delay(duration, TimeProvider.System, cancellationToken);
}
