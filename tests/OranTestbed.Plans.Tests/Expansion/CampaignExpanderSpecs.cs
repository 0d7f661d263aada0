using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;
using static OranTestbed.Plans.Tests.Support.Expected;

namespace OranTestbed.Plans.Tests.Expansion;

/// <summary>What a campaign expands into: executions of compatible combinations, and every exclusion with its reason.</summary>
public class CampaignExpanderSpecs
{
    private static CampaignExpansion Expand(PlanText text, string campaign = "c1")
    {
        var plan = text.Load();
        return CampaignExpander.Expand(plan, plan.FindCampaign(campaign)!);
    }

    private static string Reason(CampaignExpansion expansion, ExclusionKind kind) =>
        expansion.Exclusions.Single(e => e.Kind == kind).Reason;

    [Test]
    public void CampaignExpander_must_run_every_case_on_every_compatible_pair_and_say_why_the_rest_does_not()
    {
        var expansion = Expand(Mini());
        var rows = expansion.Executions.Select(e => $"{e.Products} {e.Case.Id}").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Is.EqualTo(Of(
                "acme/du-1 × acme/ru-1 timing",
                "acme/du-1 × acme/ru-1 prach",
                "acme/du-1 × acme/ru-1 × acme/cu-1 throughput",
                "acme/du-1 × beta/ru-2 timing",
                "acme/du-1 × beta/ru-2 × acme/cu-1 throughput")));
            Assert.That(expansion.Exclusions, Is.EqualTo(Of(
                new Exclusion(ExclusionKind.Execution, "op-a", "n78-city", "acme/du-1", "beta/ru-2", null, "prach",
                    "O-RU beta/ru-2 does not support section type 3"))));
            Assert.That(expansion.Exclusions[0].What, Is.EqualTo("prach on acme/du-1 × beta/ru-2 in n78-city for op-a"));
            Assert.That(expansion.Cells, Is.EqualTo(Of(new ExpansionCell("n78-city", "op-a", "NR-TDD-FR1-CAT-A-NoBF", 5, 2, 2, 1))));
        }
    }

    [Test]
    public void An_execution_must_run_after_the_executions_of_its_prerequisites_on_the_same_pair()
    {
        var expansion = Expand(Mini());
        var timing = expansion.Executions[0];
        var prach = expansion.Executions[1];
        Assert.That(prach.After, Is.EqualTo(Of(timing.Id)));
        Assert.That(expansion.Executions.Where(e => e.Case.Id != "prach").SelectMany(e => e.After), Is.Empty);
    }

    [Test]
    public void A_case_must_be_excluded_where_its_prerequisite_is_excluded()
    {
        var expansion = Expand(Mini().With(Cases, 6, "    reference: test\n    requires: {m-plane-profiles: [hybrid-sudo-nms]}"));
        var reasons = expansion.Exclusions.Where(e => e.ORu == "acme/ru-1").Select(e => $"{e.Case}: {e.Reason}").ToList();
        Assert.That(reasons, Is.EqualTo(Of(
            "timing: O-DU acme/du-1 does not support M-plane hybrid-sudo-nms; O-RU acme/ru-1 does not support M-plane hybrid-sudo-nms",
            "prach: it runs after timing, which is excluded on this combination")));
    }

    [Test]
    public void A_combination_must_be_excluded_with_every_reason_of_its_products()
    {
        var expansion = Expand(Mini()
            .With(Beta, 8, "      bands: [n77]")
            .With(Beta, 12, "      compression: [{method: bfp, widths: [14]}]")
            .With(Beta, 13, "      eaxc-id-bits: [{du-port: 4, band-sector: 2, cc: 4, ru-port: 6}]"));
        Assert.That(expansion.Exclusions.Single(e => e.Kind == ExclusionKind.Combination).Reason, Is.EqualTo(
            "O-RU beta/ru-2 does not support n78 (it supports n77); O-RU beta/ru-2 does not support bfp:9 (it supports bfp:14); "
            + "O-RU beta/ru-2 does not support the eAxC split 2/6/4/4 of p78 (it supports 4/2/4/6)"));
    }

    [Test]
    public void A_combination_must_be_excluded_when_a_symbol_does_not_fit_the_MTU_and_cannot_be_split()
    {
        var rigid = Expand(Mini().With(Beta, 15, "      mtu: 1500"));
        Assert.That(Reason(rigid, ExclusionKind.Combination), Is.EqualTo(
            "a U-plane symbol of 273 PRBs at bfp:9 takes 7660 B, more than the link MTU of 1500 B (beta/ru-2), and acme/du-1 cannot "
            + "split a symbol over several messages"));
        var split = Expand(Mini().With(Beta, 15, "      mtu: 1500\n      u-plane-fragmentation: true").With(Acme, 14, "      mtu: 9000\n      u-plane-fragmentation: true"));
        Assert.That(split.Exclusions.Where(e => e.Kind == ExclusionKind.Combination), Is.Empty);
    }

    [Test]
    public void A_combination_must_be_excluded_when_its_products_share_no_sync_topology_or_link_speed()
    {
        var expansion = Expand(Mini()
            .With(Operator, 4, "sync-topologies: [lls-c1, lls-c3]")
            .With(Acme, 16, "      sync-topologies: [lls-c1]")
            .With(Acme, 15, "      link-speeds: [10G]"));
        Assert.That(expansion.Exclusions.Where(e => e.ORu == "beta/ru-2" && e.Case is null).Single().Reason, Is.EqualTo(
            "acme/du-1 and beta/ru-2 share no S-plane topology that op-a runs (acme/du-1: lls-c1; beta/ru-2: lls-c3; op-a: lls-c1, lls-c3); "
            + "acme/du-1 and beta/ru-2 have no fronthaul link speed in common (acme/du-1: 10G; beta/ru-2: 25G)"));
    }

    [Test]
    public void A_combination_must_be_excluded_when_no_bench_hosts_it()
    {
        var expansion = Expand(Mini().With(Benches, 2,
            "  - {id: rack-1, kind: physical, products: [acme/du-1, acme/ru-1, acme/cu-1], capture: {interface: eth1}}"));
        Assert.That(Reason(expansion, ExclusionKind.Combination), Is.EqualTo(
            "no bench hosts both acme/du-1 and beta/ru-2 (the emulated bench runs only emulated products; rack-1 has acme/du-1, acme/ru-1, acme/cu-1)"));
        Assert.That(expansion.Executions, Has.Length.EqualTo(3));
    }

    [Test]
    public void A_bench_without_capture_must_run_only_the_cases_that_capture_nothing()
    {
        var text = Mini().With(Benches, 2, "  - {id: mplane, kind: physical, products: [acme/du-1, acme/ru-1, acme/cu-1]}")
            .Plus(Cases,
                "  - id: mp",
                "    name: M-plane",
                "    status: mandatory",
                "    reference: test",
                "    procedure: [configure, {m-plane: {check: retrieval}}]",
                "    metrics: [{id: retrieved-nodes, description: nodes, unit: count, source: o-ru-counters, threshold: \">= 1\"}]",
                "    expected-duration: 10s");
        var plan = text.Load();
        var expansion = CampaignExpander.Expand(plan, plan.FindCampaign("c1")!);
        var bench = plan.Lab.Benches.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expansion.Executions.Select(e => $"{e.Products} {e.Case.Id}"), Is.EqualTo(Of("acme/du-1 × acme/ru-1 mp")));
            Assert.That(expansion.Exclusions.Where(e => e.ORu == "acme/ru-1").Select(e => $"{e.Case}: {e.Reason}"), Is.EqualTo(Of(
                "timing: no bench hosting acme/du-1 and acme/ru-1 captures the fronthaul (the case captures; an M-plane bench has no capture interface)",
                "prach: no bench hosting acme/du-1 and acme/ru-1 captures the fronthaul (the case captures; an M-plane bench has no capture interface); "
                + "it runs after timing, which is excluded on this combination",
                "throughput: no bench hosting acme/du-1 and acme/ru-1 captures the fronthaul (the case captures; an M-plane bench has no capture interface)")));
            Assert.That(bench.Captures, Is.False);
            Assert.That(bench.Runs(expansion.Executions[0]), Is.True);
        }
    }

    [Test]
    public void A_case_that_the_IOT_profile_or_the_operator_rules_out_must_be_excluded_once_per_band()
    {
        var expansion = Expand(Mini().With(Cases, 19, "    requires: {section-types: [3], beamforming: [digital], sync-topologies: [lls-c2]}"));
        Assert.That(expansion.Exclusions.Single(e => e.Case == "prach"), Is.EqualTo(new Exclusion(ExclusionKind.Case, "op-a", "n78-city",
            null, null, null, "prach",
            "the case needs digital beamforming; IOT profile NR-TDD-FR1-CAT-A-NoBF has none; the case needs S-plane lls-c2, which op-a "
            + "does not run with NR-TDD-FR1-CAT-A-NoBF (lls-c3)")));
    }

    [Test]
    public void A_case_needing_an_O_CU_must_run_with_every_compatible_O_CU_and_be_excluded_without_one()
    {
        var two = Expand(Mini().Plus(Acme,
            "  - id: cu-2", "    role: o-cu", "    model: CU Two", "    versions: {hardware: \"1\", software: \"1.0\", firmware: \"1.0\"}",
            "    capabilities: {f1ap-versions: [\"16.4\", \"17.2\"]}", "    driver: emulated"));
        Assert.That(two.Executions.Where(e => e.Case.Id == "throughput").Select(e => e.Products.OCu!.Id),
            Is.EqualTo(Of("acme/cu-1", "acme/cu-2", "acme/cu-1", "acme/cu-2")));
        var none = Expand(Mini().With(Acme, 41, "    capabilities: {f1ap-versions: [\"17.2\"]}"));
        Assert.That(none.Exclusions.Where(e => e.Case == "throughput").Select(e => e.Reason).Distinct(), Is.EqualTo(Of(
            "the case needs an O-CU and none fits: acme/cu-1 speaks F1AP 17.2, acme/du-1 16.4")));
    }

    [Test]
    public void Operator_needs_must_make_cases_mandatory_skip_cases_and_set_thresholds()
    {
        var text = Mini()
            .Plus(Operator, "    mandatory-cases: [timing]", "  - id: cheap", "    kind: site-sharing", "    skip-cases: [prach]")
            .File(Campaign, "operators: [op-a]", "cases: {groups: [prach, cu-plane]}");
        var expansion = Expand(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expansion.Executions.Select(e => e.Case.Id).Distinct(), Is.EqualTo(Of("throughput")));
            Assert.That(expansion.Executions[0].Case.Metrics.Single().Threshold.ToString(), Is.EqualTo(">= 0.9"), "need fast sets it");
            Assert.That(expansion.Exclusions.Select(e => $"{e.Case} {e.Band ?? "*"}: {e.Reason}"), Is.EqualTo(Of(
                "timing *: mandatory for op-a (need fast) but campaign c1 does not select it",
                "prach *: op-a skips it (need cheap, site-sharing)")));
        }
    }

    [Test]
    public void A_case_mandatory_for_the_operator_must_count_as_mandatory_when_the_campaign_selects_by_status()
    {
        var expansion = Expand(Mini().With(Cases, 31, "    status: optional").File(Campaign, "operators: [op-a]", "cases: {statuses: [mandatory]}")
            .Plus(Operator, "    mandatory-cases: [throughput]"));
        Assert.That(expansion.Executions.Select(e => e.Case.Id).Distinct(), Is.EqualTo(Of("timing", "throughput")));
        Assert.That(expansion.Executions.Last().Case.MandatoryByNeeds, Is.EqualTo(Of("fast")));
    }

    [Test]
    public void Repetitions_must_give_each_repetition_its_own_id_and_order_prerequisites_per_repetition()
    {
        var expansion = Expand(Mini().Plus(Campaign, "repetitions: 3"));
        var timings = expansion.Executions.Where(e => e.Case.Id == "timing" && e.Products.ORu.Id == "acme/ru-1").ToList();
        var prachs = expansion.Executions.Where(e => e.Case.Id == "prach").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(expansion.Executions, Has.Length.EqualTo(15));
            Assert.That(expansion.Executions.Select(e => e.Id).Distinct().Count(), Is.EqualTo(15));
            Assert.That(prachs.Select(p => p.Repetition), Is.EqualTo(Of(1, 2, 3)));
            Assert.That(prachs.Select(p => p.After.Single()), Is.EqualTo(timings.Select(t => t.Id)));
        }
    }

    [Test]
    public void Priorities_must_order_executions_and_keep_the_expansion_order_among_equals()
    {
        var expansion = Expand(Mini().Plus(Campaign, "priorities: {cases: {throughput: 5}, groups: {prach: 7}}"));
        Assert.That(expansion.Executions.Select(e => $"{e.Priority} {e.Case.Id} {e.Products.ORu.Id}"), Is.EqualTo(Of(
            "7 prach acme/ru-1", "5 throughput acme/ru-1", "5 throughput beta/ru-2", "0 timing acme/ru-1", "0 timing beta/ru-2")));
    }

    [Test]
    public void A_campaign_capture_duration_must_replace_every_capture_and_shorten_the_expected_duration()
    {
        var throughput = Expand(Mini().Plus(Campaign, "capture-duration: 2s")).Executions.First(e => e.Case.Id == "throughput").Case;
        Assert.That(throughput.Procedure.OfType<CaptureStep>().Single().Duration, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(throughput.ExpectedDuration, Is.EqualTo(TimeSpan.FromSeconds(102)));
        Assert.That(throughput.Case.Procedure.OfType<CaptureStep>().Single().Duration, Is.EqualTo(TimeSpan.FromSeconds(20)), "the library is unchanged");
    }

    [Test]
    public void Product_and_band_filters_must_narrow_the_expansion()
    {
        var expansion = Expand(Mini().Plus(Campaign, "products: [acme/du-1, acme/ru-1]", "bands: [n78-city]"));
        Assert.That(expansion.Executions.Select(e => e.Case.Id), Is.EqualTo(Of("timing", "prach")));
        Assert.That(expansion.Exclusions.Single().Reason, Is.EqualTo("the case needs an O-CU and op-a has none in the campaign"));
    }
}
