using System.Collections.Immutable;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.Transport;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;
using NetconfCapabilities = OranTestbed.Mplane.Session.NetconfCapabilities;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The M-plane of one emulated O-RU: a NETCONF server (RFC 6241) with the O-RAN behaviour its personality describes.
/// It owns what all sessions share (the datastores and their locks, the carriers' states, the measurement reports, the
/// sync state) and serves any number of sessions, each over a byte stream (<see cref="ServeAsync(INetconfTransport, CancellationToken)"/>):
/// a pipe in-process, standard input/output under sshd, a call-home connection. Thread-safe: operations and timers
/// run under one lock; notifications are queued to each subscribed session in the order they happen.
/// </summary>
public sealed class OruMplaneServer : IDisposable
{
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;

    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly OruDatastore _datastore;
    private readonly OruStateData _state;
    private readonly CarrierActivation _carriers;
    private readonly MeasurementReporter _measurements;
    private readonly SubtreeFilter _filter;
    private readonly NacmPolicy _nacm;
    private readonly Dictionary<uint, NetconfServerSession> _sessions = [];
    private uint _nextSessionId;
    private string _syncState = "LOCKED";

    public OruMplaneServer(MplaneServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReadyDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfZero(options.FirstSessionId);
        Options = options;
        _logger = options.LoggerFactory.CreateLogger<OruMplaneServer>();
        Capabilities = OruCapabilities.From(options.Personality);
        var defects = options.Personality.MplaneDefects;
        _datastore = new OruDatastore(options.Yang, new ConfigValidator(options.Yang, Capabilities));
        _state = new OruStateData(options.Personality, Capabilities, options.Yang);
        _filter = new SubtreeFilter(options.Yang);
        _nacm = new NacmPolicy(options.Yang, options.Accounts);
        _carriers = new CarrierActivation(options.Time, defects.LateReady ?? options.ReadyDelay, _logger, _gate, Publish);
        _measurements = new MeasurementReporter(options.Time, options.ReceptionFeed, defects.RxLateReportedFraction,
            ActiveTxEndpoints, n => Publish([n]));
        _nextSessionId = options.FirstSessionId;
        HelloCapabilities = BuildHelloCapabilities(options);
    }

    public MplaneServerOptions Options { get; }

    public OruCapabilities Capabilities { get; }

    /// <summary>The capabilities every session's hello advertises (protocol, then one per served module).</summary>
    public ImmutableArray<string> HelloCapabilities { get; }

    /// <summary>The current state of a carrier, or null when it is not configured.</summary>
    public CarrierState? StateOf(CarrierKey carrier)
    {
        lock (_gate)
        {
            return _carriers.States.TryGetValue(carrier, out var state) ? state : null;
        }
    }

    /// <summary>
    /// Serves one NETCONF session of <see cref="MplaneServerOptions.User"/> over <paramref name="transport"/> until it
    /// ends; closes the transport's output.
    /// </summary>
    public Task<SessionResult> ServeAsync(INetconfTransport transport, CancellationToken cancellationToken = default) =>
        ServeAsync(transport, Options.User, cancellationToken);

    /// <summary>
    /// Serves one NETCONF session of <paramref name="user"/> (its NACM account decides what it may do) over
    /// <paramref name="transport"/> until it ends; sessions of different users can run side by side.
    /// </summary>
    public Task<SessionResult> ServeAsync(INetconfTransport transport, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return ServeCoreAsync(transport.Input, transport.Output, transport.Peer, user, cancellationToken);
    }

    /// <summary>
    /// Serves one NETCONF session of <see cref="MplaneServerOptions.User"/> over a pair of streams (standard input/output
    /// for sshd's subsystem).
    /// </summary>
    public Task<SessionResult> ServeAsync(Stream input, Stream output, string peer, CancellationToken cancellationToken = default) =>
        ServeCoreAsync(input, output, peer, Options.User, cancellationToken);

