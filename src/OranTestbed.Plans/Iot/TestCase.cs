using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Iot.Procedure;

namespace OranTestbed.Plans.Iot;

/// <summary>
/// An interoperability test case in the O-RAN WG4 IOT style: id, name, group, status (with the condition of a
/// conditionally mandatory case), the spec clause it follows, what it requires, the procedure the orchestrator runs,
/// the metrics with thresholds that decide the verdict, the expected duration, and cases that must run before it.
/// </summary>
public sealed record TestCase
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required TestCaseGroup Group { get; init; }

    public required TestCaseStatus Status { get; init; }

    /// <summary>When a conditionally mandatory case applies, in words.</summary>
    public string? Condition { get; init; }

    /// <summary>The specification and clause or test the case follows (e.g. "O-RAN.WG4.IOT.0 C/U-Plane: DL throughput").</summary>
    public required string Reference { get; init; }

    public string? Description { get; init; }

    public CaseRequirements Requires { get; init; } = CaseRequirements.None;

    public required ImmutableArray<ProcedureStep> Procedure { get; init; }

    public required ImmutableArray<Metric> Metrics { get; init; }

    public required TimeSpan ExpectedDuration { get; init; }

    /// <summary>Extra attempts after a non-PASS (a flaky bench); a PASS after a retry is recorded as flaky.</summary>
    public int Retries { get; init; }

    /// <summary>Cases to run first on the same combination (their failure makes this one moot).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>The compression the case's configure step sets, which both products must support; null when none.</summary>
    public UPlaneCompression? CompressionOverride =>
        Procedure.OfType<ConfigureStep>().Select(c => c.Compression).FirstOrDefault(c => c is not null);

    public override string ToString() => Id;
}
