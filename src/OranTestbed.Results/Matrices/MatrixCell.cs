using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Matrices;

/// <summary>
/// One O-DU × O-RU cell of a band × operator-profile matrix: its state, the latest result of each execution of the
/// combination (the drill-down), how many were planned, the product versions tested and, for an excluded pair, why it is
/// INCOMPATIBLE.
/// </summary>
public sealed record MatrixCell(MatrixState State, ImmutableArray<ExecutionResult> Latest, int Planned,
    ImmutableArray<string> Versions, string? Incompatible)
{
    public int Count(Verdict verdict) => Latest.Count(r => r.Outcome.Verdict == verdict);

    public int Flaky => Latest.Count(r => r.Outcome.Flaky);

    /// <summary>Executions of the combination: the planned ones, or those with results when no plan is known.</summary>
    public int Executions => Math.Max(Planned, Latest.Length);

    /// <summary>"PASS 3/3", "FAIL 1/3", "INCONCLUSIVE 2/3" (passes out of executions), "NOT RUN", "INCOMPATIBLE".</summary>
    public string Label => State switch
    {
        MatrixState.NotRun => "NOT RUN",
        MatrixState.Incompatible => "INCOMPATIBLE",
        _ => $"{StateName(State)} {Count(Verdict.Pass)}/{Executions}",
    };

    public static string StateName(MatrixState state) => state switch
    {
        MatrixState.Pass => "PASS",
        MatrixState.Fail => "FAIL",
        MatrixState.Inconclusive => "INCONCLUSIVE",
        MatrixState.NotRun => "NOT RUN",
        _ => "INCOMPATIBLE",
    };
}
