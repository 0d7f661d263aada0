using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;

namespace OranTestbed.Orchestration.Results;

/// <summary>A run's overall verdict and exit code: FAIL if anything failed; else INCONCLUSIVE/ERROR/ABORTED if anything
/// was (or did not run); else PASS.</summary>
public static class RunVerdict
{
    public static Verdict Of(RunCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (completed.Records.Any(r => r.Verdict == Verdict.Fail))
        {
            return Verdict.Fail;
        }

        var worst = completed.Records.Aggregate(Verdict.NotSet, (v, r) => v.Combine(r.Verdict));
        if (completed.Aborted || !completed.NotRun.IsEmpty)
        {
            worst = worst.Combine(Verdict.Aborted);
        }

        return worst == Verdict.NotSet ? Verdict.Inconclusive : worst;
    }

    /// <summary>0 all pass, 1 any fail, 2 inconclusive, errors or not run (as <c>analyze</c>).</summary>
    public static int ExitCode(RunCompleted completed) => Of(completed) switch
    {
        Verdict.Pass => 0,
        Verdict.Fail => 1,
        _ => 2,
    };
}
