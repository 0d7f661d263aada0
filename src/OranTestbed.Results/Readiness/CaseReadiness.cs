using System.Collections.Immutable;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Readiness;

/// <summary>One case of a need on one combination with one set of versions: its latest results (one per execution, so
/// one per repetition) and what keeps it from being ready. <see cref="ReadinessState.NotTested"/> when it has none.</summary>
public sealed record CaseReadiness(string CaseId, ReadinessState State, ImmutableArray<ExecutionResult> Latest,
    ImmutableArray<ReadinessFinding> Findings);
