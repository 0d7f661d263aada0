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
/// </summary>
public sealed class EmulatedDeviceDriver(Product product, EmulatedLink link) : IDeviceDriver
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

    public Task CloseAsync(CancellationToken cancellationToken)
    {
        _openedAt = null;
        return Task.CompletedTask;
    }

    public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(DeviceHealth.Ok);

    /// <summary>The personality of this driver's product in the link.</summary>
    public Personality Personality => IsRu ? link.Ru : link.Du;
}
