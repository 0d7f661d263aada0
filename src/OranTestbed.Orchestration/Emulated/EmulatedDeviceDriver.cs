using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Mplane;
using System.Collections.Immutable;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// A product played by the emulator with its personality. Lifecycle steps only change the link's state (the traffic
/// itself is produced by the emulated tap during a capture); an O-RU reports its reception counters like an O-RU's
/// rx-window measurement: <c>rx-on-time</c>, <c>rx-early</c>, <c>rx-late</c> over the T2a windows, <c>rx-corrupt</c>.
/// Every emulated product reports <c>uptime</c> (ns since it was opened) on the link's emulated clock: time-dependent
/// behaviour of an emulated device is measured on the bench's emulated time, never on the wall clock.
/// An O-RU also reports its rx-window intervals (<see cref="ReceptionReports"/>): the counts of each whole second of the
/// last capture's clock as the fronthaul emulation counted them on reception, as its <c>measurement-result-stats</c>
/// would carry them, its personality's <c>mplane-wrong-counters</c> defect included.
/// </summary>
public sealed class EmulatedDeviceDriver(Product product, EmulatedLink link) : IDeviceDriver, IReceptionReports
{
    private DateTimeOffset? _openedAt;

    public Product Product { get; } = product;

    private bool IsRu => Product.Role == ProductRole.ORu;

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        _openedAt = link.Clock.Now;
        return Task.CompletedTask;
    }

    public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Step.TransportDelay is { } delay)
        {
            link.TransportDelay = delay;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        link.TrafficOn = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        link.TrafficOn = false;
        return Task.CompletedTask;
    }

    public Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken)
    {
        var values = ImmutableSortedDictionary<string, decimal>.Empty;
        if (_openedAt is { } opened)
        {
            values = values.Add("uptime", (decimal)(link.Clock.Now - opened).Ticks * 100);
        }

        if (!IsRu)
        {
            return Task.FromResult(new DeviceCounters(values));
        }

        var c = link.RuCounters;
        var windows = new[] { c.T2aCpDl, c.T2aCpUl, c.T2aUp }.Where(w => w.Checked).ToList();
        values = values
            .Add("rx-on-time", windows.Sum(w => w.OnTime))
            .Add("rx-early", windows.Sum(w => w.Early))
            .Add("rx-late", windows.Sum(w => w.Late))
            .Add("rx-corrupt", c.Corrupt);
        return Task.FromResult(new DeviceCounters(values));
    }

    /// <summary>
    /// The O-RU's rx-window reports of the last capture, one per measurement interval: U-plane (RX_EARLY, RX_ON_TIME,
    /// RX_LATE: T2a_up) and C-plane (the <c>_C</c> objects: T2a_cp_dl + T2a_cp_ul), reported as the emulated M-plane
    /// server reports them (<see cref="RxWindowCounts.ReportedWith"/>). None for an O-DU.
    /// </summary>
    public IReadOnlyList<DeviceReceptionInterval> ReceptionReports => !IsRu ? [] :
    [
        .. link.RuIntervals.Select(interval =>
        {
            var reported = RxWindowCounts.From(interval.Counters).ReportedWith(link.Ru.MplaneDefects.RxLateReportedFraction);
            return new DeviceReceptionInterval(interval.StartNs, interval.EndNs,
                new ReceptionCounts(reported.Early, reported.OnTime, reported.Late),
                new ReceptionCounts(reported.EarlyC, reported.OnTimeC, reported.LateC));
        }),
    ];

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _openedAt = null;
        return Task.CompletedTask;
    }

    public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(DeviceHealth.Ok);

    /// <summary>The personality of this driver's product in the link.</summary>
    public Personality Personality => IsRu ? link.Ru : link.Du;
}
