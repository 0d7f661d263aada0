using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Mplane;
using OranTestbed.Mplane.Conformance;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Tracing;
using OranTestbed.Mplane.Transport;
using OranTestbed.Plans;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// Drives an O-RU over the O-RAN M-plane (<see cref="NetconfDriver"/>): open = SSH (or wait for its call home), NETCONF
/// hello, discover, sync check, subscribe and supervision (<see cref="OruBringUp"/>); configure = the start-up
/// configuration from the execution's fronthaul profile and band, committed and read back; start/stop = carriers
/// ACTIVE until READY / INACTIVE until DISABLED; read-counters = the O-RU's last reception-window report
/// (<c>rx-on-time</c>, <c>rx-early</c>, <c>rx-late</c>, … as case metrics name them), <c>ready-notification</c> (both
/// carriers notified READY), <c>carrier-ready</c>, <c>sync-locked</c> (0/1), <c>supervision-resets</c> and
/// <c>config-changes</c>; close = close-session. A case's <c>m-plane</c> steps run the CONF.0 §3.1 checks
/// (<see cref="IMplaneConformance"/>) on the session, or on a session of another account. Every message of every
/// session is kept in the execution's evidence (<c>PRODUCT-netconf.trace</c>, <c>PRODUCT-netconf-ACCOUNT.trace</c>).
/// Failures are device faults naming the step and what the O-RU did.
/// </summary>
public sealed class NetconfDeviceDriver : IDeviceDriver, IStepTimeouts, IMplaneConformance, IReceptionReports
{
    private readonly Func<MplaneLogin, CancellationToken, Task<INetconfTransport>> _connect;
    private readonly bool _callHome;
    private readonly string _where;
    private readonly TimeSpan _rpcTimeout;
    private readonly TimeSpan _supervisionInterval;
    private readonly string _evidenceDirectory;
    private readonly ILoggerFactory _loggers;
    private INetconfTransport? _transport;
    private NetconfSession? _session;
    private NetconfTrace? _trace;
    private OruBringUp? _oru;

    /// <summary>The O-RU ended the session on purpose (supervision failure): stop and close have nothing left to do.</summary>
    private bool _releasedByOru;

    /// <summary>A real O-RU as its lab file describes it (SSH or call home; paths relative to <paramref name="planRoot"/>).</summary>
    public NetconfDeviceDriver(Product product, NetconfDriver driver, string planRoot, string evidenceDirectory, ILoggerFactory loggers)
        : this(product, (login, ct) => Login(Target(driver, planRoot), driver, planRoot, login).ConnectAsync(loggers, ct), driver.Describe(),
            driver.RpcTimeout, driver.SupervisionInterval, evidenceDirectory, loggers)
    {
        _callHome = driver.CallHome;
    }

    /// <summary>Any O-RU reached through <paramref name="connect"/> (the emulated O-RU in-process), named
    /// <paramref name="where"/> in messages; a login it cannot make throws <see cref="NotSupportedException"/>.</summary>
    public NetconfDeviceDriver(Product product, Func<MplaneLogin, CancellationToken, Task<INetconfTransport>> connect, string where,
        TimeSpan rpcTimeout, TimeSpan supervisionInterval, string evidenceDirectory, ILoggerFactory loggers)
    {
        Product = product;
        _connect = connect;
        _where = where;
        _rpcTimeout = rpcTimeout;
        _supervisionInterval = supervisionInterval;
        _evidenceDirectory = evidenceDirectory;
        _loggers = loggers;
    }

    public Product Product { get; }

    /// <summary>The file every message of the session is written to.</summary>
    public string TracePath => Path.Combine(_evidenceDirectory, $"{Product.Id.Replace('/', '-')}-netconf.trace");

