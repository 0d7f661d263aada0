using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>
/// Operator profiles must pair each band with a fronthaul and IOT profile that describe the same carrier, and their
/// needs must not contradict each other; campaigns must select something their operators can run.
/// </summary>
public class OperatorAndCampaignValueSpecs
{
    private const string O = Root + "/" + Operator + ":";
    private const string K = Root + "/" + Campaign + ":";

    [Test]
    public void An_operator_band_must_have_a_fronthaul_profile_of_the_bands_carrier()
    {
        var errors = Mini()
            .With(Profile, 3, "bandwidth: 90MHz")
            .With(Profile, 9, "tdd-pattern: {slots: DDDDU}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            O + "6:41: bands[0].fronthaul-profile: fronthaul profile p78 carries 245 PRBs but band n78-city is 273 PRBs (100 MHz at 30 kHz)",
            O + "6:41: bands[0].fronthaul-profile: fronthaul profile p78 has TDD pattern DDDDU but band n78-city has DDDSU (S = 10:2:2)",
        }));
    }

    [Test]
    public void An_operator_band_must_have_a_fronthaul_profile_the_IOT_profile_allows()
    {
        var errors = Mini()
            .With(Profile, 4, "eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}")
            .With(Profile, 7, "  ul: {method: bfp, iq-width: 9, comp-hdr: true}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            O + "6:41: bands[0].fronthaul-profile: fronthaul profile p78 compresses UL with bfp:9 with udCompHdr in sections, which "
                + "IOT profile NR-TDD-FR1-CAT-A-NoBF does not allow (bfp:9/14)",
            O + "6:41: bands[0].fronthaul-profile: fronthaul profile p78 splits the eAxC id 4/4/4/4, which IOT profile "
                + "NR-TDD-FR1-CAT-A-NoBF does not allow (2/6/4/4)",
        }));
    }

    [Test]
    public void An_operator_band_must_have_an_IOT_profile_of_the_bands_duplex_SCS_and_the_operators_timing()
    {
        var errors = Mini()
            .With(PlanText.Iot, 4, "duplex: fdd")
            .With(PlanText.Iot, 6, "subcarrier-spacings: [15kHz]")
            .With(PlanText.Iot, 12, "sync-topologies: [lls-c1]")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            O + "6:59: bands[0].iot-profile: IOT profile NR-TDD-FR1-CAT-A-NoBF is for FDD but band n78-city is TDD",
            O + "6:59: bands[0].iot-profile: IOT profile NR-TDD-FR1-CAT-A-NoBF allows 15 kHz, not band n78-city's 30 kHz",
            O + "6:59: bands[0].iot-profile: IOT profile NR-TDD-FR1-CAT-A-NoBF allows S-plane lls-c1, none of which the operator runs (lls-c3)",
        }));
    }

    [Test]
    public void An_operator_must_not_be_cost_first_and_quality_first_nor_make_a_case_mandatory_and_skip_it()
    {
        var errors = Mini().Plus(Operator,
            "    mandatory-cases: [prach]",
            "  - id: cheap",
            "    kind: cost-first",
            "    skip-cases: [prach]").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            O + "14:11: needs[1].kind: an operator is either cost-first or quality-first, not both",
            O + "15:18: needs[1].skip-cases[0]: 'prach' is in mandatory-cases of need 'fast' too: a case cannot be both mandatory and skipped",
        }));
    }

    [Test]
    public void An_operator_threshold_must_name_a_metric_of_the_case_in_its_unit()
    {
        Assert.That(Mini().With(Operator, 11, "      throughput: {dl-rate: \">= 0.9\"}").Errors(), Is.EqualTo(new[]
        {
            O + "11:20: needs[0].thresholds.throughput.dl-rate: case throughput has no metric 'dl-rate'; its metrics: dl-throughput-ratio",
        }));
        Assert.That(Mini().With(Operator, 11, "      throughput: {dl-throughput-ratio: \">= 900Mbps\"}").Errors(), Is.EqualTo(new[]
        {
            O + "11:41: needs[0].thresholds.throughput.dl-throughput-ratio: '900Mbps' is not a ratio: write a fraction 0..1 (0.001) or a percentage (0.1%)",
        }));
    }

    [Test]
    public void An_equipment_reuse_need_must_name_installed_products_of_the_operators_vendors()
    {
        var errors = Mini()
            .With(Operator, 2, "vendors: [acme]")
            .Plus(Operator, "  - {id: keep, kind: equipment-reuse}", "  - {id: keep-too, kind: equipment-reuse, products: [beta/ru-2]}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            O + "12:5: needs[1].products: required key is missing: an installed product VENDOR/PRODUCT",
            O + "13:54: needs[2].products[0]: beta/ru-2 is not from one of the operator's vendors (acme): add beta to vendors",
        }));
    }

    [Test]
    public void A_campaign_must_keep_only_bands_and_products_its_operators_use()
    {
        var errors = Mini()
            .File("bands/n77-wide.yaml", "band: n77", "environment: suburban", "arfcn: 650000", "bandwidth: 100MHz", "subcarrier-spacing: 30kHz",
                "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}")
            .File("lab/vendors/gamma.yaml", "name: Gamma", "products:", "  - {id: cu-9, role: o-cu, model: C, versions: {hardware: a, software: b, firmware: c},",
                "     capabilities: {f1ap-versions: [\"16.4\"]}, driver: emulated}")
            .With(Campaign, 2, "cases: all")
            .Plus(Campaign, "bands: [n77-wide]", "products: [gamma/cu-9]")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            K + "3:9: bands[0]: band 'n77-wide' is not a band of op-a: the campaign would select nothing there",
            K + "4:12: products[0]: gamma/cu-9 is not from a vendor of op-a: the campaign would never use it",
        }));
    }

    [Test]
    public void A_campaign_must_select_some_case_run_a_sane_number_of_times_and_weigh_only_its_own_operators()
    {
        var errors = Mini().File(Campaign,
            "operators: [op-a]",
            "cases: {ids: []}",
            "repetitions: 0",
            "capture-duration: 2",
            "priorities: {operators: {op-b: 5}, groups: {prach: high}}").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            K + "2:8: cases: the selection selects no case: give ids, groups or statuses (or cases: all)",
            K + "3:14: repetitions: 0 is outside 1..1000",
            K + "4:19: capture-duration: '2' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): "
                + "write 2us or 2ns (units ns, us, ms, s)",
            K + "5:26: priorities.operators.op-b: 'op-b' is not one of the campaign's operators (op-a)",
            K + "5:52: priorities.groups.prach: expected a weight -1000..1000 (higher runs first), got 'high'",
        }));
    }
}
