using OranTestbed.Plans;
using OranTestbed.Results.Readiness;

namespace OranTestbed.Cli.Commands;

/// <summary>The readiness view as text: a block per need × band with its cases, then one line per candidate (state and
/// combination) and, under a tested one, a line per set of versions with what keeps it from being ready.</summary>
internal static class ReadinessTable
{
    private const int StateWidth = 13;

    public static void Write(TextWriter output, OperatorReadiness readiness)
    {
        output.WriteLine($"{readiness.Operator.Id} ({readiness.Operator.Name}): readiness per need and band");
        foreach (var need in readiness.Needs)
        {
            output.WriteLine();
            output.WriteLine($"{need.Need.Id} ({PlanNames.Of(need.Need.Kind)}) in {need.Band}: {need.Count(ReadinessState.Ready)} ready, "
                             + $"{need.Count(ReadinessState.NotReady)} not ready, {need.Count(ReadinessState.NotTested)} not tested, "
                             + $"{need.Count(ReadinessState.Incompatible)} incompatible");
            output.WriteLine($"  cases: {(need.Cases.IsEmpty ? "none" : string.Join(", ", need.Cases))} ({need.CasesFrom})"
                             + (need.Need.Products.IsEmpty ? "" : $"; only combinations with {string.Join(", ", need.Need.Products)}"));
            if (!need.Need.Thresholds.IsEmpty)
            {
                output.WriteLine($"  thresholds: {string.Join(", ", need.Need.Thresholds.Select(t => $"{t.CaseId} {t.MetricId} {t.Threshold}"))}");
            }

            foreach (var candidate in need.Candidates)
            {
                Candidate(output, need, candidate);
            }
        }
    }

    private static void Candidate(TextWriter output, NeedReadiness need, ReadinessCandidate candidate)
    {
        string head = "  " + ReadinessStates.Name(candidate.State).PadRight(StateWidth) + candidate.Combination;
        if (candidate.Incompatible is { } why)
        {
            output.WriteLine($"{head}: {why}");
            return;
        }

        if (candidate.Versions.IsEmpty)
        {
            output.WriteLine($"{head}: no result of {string.Join(", ", need.Cases)}");
            return;
        }

        output.WriteLine(head);
        string indent = new(' ', 2 + StateWidth);
        foreach (var v in candidate.Versions)
        {
            output.WriteLine($"{indent}{ReadinessStates.Name(v.State).PadRight(StateWidth)}with {string.Join(", ", v.Versions)}");
            foreach (var f in v.Findings)
            {
                output.WriteLine($"{indent}  {f.Text} (run {f.RunId}, execution {f.ExecutionId})");
            }

            if (v.Missing.Any())
            {
                output.WriteLine($"{indent}  not tested: {string.Join(", ", v.Missing)}");
            }
        }
    }
}
