using System.Collections.Immutable;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// <c>driver: {command-line: ...}</c>: real equipment driven by commands, one per lifecycle step (open, configure,
/// start, stop, read-counters, close, health), each with a timeout and an expected exit code; the orchestrator runs
/// them and keeps their output as evidence. Open, configure, start, stop and close are required.
/// </summary>
public sealed record CommandLineDriver(
    ImmutableSortedDictionary<LifecycleStep, CommandStep> Steps,
    ImmutableSortedDictionary<string, string> Variables,
    string? WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment) : DeviceDriver
{
    /// <summary>The steps every command-line driver must define.</summary>
    public static ImmutableArray<LifecycleStep> RequiredSteps { get; } =
        [LifecycleStep.Open, LifecycleStep.Configure, LifecycleStep.Start, LifecycleStep.Stop, LifecycleStep.Close];

    /// <summary>
    /// Variables the orchestrator fills for every command: the execution (execution-id, case, repetition), its setup
    /// (operator-profile, band, nr-band, arfcn, center-frequency-mhz, bandwidth-mhz, scs-khz, numerology, prbs,
    /// duplex, tdd-pattern, fronthaul-profile, fronthaul-profile-file, compression-dl, compression-ul, eaxc-id-bits,
    /// vlan-id), the device (product, vendor, role) and the bench (bench, capture-interface, evidence-dir).
    /// </summary>
    public static ImmutableArray<string> BuiltInVariables { get; } =
    [
        "execution-id", "case", "repetition", "operator-profile", "band", "nr-band", "arfcn", "center-frequency-mhz",
        "bandwidth-mhz", "scs-khz", "numerology", "prbs", "duplex", "tdd-pattern", "fronthaul-profile",
        "fronthaul-profile-file", "compression-dl", "compression-ul", "eaxc-id-bits", "vlan-id", "product", "vendor",
        "role", "bench", "capture-interface", "evidence-dir",
    ];
}
