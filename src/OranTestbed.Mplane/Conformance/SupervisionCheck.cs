using System.Diagnostics;
using OranTestbed.Mplane.Oran;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.3 supervision. Positive (§3.1.3.1): supervision restarted at a shortened interval runs
/// <c>rounds</c> watchdog resets; reports <c>supervision-rounds</c> (resets answered), <c>supervision-notifications</c>
/// (the O-RU's supervision-notifications in that time), <c>supervision-failed</c> and <c>supervision-period</c>
/// (mean time per round in ns: ~interval, not more). Negative (§3.1.3.2): the O-DU stops resetting with READY carriers;
/// the O-RU must deactivate them (M-plane §14.1): <c>carrier-deactivated</c>, <c>session-released</c> (the O-RU ended
/// the session) and <c>deactivated-after</c> (ns from the last reset).
/// </summary>
public static class SupervisionCheck
{
    /// <summary>The guard the checks give the O-RU on top of the interval (whole seconds, the watchdog's unit).</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(1);

    public static async Task<CheckResult> RoundsAsync(OruBringUp oru, int rounds, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oru);
        int notifications = oru.Events.SupervisionNotifications;
        var clock = Stopwatch.StartNew();
        await oru.RestartSupervisionAsync(interval, Guard, cancellationToken).ConfigureAwait(false);
        var limit = interval * (rounds + 2) + Guard;
        while (oru.Supervision.Resets <= rounds && oru.Supervision.Failure is null && clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        // The first reset (at restart) only sets the timing: rounds are the resets after it.
        int done = Math.Min(rounds, oru.Supervision.Resets - 1);
        var result = CheckResult.Of(
            ("supervision-rounds", done),
            ("supervision-notifications", oru.Events.SupervisionNotifications - notifications),
            ("supervision-failed", CheckResult.Flag(oru.Supervision.Failure is not null)));
        if (done > 0)
        {
            result = result with { Values = result.Values.Add("supervision-period", Math.Round((decimal)clock.Elapsed.Ticks * 100 / done)) };
        }

        return oru.Supervision.Failure is { } failure ? result with { Notes = [$"supervision failed: {failure.Message}"] } : result;
    }

    public static async Task<CheckResult> FailureAsync(OruBringUp oru, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oru);
        string tx = StartupConfiguration.TxCarrier, rx = StartupConfiguration.RxCarrier;
        if (oru.Events.CarrierState(tx) != "READY" || oru.Events.CarrierState(rx) != "READY")
        {
            return CheckResult.NotMeasured("the carriers were not READY when supervision stopped (start traffic first): "
                + "nothing to deactivate");
        }

        // A short watchdog, then silence: the O-RU must act within interval + guard of the last reset.
        await oru.RestartSupervisionAsync(interval, Guard, cancellationToken).ConfigureAwait(false);
        await oru.Supervision.DisposeAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var deadline = (interval + Guard) * 3;
        var deactivated = Task.WhenAll(oru.Events.WhenCarrier(tx, "DISABLED"), oru.Events.WhenCarrier(rx, "DISABLED"));
        await Task.WhenAny(deactivated, Task.Delay(deadline, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        decimal after = (decimal)clock.Elapsed.Ticks * 100;
        // The session ends right after the notifications; give it the guard to go.
        var released = Stopwatch.StartNew();
        while (oru.Session.IsOpen && released.Elapsed < Guard)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        var result = CheckResult.Of(
            ("carrier-deactivated", CheckResult.Flag(deactivated.IsCompletedSuccessfully)),
            ("session-released", CheckResult.Flag(!oru.Session.IsOpen)));
        return deactivated.IsCompletedSuccessfully
            ? result with { Values = result.Values.Add("deactivated-after", after) }
            : result with { Notes = [$"the carriers were still {oru.Events.CarrierState(tx)}/{oru.Events.CarrierState(rx)} {deadline.TotalSeconds:0} s after the last reset"] };
    }
}
