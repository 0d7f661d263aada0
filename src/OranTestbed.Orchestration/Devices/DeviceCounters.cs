using System.Collections.Immutable;

namespace OranTestbed.Orchestration.Devices;

/// <summary>
/// Named counters and states a device reported (O-RU rx-window counters RX_EARLY/RX_LATE as <c>rx-early</c>/<c>rx-late</c>,
/// booleans as 0/1, durations in nanoseconds), keyed as the case metrics name them.
/// </summary>
public sealed record DeviceCounters(ImmutableSortedDictionary<string, decimal> Values)
{
    public static DeviceCounters None { get; } = new(ImmutableSortedDictionary<string, decimal>.Empty);

    public bool TryGet(string name, out decimal value) => Values.TryGetValue(name, out value);
}
