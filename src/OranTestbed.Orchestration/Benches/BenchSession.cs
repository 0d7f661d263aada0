using OranTestbed.Orchestration.Capture;
using OranTestbed.Orchestration.Devices;

namespace OranTestbed.Orchestration.Benches;

/// <summary>The equipment of a bench for one execution: a driver per product under test, the fronthaul tap, and the
/// clock the session runs on.</summary>
public sealed record BenchSession(IDeviceDriver ODu, IDeviceDriver ORu, IDeviceDriver? OCu, IFronthaulTap Tap)
{
    /// <summary>The bench's time: real unless the equipment is emulated (see <see cref="IBenchClock"/>).</summary>
    public IBenchClock Clock { get; init; } = RealBenchClock.Instance;

    /// <summary>The drivers in start order (O-CU, O-DU, O-RU); stop and close run in reverse.</summary>
    public IReadOnlyList<IDeviceDriver> Devices => OCu is null ? [ODu, ORu] : [OCu, ODu, ORu];
}
