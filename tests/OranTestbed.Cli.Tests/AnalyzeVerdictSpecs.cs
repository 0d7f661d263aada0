using OranTestbed.Analysis.Verdicts;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli.Tests;

/// <summary>The exit codes of <c>analyze</c> (the verdict itself: <see cref="VerdictOnRealTrafficSpecs"/>).</summary>
public class AnalyzeVerdictSpecs
{
    [TestCase(Verdict.Pass, 0)]
    [TestCase(Verdict.Fail, 1)]
    [TestCase(Verdict.Inconclusive, 2)]
    public void Analyze_exit_code_must_follow_the_verdict(Verdict verdict, int exit) =>
        Assert.That(AnalyzeRunner.ExitCodeOf(verdict), Is.EqualTo(exit));
}
