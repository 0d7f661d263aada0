using System.Collections.Immutable;
using OranTestbed.Emulation.Reports;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Orchestration.Emulated;

/// <summary>
/// The fronthaul link between an emulated O-DU and O-RU in one execution: the two personalities, the transport delay
/// the case configured, whether traffic is on, the O-RU's reception counters after the last capture (whole and per measurement interval), and the session's
/// emulated time. Shared by the two emulated drivers and the emulated tap of a session (one test run at a time uses it).
/// </summary>
public sealed class EmulatedLink(Personality du, Personality ru, ulong seed)
{
    public Personality Du { get; } = du;

    public Personality Ru { get; } = ru;

    public ulong Seed { get; } = seed;

    /// <summary>The session's time: waits and captures advance it, the devices read it.</summary>
    public EmulatedBenchClock Clock { get; } = new();

    /// <summary>T12 = T34 as the case's configure step set it; null keeps the emulator's default.</summary>
    public TimeSpan? TransportDelay { get; set; }

    public bool TrafficOn { get; set; }

    public ReceptionCounters RuCounters { get; set; } = ReceptionCounters.Empty;

    /// <summary>The O-RU's reception counters per measurement interval of the last capture (its rx-window reports).</summary>
    public ImmutableArray<IntervalReceptionCounters> RuIntervals { get; set; } = [];
}
