using System.Collections.Immutable;

namespace OranTestbed.Results.Model;

/// <summary>
/// Everything the store keeps about one execution in one run: what was tested, how it ended, its metrics, further
/// measurements and its evidence (by content address). Identified by (<see cref="RunId"/>, <see cref="ExecutionId"/>).
/// </summary>
public sealed record ExecutionResult(string RunId, string ExecutionId, ExecutionSubject Subject, VerdictRecord Outcome,
    ImmutableArray<MetricRecord> Metrics)
{
    public ImmutableArray<Measurement> Measurements { get; init; } = [];

    public ImmutableArray<ArtifactRef> Artifacts { get; init; } = [];
}
