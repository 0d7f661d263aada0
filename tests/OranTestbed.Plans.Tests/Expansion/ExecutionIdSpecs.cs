using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Expansion;

/// <summary>Execution ids are content hashes of what is tested: stable across loads, blind to descriptions and thresholds.</summary>
public class ExecutionIdSpecs
{
    private static string[] Ids(PlanText text)
    {
        var plan = text.Load();
        return [.. CampaignExpander.Expand(plan, plan.FindCampaign("c1")!).Executions.Select(e => e.Id)];
    }

    [Test]
    public void ExecutionIds_must_be_the_first_64_bits_of_SHA_256_over_the_names_one_per_line()
    {
        // python3: hashlib.sha256("oran-testbed/execution/v1\noperator-a\nn78-urban\nNR-TDD-FR1-CAT-A-NoBF\n
        //   n78-100mhz-tdd-bfp9-2644\nxylem/xd-100\nymir/yr-400\n\ndm-in-between\n1".encode()).hexdigest()[:16]
        Assert.That(ExecutionIds.Of("operator-a", "n78-urban", "NR-TDD-FR1-CAT-A-NoBF", "n78-100mhz-tdd-bfp9-2644", "xylem/xd-100",
            "ymir/yr-400", null, "dm-in-between", 1), Is.EqualTo("f200dc462042211d"));
    }

    [Test]
    public void The_same_plan_must_give_the_same_ids_on_every_expansion()
    {
        var first = Ids(Mini());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(Mini()), Is.EqualTo(first));
            Assert.That(first.Distinct().Count(), Is.EqualTo(first.Length));
            Assert.That(first, Has.All.Match("^[0-9a-f]{16}$"));
        }
    }

    [Test]
    public void Ids_must_not_change_with_descriptions_thresholds_versions_or_the_campaign()
    {
        var first = Ids(Mini());
        var edited = Mini()
            .With(Operator, 11, "      throughput: {dl-throughput-ratio: \">= 0.95\"}")
            .With(Acme, 6, "    versions: {hardware: \"2\", software: \"9.9\", firmware: \"9.9\"}")
            .Plus(Band, "description: renamed")
            .File(Campaign, "operators: [op-a]", "cases: all", "priorities: {cases: {prach: 3}}");
        Assert.That(Ids(edited).Order(), Is.EqualTo(first.Order()));
        var renamed = Mini().Without(Campaign).File("campaigns/c2.yaml", "operators: [op-a]", "cases: all").Load();
        Assert.That(CampaignExpander.Expand(renamed, renamed.FindCampaign("c2")!).Executions.Select(e => e.Id), Is.EqualTo(first),
            "the same test in another campaign is the same execution");
    }

    [Test]
    public void Ids_must_change_when_what_is_tested_changes()
    {
        var first = Ids(Mini());
        var otherProfile = Ids(Mini().With(Profile, 1, "name: p78-b").With(Operator, 6,
            "  - {band: n78-city, fronthaul-profile: p78-b, iot-profile: NR-TDD-FR1-CAT-A-NoBF}"));
        var repeated = Ids(Mini().Plus(Campaign, "repetitions: 2"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherProfile.Intersect(first), Is.Empty);
            Assert.That(repeated.Intersect(first).Count(), Is.EqualTo(first.Length), "repetition 1 keeps its id");
            Assert.That(repeated.Except(first).Count(), Is.EqualTo(first.Length), "repetition 2 has new ids");
        }
    }
}
