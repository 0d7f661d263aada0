using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>
/// What one attempt of an execution came to: the verdict (OpenTAP order, the worst step wins), the reasons for anything
/// but PASS, each metric, and the evidence files (relative to the run folder). <see cref="DeviceFault"/> is set when a
/// device, not the product behaviour, broke the attempt (its bench's failure count goes up).
/// </summary>
public sealed record ExecutionOutcome(Verdict Verdict, ImmutableArray<string> Reasons, ImmutableArray<MetricResult> Metrics,
    ImmutableArray<string> Evidence, TimeSpan Duration, bool DeviceFault)
{
    public static ExecutionOutcome Error(string reason, TimeSpan duration, bool deviceFault) =>
        new(Verdict.Error, [reason], [], [], duration, deviceFault);
}
