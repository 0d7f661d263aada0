using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans.Iot;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>One metric of an execution: what was measured (null when nothing could be), against which threshold,
/// and the verdict it gives (INCONCLUSIVE when unmeasured), with a note saying why when it is not a plain comparison.</summary>
public sealed record MetricResult(string Id, MetricSource Source, decimal? Measured, MetricUnit Unit, string Threshold,
    Verdict Verdict, string? Note);
