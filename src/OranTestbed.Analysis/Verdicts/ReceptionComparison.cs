using System.Collections.Immutable;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// The O-RU's rx-window reports checked against the analyzer's classification of the same capture
/// (<see cref="ReceptionCounterCheck"/>): one row per O-RU interval, the verdict (FAIL when one disagrees, PASS when at
/// least one was evaluated and all evaluated agree, INCONCLUSIVE when none could be evaluated) and its reason.
/// </summary>
public sealed record ReceptionComparison(Verdict Verdict, string Reason, ImmutableArray<ReceptionIntervalComparison> Intervals)
{
    public int Agreeing => Intervals.Count(i => i.Verdict == Verdict.Pass);

    public int Disagreeing => Intervals.Count(i => i.Verdict == Verdict.Fail);

    public int NotEvaluated => Intervals.Count(i => i.Verdict == Verdict.Inconclusive);
}