    private async Task<SessionResult> ServeCoreAsync(Stream input, Stream output, string peer, string user,
        CancellationToken cancellationToken)
    {
        NetconfServerSession session;
        lock (_gate)
        {
            session = new NetconfServerSession(this, _nextSessionId++, input, output, peer, _nacm.For(user),
                Options.LoggerFactory.CreateLogger<NetconfServerSession>());
            _sessions.Add(session.Id, session);
        }

        try
        {
            return await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _sessions.Remove(session.Id);
                _datastore.Release(session.Id);
            }

            session.Dispose();
        }
    }

    /// <summary>Changes the sync state (LOCKED, HOLDOVER, FREERUN) and notifies subscribers (synchronization-state-change).</summary>
    public void SetSyncState(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        lock (_gate)
        {
            if (_syncState == state)
            {
                return;
            }

            _syncState = state;
        }

        Publish([OruNotifications.SyncStateChange(state)]);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Values)
            {
                session.End(SessionEnd.Killed);
            }

            _carriers.Dispose();
        }

        _measurements.Dispose();
    }

    /// <summary>Running and the state data, without what the session may not read (RFC 8341 §3.4.5), filtered.</summary>
    internal XElement Get(NetconfServerSession session, XElement? filter)
    {
        XElement data;
        lock (_gate)
        {
            data = new XElement(_datastore.Running);
            var sessions = _sessions.Values.Select(s => (s.Id, s.Access.User, s.Started)).ToList();
            DataTree.Overlay(data, _state.Build(_carriers.States, _syncState, sessions), Options.Yang);
            if (_nacm.State() is { } nacm)
            {
                data.Add(nacm);
            }
        }

        session.Access.Prune(data);
        return filter is null ? data : _filter.Apply(data, filter);
    }

    internal XElement GetConfig(NetconfServerSession session, string source, XElement? filter)
    {
        XElement data;
        lock (_gate)
        {
            data = new XElement(_datastore.Of(source));
        }

        session.Access.Prune(data);
        return filter is null ? data : _filter.Apply(data, filter);
    }

    internal List<XElement> EditConfig(NetconfServerSession session, string target, XElement config, EditOperation defaultOperation,
        string testOption)
    {
        lock (_gate)
        {
            var running = _datastore.Edit(session.Id, target, config, defaultOperation, testOption,
                (before, after) => Authorize(session, before, after));
            return running is null ? [] : ApplyRunning(session, running);
        }
    }

    internal void Validate(string? source, XElement? config)
    {
        lock (_gate)
        {
            _datastore.Validate(config ?? _datastore.Of(source!));
        }
    }

    internal async Task<List<XElement>> CommitAsync(NetconfServerSession session, CancellationToken cancellationToken)
    {
        if (Options.Personality.MplaneDefects.SlowCommit is { } slow)
        {
            await Task.Delay(slow, Options.Time, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            var running = _datastore.PrepareCommit(session.Id);
            Authorize(session, _datastore.Running, running);
            return ApplyRunning(session, running);
        }
    }

    internal void DiscardChanges(NetconfServerSession session)
    {
        lock (_gate)
        {
            _datastore.Discard(session.Id);
        }
    }

    internal void Lock(NetconfServerSession session, string target, bool locking)
    {
        lock (_gate)
        {
            if (locking)
            {
                _datastore.Lock(session.Id, target);
            }
            else
            {
                _datastore.Unlock(session.Id, target);
            }
        }
    }

    internal void KillSession(NetconfServerSession session, uint target)
    {
        lock (_gate)
        {
            if (target == session.Id)
            {
                throw new NetconfRpcException(RpcError.InvalidValue("a session cannot kill itself (use close-session)"));
            }

            if (!_sessions.TryGetValue(target, out var victim))
            {
                throw new NetconfRpcException(RpcError.InvalidValue($"no session {target}"));
            }

            _datastore.Release(target);
            victim.End(SessionEnd.Killed);
        }
    }

    /// <summary>
    /// The watchdog of <paramref name="session"/> expired: the O-RU deactivates every carrier (state DISABLED, active set
    /// to INACTIVE in running) and notifies; the session then ends. A <c>mplane-watchdog-ignored</c> O-RU does nothing.
    /// </summary>
    internal bool SupervisionExpired(NetconfServerSession session)
    {
        if (Options.Personality.MplaneDefects.WatchdogIgnored)
        {
            MplaneLog.SupervisionExpired(_logger, session.Id, "ignored (mplane-watchdog-ignored)");
            return false;
        }

        MplaneLog.SupervisionExpired(_logger, session.Id, "carriers deactivated, session closed");
        List<XElement> notifications;
        lock (_gate)
        {
            var running = new XElement(_datastore.Running);
            foreach (var active in running.Descendants(Up + "active")
                         .Where(a => a.Parent?.Name.LocalName is "tx-array-carriers" or "rx-array-carriers"))
            {
                active.Value = "INACTIVE";
            }

            _datastore.SetRunning(running);
            notifications = _carriers.DeactivateAll();
        }

        Publish(notifications);
        return true;
    }

    internal string GetSchema(string identifier, string? version, string? format)
    {
        if (format is not null && format != "yang" && !format.EndsWith(":yang", StringComparison.Ordinal))
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"format '{format}': the O-RU has its schemas as yang only"));
        }

        var module = Options.Yang.Find(identifier)
            ?? throw new NetconfRpcException(RpcError.InvalidValue($"no schema '{identifier}'") with { Tag = "invalid-value" });
        if (version is { Length: > 0 } && version != module.Revision)
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"{identifier} is served at revision {module.Revision}, not {version}"));
        }

        return File.ReadAllText(module.Path);
    }

    /// <summary>Queues notification contents, each in its envelope with the current time, to every subscribed session.</summary>
    internal void Publish(IReadOnlyList<XElement> contents)
    {
        if (contents.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var now = Options.Time.GetUtcNow();
            foreach (var content in contents)
            {
                foreach (var session in _sessions.Values)
                {
                    session.Notify(now, content, _filter);
                }
            }
        }
    }

    /// <summary>
    /// An edit or commit turns <paramref name="before"/> into <paramref name="after"/>: the session must be allowed to
    /// write every change (RFC 8341 §3.4.5), and with NACM on, its nacm tree is the accounts', not editable.
    /// </summary>
    private void Authorize(NetconfServerSession session, XElement before, XElement after)
    {
        session.Access.CheckWrite(before, after, Options.Yang);
        if (_nacm.Enforced && after.Element(NacmPolicy.Acm + "nacm") is not null)
        {
            throw new NetconfRpcException(RpcError.OperationFailed(
                "the emulated O-RU's NACM comes from its accounts (mplane serve --account USER=GROUP), not from NETCONF edits", "/nacm"));
        }
    }

    private List<XElement> ApplyRunning(NetconfServerSession session, XElement running)
    {
        var changes = OruDatastore.Changes(_datastore.Running, running);
        _datastore.SetRunning(running);
        var notifications = new List<XElement>();
        if (changes.Count > 0)
        {
            notifications.Add(OruNotifications.ConfigChange(session.Id, session.Access.User, changes));
        }

        notifications.AddRange(_carriers.Apply(running));
        _measurements.Configure(running.Element(OranNamespaces.PerformanceManagement + "performance-measurement-objects"));
        return notifications;
    }

    /// <summary>Low-level-tx-endpoints linked to a READY tx-array-carrier (each one eAxC the O-DU feeds).</summary>
    private int ActiveTxEndpoints()
    {
        lock (_gate)
        {
            var uplane = _datastore.Running.Element(Up + "user-plane-configuration");
            return uplane?.Elements(Up + "low-level-tx-links").Count(link =>
                link.Element(Up + "tx-array-carrier")?.Value.Trim() is { } carrier
                && _carriers.States.GetValueOrDefault(new CarrierKey(true, carrier)) == CarrierState.Ready) ?? 0;
        }
    }

    private static ImmutableArray<string> BuildHelloCapabilities(MplaneServerOptions options)
    {
        var capabilities = ImmutableArray.CreateBuilder<string>();
        capabilities.AddRange(NetconfCapabilities.Base10, NetconfCapabilities.Base11,
            "urn:ietf:params:netconf:capability:candidate:1.0", "urn:ietf:params:netconf:capability:validate:1.1",
            "urn:ietf:params:netconf:capability:notification:1.0", "urn:ietf:params:netconf:capability:interleave:1.0");
        string? wrongRevision = options.Personality.MplaneDefects.WrongUplaneConfRevision;
        foreach (var module in options.Yang.Modules)
        {
            capabilities.Add(module.Capability(module.Name == "o-ran-uplane-conf" ? wrongRevision : null));
        }

        return capabilities.ToImmutable();
    }
}