    public TimeSpan? TimeoutOf(LifecycleStep lifecycleStep) => lifecycleStep switch
    {
        LifecycleStep.Open => _rpcTimeout * 3,
        LifecycleStep.Start or LifecycleStep.Stop => _rpcTimeout * 2,
        _ => _rpcTimeout,
    };

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await Step("open", async () =>
        {
            Directory.CreateDirectory(_evidenceDirectory);
            _transport = await _connect(MplaneLogin.Driver, cancellationToken).ConfigureAwait(false);
            _trace = NetconfTrace.Create(TracePath);
            _session = await NetconfSession.OpenAsync(_transport, NetconfSessionOptions.Default with
            {
                RpcTimeout = _rpcTimeout,
                Trace = _trace,
                LoggerFactory = _loggers,
            }, cancellationToken).ConfigureAwait(false);
            _oru = await OruBringUp.StartAsync(_session, new OruBringUpOptions
            {
                SupervisionInterval = _supervisionInterval,
                CarrierTimeout = _rpcTimeout,
            }, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var oru = Oru("configure");
        var band = setup.Execution.Setup.Band;
        var profile = setup.Execution.Setup.FronthaulProfile.Profile;
        if (setup.Step.Compression is { } compression)
        {
            profile = profile with { DownlinkCompression = compression, UplinkCompression = compression };
        }

        return Step("configure", () => oru.ConfigureAsync(
            OduConfiguration.For(profile, band.Arfcn, (long)(band.CenterFrequencyMHz * 1_000_000m), oru.Inventory), cancellationToken));
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        Step("start", () => Oru("start").SetCarriersAsync(active: true, cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => _releasedByOru
        ? Task.CompletedTask
        : Step("stop", () => Oru("stop").SetCarriersAsync(active: false, cancellationToken));

    public Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var oru = Oru("read-counters");
        var values = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        if (oru.Events.Counts is [.., var last])
        {
            foreach (var (measured, count) in last.Counts)
            {
                values[measured.ToLowerInvariant().Replace('_', '-')] = count;
            }
        }

        string tx = StartupConfiguration.TxCarrier, rx = StartupConfiguration.RxCarrier;
        values["ready-notification"] = oru.Events.Notified(tx, "READY") && oru.Events.Notified(rx, "READY") ? 1 : 0;
        values["carrier-ready"] = oru.Events.CarrierState(tx) == "READY" && oru.Events.CarrierState(rx) == "READY" ? 1 : 0;
        values["sync-locked"] = oru.Inventory.SyncState == "LOCKED" ? 1 : 0;
        values["supervision-resets"] = oru.Supervision.Resets;
        values["config-changes"] = oru.Events.ConfigChanges;
        return Task.FromResult(new DeviceCounters(values.ToImmutable()));
    }

    /// <summary>
    /// Every rx-window report of the session with its start and end: the U-plane from RX_EARLY, RX_ON_TIME and RX_LATE,
    /// the C-plane from their <c>_C</c> objects, each plane only when the O-RU reported all three of its objects.
    /// </summary>
    public IReadOnlyList<DeviceReceptionInterval> ReceptionReports =>
        _oru is null ? [] : [.. _oru.Events.Counts.Select(ToInterval).OfType<DeviceReceptionInterval>()];

    private static DeviceReceptionInterval? ToInterval(RxWindowCounts report)
    {
        if (report is not { Start: { } start, End: { } end })
        {
            return null;
        }

        ReceptionCounts? Plane(string suffix) =>
            report.Counts.TryGetValue("RX_EARLY" + suffix, out long early)
            && report.Counts.TryGetValue("RX_ON_TIME" + suffix, out long onTime)
            && report.Counts.TryGetValue("RX_LATE" + suffix, out long late)
                ? new ReceptionCounts(early, onTime, late)
                : null;

        return new DeviceReceptionInterval(Nanoseconds(start), Nanoseconds(end), Plane(string.Empty), Plane("_C"));
    }

    private static long Nanoseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_oru is not null)
            {
                await _oru.DisposeAsync().ConfigureAwait(false);
            }

            if (_session is not null && !_releasedByOru)
            {
                await Step("close", () => _session.CloseAsync(cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (_transport is not null)
            {
                await _transport.DisposeAsync().ConfigureAwait(false);
            }

            if (_trace is not null)
            {
                await _trace.DisposeAsync().ConfigureAwait(false);
            }

            (_oru, _session, _transport, _trace) = (null, null, null, null);
            _releasedByOru = false;
        }
    }

    public TimeSpan TimeoutOf(MplaneStep check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var interval = check.Interval ?? TimeSpan.FromSeconds(1);
        return check.Check switch
        {
            MplaneCheck.Supervision => interval * ((check.Rounds ?? 30) + 3) + SupervisionCheck.Guard + _rpcTimeout,
            MplaneCheck.SupervisionFailure => (interval + SupervisionCheck.Guard) * 4 + _rpcTimeout,
            _ => _rpcTimeout * 4,
        };
    }

    public Task<CheckResult> CheckAsync(MplaneStep check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var oru = Oru("m-plane");
        var interval = check.Interval ?? TimeSpan.FromSeconds(1);
        return Step("m-plane " + PlanNames.Of(check.Check), async () => check.Check switch
        {
            MplaneCheck.Handshake when check.WrongCredentials => await Unless(() => HandshakeCheck.WrongCredentialsAsync(
                ct => _connect(new MplaneLogin(WrongPassword: true), ct), cancellationToken)).ConfigureAwait(false),
            MplaneCheck.Handshake => HandshakeCheck.Of(oru.Session, _callHome),
            MplaneCheck.Subscription => SubscriptionCheck.Of(oru),
            MplaneCheck.Supervision => await SupervisionCheck.RoundsAsync(oru, check.Rounds ?? 30, interval, cancellationToken).ConfigureAwait(false),
            MplaneCheck.SupervisionFailure => await SupervisionFailure(oru, interval, cancellationToken).ConfigureAwait(false),
            MplaneCheck.Retrieval => await RetrievalCheck.RunAsync(oru.Session, check.Filter, cancellationToken).ConfigureAwait(false),
            MplaneCheck.Configurability => await ConfigurabilityCheck.RunAsync(oru, check.DuplicateEaxc, _rpcTimeout, cancellationToken)
                .ConfigureAwait(false),
            _ => await Unless(() => AccessControl(oru, check.Account!, cancellationToken)).ConfigureAwait(false),
        });
    }

    private async Task<CheckResult> SupervisionFailure(OruBringUp oru, TimeSpan interval, CancellationToken cancellationToken)
    {
        var result = await SupervisionCheck.FailureAsync(oru, interval, cancellationToken).ConfigureAwait(false);
        _releasedByOru = !oru.Session.IsOpen;
        return result;
    }

    /// <summary>A session as another account of the O-RU, traced to its own file, running the access-control check.</summary>
    private async Task<CheckResult> AccessControl(OruBringUp oru, string account, CancellationToken cancellationToken)
    {
        if (oru.Configured is not { } configured)
        {
            return CheckResult.NotMeasured("the O-RU was not configured before the access-control check (configure first)");
        }

        await using var transport = await _connect(new MplaneLogin(account), cancellationToken).ConfigureAwait(false);
        await using var trace = NetconfTrace.Create(Path.Combine(_evidenceDirectory, $"{Product.Id.Replace('/', '-')}-netconf-{account}.trace"));
        await using var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default with
        {
            RpcTimeout = _rpcTimeout,
            Trace = trace,
            LoggerFactory = _loggers,
        }, cancellationToken).ConfigureAwait(false);
        var result = await AccessControlCheck.RunAsync(session, configured, cancellationToken).ConfigureAwait(false);
        await session.CloseAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>A check this O-RU's M-plane cannot take (no such account, no SSH login in-process) measured nothing.</summary>
    private static async Task<CheckResult> Unless(Func<Task<CheckResult>> check)
    {
        try
        {
            return await check().ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            return CheckResult.NotMeasured(e.Message);
        }
    }

    /// <summary>The target of <paramref name="login"/>: the driver's own, an account's user and credentials, or the
    /// driver's user with a random password no account has.</summary>
    private static MplaneTarget Login(MplaneTarget target, NetconfDriver driver, string planRoot, MplaneLogin login)
    {
        if (login.Account is { } name)
        {
            var account = driver.Accounts.GetValueOrDefault(name)
                ?? throw new NotSupportedException($"the O-RU's netconf driver has no account '{name}' (accounts:)");
            return target with
            {
                User = account.User,
                PasswordVariable = account.Credentials.PasswordEnvironment,
                KeyFile = account.Credentials.KeyFile is { } key ? Path.Combine(planRoot, key) : null,
                PassphraseVariable = account.Credentials.PassphraseEnvironment,
            };
        }

        return login.WrongPassword
            ? target with { PasswordVariable = WrongPassword.Variable, KeyFile = null, PassphraseVariable = null }
            : target;
    }

    public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(
        _session is not { IsOpen: true } ? new DeviceHealth(false, "no M-plane session")
        : _oru?.Supervision.Failure is { } failure ? new DeviceHealth(false, "supervision failed: " + failure.Message)
        : DeviceHealth.Ok);

    private static MplaneTarget Target(NetconfDriver driver, string planRoot) =>
        new(driver.Host, driver.Port, driver.User)
        {
            PasswordVariable = driver.Credentials.PasswordEnvironment,
            KeyFile = driver.Credentials.KeyFile is { } key ? Path.Combine(planRoot, key) : null,
            PassphraseVariable = driver.Credentials.PassphraseEnvironment,
            KnownHostsFile = driver.HostKey.KnownHostsFile is { } file ? Path.Combine(planRoot, file) : null,
            HostKeyFingerprint = driver.HostKey.Fingerprint,
            AcceptAnyHostKey = driver.HostKey.AcceptAny,
            CallHome = driver.CallHome,
            ConnectTimeout = driver.RpcTimeout * 2,
        };

    private OruBringUp Oru(string step) => _oru
        ?? throw new DeviceFaultException(Product.Id, step, $"no M-plane session with {_where}: open failed or was not run");

    private Task<bool> Step(string step, Func<Task> action) => Step(step, async () =>
    {
        await action().ConfigureAwait(false);
        return true;
    });

    private async Task<T> Step<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (MplaneFailure.Is(e))
        {
            throw new DeviceFaultException(Product.Id, step, $"{_where}: {e.Message}", e);
        }
    }
}
