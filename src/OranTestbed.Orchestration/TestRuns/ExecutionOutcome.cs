using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>
/// What one attempt of an execution came to: the verdict (OpenTAP order, the worst step wins), the reasons for anything
/// but PASS, each metric, and the evidence files (relative to the run folder). <see cref="DeviceFault"/> is set when a
/// device, not the product behaviour, broke the attempt (its bench's failure count goes up). <see cref="StorageFault"/> is
/// set when the testbed's own storage ran out (the attempt is ABORTED: no verdict on the equipment, the run stops).
/// </summary>
public sealed record ExecutionOutcome(Verdict Verdict, ImmutableArray<string> Reasons, ImmutableArray<MetricResult> Metrics,
    ImmutableArray<string> Evidence, TimeSpan Duration, bool DeviceFault)
{
    public static ExecutionOutcome Error(string reason, TimeSpan duration, bool deviceFault) =>
        new(Verdict.Error, [reason], [], [], duration, deviceFault);

    /// <summary>Why the testbed could not keep this attempt's evidence (a full disk), if that ended it.</summary>
    public string? StorageFault { get; init; }
}
