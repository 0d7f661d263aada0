using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Analysis.Tests.Verdicts;

public class VerdictNamesSpecs
{
    [TestCase(Verdict.Pass, "PASS")]
    [TestCase(Verdict.Inconclusive, "INCONCLUSIVE")]
    [TestCase(Verdict.Fail, "FAIL")]
    [TestCase(Verdict.Aborted, "ABORTED")]
    [TestCase(Verdict.Error, "ERROR")]
    public void VerdictNames_must_read_back_every_outcome_ToWireName_writes(Verdict verdict, string wireName)
    {
        Assert.That(verdict.ToWireName(), Is.EqualTo(wireName));
        Assert.That(VerdictNames.TryParse(wireName, out var read), Is.True);
        Assert.That(read, Is.EqualTo(verdict));
        Assert.That(VerdictNames.Parse(wireName), Is.EqualTo(verdict));
        Assert.That(verdict.IsOutcome(), Is.True);
    }

    [TestCase("NOT_SET")]
    [TestCase("pass")]
    [TestCase("WARN")]
    [TestCase("")]
    [TestCase(null)]
    public void VerdictNames_must_not_read_NotSet_or_any_other_name(string? wireName)
    {
        Assert.That(VerdictNames.TryParse(wireName, out var read), Is.False);
        Assert.That(read, Is.EqualTo(Verdict.NotSet));
        Assert.That(() => VerdictNames.Parse(wireName!), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void VerdictNames_must_list_the_outcomes_by_severity_without_NotSet()
    {
        Assert.That(VerdictNames.Outcomes, Is.EqualTo(Enum.GetValues<Verdict>().Where(v => v != Verdict.NotSet)));
        Assert.That(VerdictNames.Outcomes, Is.Ordered);
        Assert.That(Verdict.NotSet.IsOutcome(), Is.False);
        Assert.That(((Verdict)15).IsOutcome(), Is.False);
    }
}
