using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// The O-DU's side of an O-RU start-up over an open NETCONF session, the sequence of O-RAN.WG4.MP (hierarchical mode) as
/// OAI drives it (mplane.md §4.3): read everything and check sync, subscribe to notifications, start supervision, then
/// configure from the fronthaul profile (candidate + commit when the O-RU has :candidate, else running), read the edit
/// back from running (a commit that answers ok and changes nothing is caught here), and activate or deactivate the
/// carriers, waiting for the state the O-RU reports (notification, or a poll of the state leaf). Each step throws an
/// <see cref="OruBringUpException"/> naming it. Disposing stops supervision and the event reader, not the session.
/// </summary>
public sealed class OruBringUp : IAsyncDisposable
{
    private readonly NetconfSession _session;
    private readonly OruBringUpOptions _options;
    private OduConfiguration? _configured;

    private OruBringUp(NetconfSession session, OruBringUpOptions options, OruInventory inventory, OruEvents events,
        OruSupervision supervision, bool subscribed)
    {
        _session = session;
        _options = options;
        Inventory = inventory;
        Events = events;
        Supervision = supervision;
        Subscribed = subscribed;
    }

    public NetconfSession Session => _session;

    public OruInventory Inventory { get; }

    public OruEvents Events { get; }

    /// <summary>The running supervision (replaced by <see cref="RestartSupervisionAsync"/>).</summary>
    public OruSupervision Supervision { get; private set; }

    /// <summary>Whether the O-RU accepted the subscription to its NETCONF notification stream.</summary>
    public bool Subscribed { get; }

    /// <summary>The configuration last committed and read back, or null before configure.</summary>
    public OduConfiguration? Configured => _configured;

    /// <summary>Stops the running supervision and starts another with <paramref name="interval"/> and
    /// <paramref name="guard"/> (its first reset tells the O-RU the new timing).</summary>
    public async Task RestartSupervisionAsync(TimeSpan interval, TimeSpan guard, CancellationToken cancellationToken)
    {
        await Supervision.DisposeAsync().ConfigureAwait(false);
        Supervision = await Step("supervision", () => OruSupervision.StartAsync(_session, interval, guard, _options.TimeProvider,
            cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Discovers the O-RU, checks its sync, subscribes and starts supervision.</summary>
    public static async Task<OruBringUp> StartAsync(NetconfSession session, OruBringUpOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var inventory = OruInventory.Read(await Step("discover", () => session.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false));
        if (options.RequireSyncLocked && inventory.SyncState != "LOCKED")
        {
            throw new OruBringUpException("sync", $"the O-RU is {inventory.SyncState ?? "without a sync state"}, not LOCKED: it must not radiate");
        }

        var events = new OruEvents(session);
        try
        {
            bool subscribed = session.ServerCapabilities.Notification;
            if (subscribed)
            {
                await Step("subscribe", () => session.CreateSubscriptionAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            var supervision = await Step("supervision", () => OruSupervision.StartAsync(session, options.SupervisionInterval,
                options.SupervisionGuard, options.TimeProvider, cancellationToken)).ConfigureAwait(false);
            return new OruBringUp(session, options, inventory, events, supervision, subscribed);
        }
        catch
        {
            await events.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Writes the start-up configuration, commits it and reads it back.</summary>
    public async Task ConfigureAsync(OduConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        await WriteAsync("configure", StartupConfiguration.Build(configuration), cancellationToken).ConfigureAwait(false);
        _configured = configuration;
    }

    /// <summary>Activates (or deactivates) the configured carriers and waits until the O-RU reports them READY (or DISABLED).</summary>
    public async Task SetCarriersAsync(bool active, CancellationToken cancellationToken)
    {
        var configuration = _configured ?? throw new InvalidOperationException("configure the O-RU before its carriers");
        string step = active ? "activate" : "deactivate";
        await WriteAsync(step, StartupConfiguration.Carriers(configuration, active), cancellationToken).ConfigureAwait(false);
        string wanted = active ? "READY" : "DISABLED";
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.CarrierTimeout);
        try
        {
            foreach (string carrier in (string[])[StartupConfiguration.TxCarrier, StartupConfiguration.RxCarrier])
            {
                while (!Events.WhenCarrier(carrier, wanted).IsCompleted)
                {
                    await PollCarrierAsync(carrier, limit.Token).ConfigureAwait(false);
                    await Task.WhenAny(Events.WhenCarrier(carrier, wanted), Task.Delay(_options.CarrierPoll, _options.TimeProvider, limit.Token))
                        .ConfigureAwait(false);
                    limit.Token.ThrowIfCancellationRequested();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OruBringUpException(step, $"the carriers did not become {wanted} within {_options.CarrierTimeout.TotalSeconds:0.#} s "
                + $"(tx {Events.CarrierState(StartupConfiguration.TxCarrier) ?? "unknown"}, rx {Events.CarrierState(StartupConfiguration.RxCarrier) ?? "unknown"})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Supervision.DisposeAsync().ConfigureAwait(false);
        await Events.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync(string step, XElement config, CancellationToken cancellationToken)
    {
        bool candidate = _session.ServerCapabilities.Candidate;
        await Step(step, async () =>
        {
            await _session.EditConfigAsync(candidate ? NetconfDatastore.Candidate : NetconfDatastore.Running, config,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (candidate)
            {
                await _session.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
        var running = await Step("read-back", () => _session.GetConfigAsync(NetconfDatastore.Running, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (ConfigReadBack.Differences(config, running) is { Count: > 0 } lost)
        {
            throw new OruBringUpException("read-back", $"the O-RU accepted the {step} but running differs: {string.Join("; ", lost.Take(5))}"
                + (lost.Count > 5 ? $" (and {lost.Count - 5} more)" : string.Empty));
        }
    }

    private async Task PollCarrierAsync(string carrier, CancellationToken cancellationToken)
    {
        var up = OranNamespaces.UplaneConf;
        string list = carrier == StartupConfiguration.TxCarrier ? "tx-array-carriers" : "rx-array-carriers";
        var data = await Step("carrier-state", () => _session.GetAsync(NetconfFilter.ForSubtree(new XElement(up + "user-plane-configuration",
            new XElement(up + list, new XElement(up + "name", carrier), new XElement(up + "state")))), cancellationToken)).ConfigureAwait(false);
        if (data.Descendants(up + "state").FirstOrDefault() is { } state)
        {
            Events.Observe(carrier, state.Value);
        }
    }

    private static async Task<T> Step<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (NetconfRpcException e)
        {
            throw new OruBringUpException(step, e.Message, e);
        }
        catch (NetconfTimeoutException e)
        {
            throw new OruBringUpException(step, e.Message, e);
        }
        catch (NetconfSessionClosedException e)
        {
            throw new OruBringUpException(step, e.Message, e);
        }
    }
}
