using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// How the orchestrator drives one product through an execution, with OpenTAP's resource lifecycle: open, configure
/// for the execution's profile, start and stop traffic, read counters, close, and a health probe. Every call takes a
/// cancellation token that the test run cancels at its step timeout; a driver that does not honour it is abandoned
/// (the test run goes on without waiting for it). Failures throw <see cref="DeviceFaultException"/>.
/// </summary>
public interface IDeviceDriver
{
    Product Product { get; }

    Task OpenAsync(CancellationToken cancellationToken);

    Task ConfigureAsync(DeviceSetup setup, CancellationToken cancellationToken);

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    Task<DeviceCounters> ReadCountersAsync(CancellationToken cancellationToken);

    Task CloseAsync(CancellationToken cancellationToken);

    Task<DeviceHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
