using OranTestbed.Analysis.Verdicts;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Mplane.Conformance;
using OranTestbed.Mplane.Transport;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// An emulated O-RU with its M-plane, for the cases that judge the M-plane: the fronthaul is the link's (as for every
/// emulated product) and the M-plane is the emulated O-RU's own NETCONF server (its personality's <c>mplane-*</c>
/// defects included), in-process over a pipe, driven by the very <see cref="NetconfDeviceDriver"/> that drives real
/// O-RUs: open = hello, discover, subscribe, supervision; configure = the start-up configuration, read back; start =
/// carriers READY, then traffic; stop = traffic off, carriers DISABLED. Counters are the link's reception counters
/// and the M-plane's (<c>ready-notification</c>, …); the NETCONF trace is evidence like on a real bench.
/// </summary>
public sealed class EmulatedMplaneOru : IDeviceDriver, IMplaneConformance, IReceptionReports, IDisposable
{
    private readonly EmulatedDeviceDriver _fronthaul;
    private readonly NetconfDeviceDriver _mplane;
    private readonly OruMplaneServer _server;
    private readonly List<(PipeTransport End, Task Serving)> _served = [];
    private int _disposed;

    public EmulatedMplaneOru(EmulatedDeviceDriver fronthaul, YangCatalog yang, string evidenceDirectory, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(fronthaul);
        _fronthaul = fronthaul;
        _server = new OruMplaneServer(new MplaneServerOptions
        {
            Personality = fronthaul.Personality,
            Yang = yang,
            LoggerFactory = loggers,
            User = DriverUser,
            // The O-DU's own session is sudo; an account of a case's access-control check is named after its NACM group.
            Accounts = NacmGroups.Known.ToImmutableDictionary(g => g, g => g).Add(DriverUser, NacmGroups.Sudo),
        });
        _mplane = new NetconfDeviceDriver(fronthaul.Product, Connect, $"emulated O-RU {fronthaul.Product.Id} (in-process)",
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), evidenceDirectory, loggers);
    }

    /// <summary>The user of the O-DU's session with the emulated O-RU.</summary>
    public const string DriverUser = "o-du";

    public Product Product => _fronthaul.Product;

    /// <summary>The file the M-plane session is traced to.</summary>
    public string TracePath => _mplane.TracePath;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _fronthaul.OpenAsync(cancellationToken).ConfigureAwait(false);
        await _mplane.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken)
    {
        await _fronthaul.ConfigureAsync(setup, cancellationToken).ConfigureAwait(false);
        await _mplane.ConfigureAsync(setup, cancellationToken).ConfigureAwait(false);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _mplane.StartAsync(cancellationToken).ConfigureAwait(false);
        await _fronthaul.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _fronthaul.StopAsync(cancellationToken).ConfigureAwait(false);
        await _mplane.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var fronthaul = await _fronthaul.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        var mplane = await _mplane.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        // The link counts what the emulated O-RU received; the M-plane's rx-window report of the same is not fed by it.
        var values = fronthaul.Values.SetItems(mplane.Values.Where(v => !fronthaul.Values.ContainsKey(v.Key)));
        return new DeviceCounters(values);
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mplane.CloseAsync(cancellationToken).ConfigureAwait(false);
            await _fronthaul.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (PipeTransport End, Task Serving)[] served;
            lock (_served)
            {
                served = [.. _served];
                _served.Clear();
            }

            foreach (var (end, serving) in served)
            {
                await end.DisposeAsync().ConfigureAwait(false);
                await serving.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }

            Dispose();
        }
    }

    /// <summary>Stops the emulated O-RU's server (close does; this is for a test run that never reached close).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.Dispose();
        }
    }

    /// <summary>The rx-window reports of the link's capture, as the fronthaul driver gives them (one source of truth for
    /// the counts; the in-process M-plane server's own reports run on the wall clock, not on the capture's).</summary>
    public IReadOnlyList<DeviceReceptionInterval> ReceptionReports => _fronthaul.ReceptionReports;

    public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => _mplane.CheckHealthAsync(cancellationToken);

    public Task<CheckResult> CheckAsync(MplaneStep check, CancellationToken cancellationToken) => _mplane.CheckAsync(check, cancellationToken);

    public TimeSpan TimeoutOf(MplaneStep check) => _mplane.TimeoutOf(check);

    /// <summary>A session over a pipe, as the driver's user or as an account (its name is the user, its NACM group the
    /// emulated O-RU's default for that name); there is no SSH login to refuse a wrong password.</summary>
    private Task<INetconfTransport> Connect(MplaneLogin login, CancellationToken cancellationToken)
    {
        if (login.WrongPassword)
        {
            throw new NotSupportedException("the in-process M-plane of an emulated O-RU has no SSH login to refuse a wrong password");
        }

        var (client, server) = PipeTransport.CreatePair($"emulated O-RU {Product.Id}");
        var serving = login.Account is { } account
            ? _server.ServeAsync(server, account, CancellationToken.None)
            : _server.ServeAsync(server, CancellationToken.None);
        lock (_served)
        {
            _served.Add((server, serving));
        }

        return Task.FromResult<INetconfTransport>(client);
    }
}
