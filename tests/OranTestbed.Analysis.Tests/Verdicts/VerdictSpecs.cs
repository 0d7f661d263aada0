using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Analysis.Tests.Verdicts;

public class VerdictSpecs
{
    private static readonly int[] OpenTapValues = [0, 10, 20, 30, 40, 50];
    private static readonly string[] FailReasons = ["SEQ-LOST", "ECPRI-REVISION"];

    [TestCase(Verdict.NotSet, Verdict.Pass, Verdict.Pass)]
    [TestCase(Verdict.Pass, Verdict.Inconclusive, Verdict.Inconclusive)]
    [TestCase(Verdict.Fail, Verdict.Inconclusive, Verdict.Fail)]
    [TestCase(Verdict.Fail, Verdict.Error, Verdict.Error)]
    [TestCase(Verdict.Aborted, Verdict.Fail, Verdict.Aborted)]
    public void Verdict_must_combine_with_max(Verdict a, Verdict b, Verdict combined)
    {
        Assert.That(a.Combine(b), Is.EqualTo(combined));
        Assert.That(b.Combine(a), Is.EqualTo(combined));
    }

    [Test]
    public void Verdict_must_keep_the_OpenTAP_values()
    {
        Assert.That(new[] { Verdict.NotSet, Verdict.Pass, Verdict.Inconclusive, Verdict.Fail, Verdict.Aborted, Verdict.Error }
            .Select(v => (int)v), Is.EqualTo(OpenTapValues));
    }

    [Test]
    public void VerdictBuilder_must_never_downgrade_and_keep_the_reasons_of_the_final_level()
    {
        var outcome = new VerdictBuilder()
            .UpgradeVerdict(Verdict.Pass, "traffic seen")
            .UpgradeVerdict(Verdict.Fail, "SEQ-LOST")
            .UpgradeVerdict(Verdict.Inconclusive, "drops")
            .UpgradeVerdict(Verdict.Fail, "ECPRI-REVISION")
            .Build();
        Assert.That(outcome.Value, Is.EqualTo(Verdict.Fail));
        Assert.That(outcome.Reasons, Is.EqualTo(FailReasons));
    }

    [Test]
    public void VerdictBuilder_must_start_not_set()
    {
        Assert.That(new VerdictBuilder().Build().Value, Is.EqualTo(Verdict.NotSet));
        Assert.That(Verdict.Inconclusive.ToWireName(), Is.EqualTo("INCONCLUSIVE"));
    }
}
