using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Orchestration.Results;

/// <summary>One O-DU × O-RU cell: the worst verdict (NotSet = not run), passes out of executions, flaky passes, and for
/// an excluded pair the reason it is INCOMPATIBLE.</summary>
public sealed record MatrixCell(Verdict Verdict, int Passed, int Executions, int Flaky, string? Incompatible)
{
    public string Label => Incompatible is not null
        ? "INCOMPATIBLE"
        : Executions == 0 || Verdict == Verdict.NotSet ? "NOT RUN" : $"{Verdict.ToWireName()} {Passed}/{Executions}";
}
