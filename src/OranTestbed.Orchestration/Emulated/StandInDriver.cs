using System.Collections.Immutable;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// An emulated product on a bench that watches no fronthaul (an M-plane bench): the testbed itself plays its part (as
/// O-DU it is the NETCONF client of the O-RU's M-plane), so its lifecycle steps have nothing to drive and it reports no
/// counters.
/// </summary>
public sealed class StandInDriver(Product product) : IDeviceDriver
{
    public Product Product { get; } = product;

    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DeviceCounters(ImmutableSortedDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal)));

    public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(DeviceHealth.Ok);
}
