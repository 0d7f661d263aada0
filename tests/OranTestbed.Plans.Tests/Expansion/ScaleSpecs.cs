using System.Diagnostics;
using OranTestbed.Benchmarks.Plans;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Plans.Tests.Expansion;

/// <summary>
/// The generated plan of the scale requirement (10 vendors per role, 6 bands, 4 operators, 40 cases) validates and
/// expands. The figure that matters comes from the benchmark (tools/OranTestbed.Benchmarks/Plans); this spec checks the
/// plan is what it claims and prints the time of one warm run.
/// </summary>
public class ScaleSpecs
{
    private string _directory = "";

    [SetUp]
    public void Write()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-scale-{Guid.NewGuid():N}");
        ScalePlan.Write(_directory);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void The_scale_campaign_must_validate_and_expand_with_every_dimension()
    {
        var plan = TestPlanLoader.Load(_directory);
        var expansion = CampaignExpander.Expand(plan, plan.FindCampaign("scale")!);
        var clock = Stopwatch.StartNew();
        var again = TestPlanLoader.Load(_directory);
        var second = CampaignExpander.Expand(again, again.FindCampaign("scale")!);
        clock.Stop();
        TestContext.Out.WriteLine($"warm load + validate + expand: {clock.ElapsedMilliseconds} ms, {second.Executions.Length} executions, "
            + $"{second.Exclusions.Length} exclusions");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Lab.Vendors, Has.Length.EqualTo(3 * ScalePlan.VendorsPerRole));
            Assert.That(plan.Bands, Has.Length.EqualTo(ScalePlan.Bands));
            Assert.That(plan.Operators, Has.Length.EqualTo(ScalePlan.Operators));
            Assert.That(plan.Cases, Has.Length.EqualTo(ScalePlan.Cases));
            Assert.That(expansion.Cells, Has.Length.EqualTo(ScalePlan.Bands * ScalePlan.Operators));
            Assert.That(expansion.Cells.Sum(c => c.Pairs), Is.EqualTo(ScalePlan.Bands * ScalePlan.Operators * 100));
            Assert.That(expansion.Executions.Length, Is.GreaterThan(10_000));
            Assert.That(expansion.Exclusions.Select(e => e.Kind).Distinct().Count(), Is.EqualTo(3));
            Assert.That(expansion.Executions.Select(e => e.Id).Distinct().Count(), Is.EqualTo(expansion.Executions.Length));
            Assert.That(second.Executions.Select(e => e.Id), Is.EqualTo(expansion.Executions.Select(e => e.Id)));
        }
    }
}
