using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Orchestration.Campaigns;

/// <summary>
/// The durable result of one execution in a run: its final verdict, the attempts it took (a PASS after a failed
/// attempt is <see cref="Flaky"/>, never a plain pass), why it is not a PASS, where it ran and its evidence folder
/// (relative to the run folder). Persisted in the coordinator's journal before anyone is told.
/// </summary>
public sealed record ExecutionRecord(string ExecutionId, Verdict Verdict, int Attempts, bool Flaky,
    ImmutableArray<string> Reasons, string BenchId, TimeSpan Duration, string EvidenceFolder)
{
    /// <summary>The final attempt's metrics.</summary>
    public ImmutableArray<TestRuns.MetricResult> Metrics { get; init; } = [];

    /// <summary>The final attempt's evidence files, relative to <see cref="AttemptFolder"/>.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>Set when the testbed's storage ran out during the attempt (the record is ABORTED and stops the run).</summary>
    public string? StorageFault { get; init; }

    /// <summary>The final attempt's evidence folder, relative to the run folder.</summary>
    public string AttemptFolder => Path.Combine(EvidenceFolder, $"attempt-{Attempts}");
}
