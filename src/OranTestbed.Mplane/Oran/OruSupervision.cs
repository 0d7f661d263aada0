using System.Globalization;
using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// The O-DU's side of M-plane supervision (O-RAN.WG4.MP §6.3, o-ran-supervision): a <c>supervision-watchdog-reset</c>
/// now and then every <see cref="Interval"/>; the O-RU expects the next one before interval + guard and deactivates
/// its carriers when none comes. A reset that fails ends the loop and is kept in <see cref="Failure"/>.
/// </summary>
public sealed class OruSupervision : IAsyncDisposable
{
    private readonly NetconfSession _session;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _resets;
    private int _stopped;

    private OruSupervision(NetconfSession session, TimeSpan interval, TimeSpan guard, TimeProvider time)
    {
        _session = session;
        Interval = interval;
        Guard = guard;
        _time = time;
    }

    public TimeSpan Interval { get; }

    public TimeSpan Guard { get; }

    public int Resets => Volatile.Read(ref _resets);

    /// <summary>When the O-RU said it expects the next reset (its last answer).</summary>
    public DateTimeOffset? NextUpdateAt { get; private set; }

    public Exception? Failure { get; private set; }

    /// <summary>Resets the watchdog once (an error here is the caller's) and keeps resetting it in the background.</summary>
    public static async Task<OruSupervision> StartAsync(NetconfSession session, TimeSpan interval, TimeSpan guard,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (interval < TimeSpan.FromSeconds(1) || guard < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "the watchdog counts whole seconds: interval and guard are at least 1 s");
        }

        var supervision = new OruSupervision(session, interval, guard, time ?? TimeProvider.System);
        await supervision.ResetAsync(cancellationToken).ConfigureAwait(false);
        supervision._loop = Task.Run(() => supervision.LoopAsync(supervision._stop.Token), CancellationToken.None);
        return supervision;
    }

    /// <summary>Stops resetting (the O-RU's watchdog then runs out unless the session closes first).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, _time, stop).ConfigureAwait(false);
                await ResetAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped
        }
        catch (Exception e) when (e is NetconfRpcException or NetconfSessionClosedException or NetconfTimeoutException or FormatException)
        {
            Failure = e;
        }
    }

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        var sup = OranNamespaces.Supervision;
        var reply = await _session.InvokeAsync(new XElement(sup + "supervision-watchdog-reset",
            new XElement(sup + "supervision-notification-interval", (int)Interval.TotalSeconds),
            new XElement(sup + "guard-timer-overhead", (int)Guard.TotalSeconds)), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (reply.Descendants(sup + "next-update-at").FirstOrDefault() is { } next)
        {
            NextUpdateAt = DateTimeOffset.Parse(next.Value, CultureInfo.InvariantCulture);
        }

        Interlocked.Increment(ref _resets);
    }
}
