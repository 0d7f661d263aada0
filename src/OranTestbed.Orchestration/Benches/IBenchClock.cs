namespace OranTestbed.Orchestration.Benches;

/// <summary>
/// The time a bench session runs on, owned by the <see cref="BenchSession"/>: a case's <c>wait</c> steps, the polling
/// of <c>wait-for</c> and the back-off after a transient device fault pass on it. A physical bench runs on the
/// <see cref="RealBenchClock"/> (its equipment lives in real time); an emulated bench on an
/// <see cref="Emulated.EmulatedBenchClock"/> that its emulated devices read too, so a wait costs no wall time there and
/// the devices still see it pass. Step timeouts are not bench time: they guard the tool against hung calls and stay on
/// the wall clock.
/// </summary>
public interface IBenchClock
{
    /// <summary>The bench's current time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Lets <paramref name="duration"/> of bench time pass; throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> is cancelled first.</summary>
    Task Delay(TimeSpan duration, CancellationToken cancellationToken);
}
