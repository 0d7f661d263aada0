using System.Collections.Immutable;
using System.Xml.Linq;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// Follows an O-RU's notifications for the O-DU: carrier state changes (tx/rx-array-carriers-state-change), reception
/// window reports (measurement-result-stats), supervision notifications and configuration changes. It is the one reader
/// of the session's notification channel; waiters for a carrier state are released by the notification that reports it.
/// </summary>
public sealed class OruEvents : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _carrierStates = new(StringComparer.Ordinal);
    private readonly HashSet<(string Carrier, string State)> _notified = [];
    private readonly List<(string Carrier, string State, TaskCompletionSource Done)> _waiters = [];
    private readonly List<RxWindowCounts> _counts = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _supervisionNotifications;
    private int _configChanges;
    private int _received;

    public OruEvents(NetconfSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _pump = Task.Run(() => PumpAsync(session, _stop.Token));
    }

    /// <summary>Every reception-window report so far, in arrival order.</summary>
    public ImmutableArray<RxWindowCounts> Counts
    {
        get
        {
            lock (_gate)
            {
                return [.. _counts];
            }
        }
    }

    public int SupervisionNotifications => Volatile.Read(ref _supervisionNotifications);

    public int ConfigChanges => Volatile.Read(ref _configChanges);

    /// <summary>Every notification received so far, of any kind.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>The last state an O-RU notification gave <paramref name="carrier"/> (DISABLED, BUSY, READY), or null.</summary>
    public string? CarrierState(string carrier)
    {
        lock (_gate)
        {
            return _carrierStates.GetValueOrDefault(carrier);
        }
    }

    /// <summary>Whether the O-RU itself notified that <paramref name="carrier"/> reached <paramref name="state"/> (a state
    /// seen only by polling does not count: IOT start-up cases judge the READY notification).</summary>
    public bool Notified(string carrier, string state)
    {
        lock (_gate)
        {
            return _notified.Contains((carrier, state));
        }
    }

    /// <summary>Records a state learnt otherwise (a <c>&lt;get&gt;</c>), releasing its waiters.</summary>
    public void Observe(string carrier, string state)
    {
        List<TaskCompletionSource> released = [];
        lock (_gate)
        {
            _carrierStates[carrier] = state;
            _waiters.RemoveAll(w =>
            {
                bool done = w.Carrier == carrier && w.State == state;
                if (done)
                {
                    released.Add(w.Done);
                }

                return done;
            });
        }

        released.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes when <paramref name="carrier"/> is (or becomes) <paramref name="state"/>.</summary>
    public Task WhenCarrier(string carrier, string state)
    {
        lock (_gate)
        {
            if (_carrierStates.GetValueOrDefault(carrier) == state)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((carrier, state, done));
            return done.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped by us
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(NetconfSession session, CancellationToken stop)
    {
        try
        {
            await foreach (var notification in session.Notifications.ReadAllAsync(stop).ConfigureAwait(false))
            {
                Handle(notification.Content);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The session ended (its closed exception completes the channel): nothing more will come.
        }
    }

    private void Handle(XElement content)
    {
        Interlocked.Increment(ref _received);
        var up = OranNamespaces.UplaneConf;
        switch (content.Name.LocalName)
        {
            case "tx-array-carriers-state-change" or "rx-array-carriers-state-change" when content.Name.Namespace == up:
                foreach (var carrier in content.Elements().Where(e => e.Element(up + "state") is not null))
                {
                    string name = carrier.Element(up + "name")?.Value ?? string.Empty;
                    string state = carrier.Element(up + "state")!.Value;
                    lock (_gate)
                    {
                        _notified.Add((name, state));
                    }

                    Observe(name, state);
                }

                break;
            case "measurement-result-stats" when RxWindowCounts.Read(content) is { } counts:
                lock (_gate)
                {
                    _counts.Add(counts);
                }

                break;
            case "supervision-notification":
                Interlocked.Increment(ref _supervisionNotifications);
                break;
            case "netconf-config-change":
                Interlocked.Increment(ref _configChanges);
                break;
        }
    }
}
