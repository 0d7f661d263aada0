using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;
using static OranTestbed.Plans.Tests.Support.Expected;

namespace OranTestbed.Plans.Tests;

/// <summary>The demo lab in testplans/: it validates, and its demo campaign is small, quick and shows sensible exclusions.</summary>
public class ShippedPlanSpecs
{
    private static readonly Lazy<TestPlan> Shipped = new(() => TestPlanLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans")));

    private static TestPlan Plan => Shipped.Value;

    private static CampaignExpansion Demo => CampaignExpander.Expand(Plan, Plan.FindCampaign("demo")!);

    [Test]
    public void The_lab_must_have_six_vendors_and_the_agreed_products_in_their_roles()
    {
        var roles = Plan.Lab.Products.ToDictionary(p => p.Id, p => p.Role);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plan.Lab.Vendors, Has.Length.EqualTo(6));
            foreach (var du in Of("xylem/xd-100", "polaris/pd-7"))
            {
                Assert.That(roles[du], Is.EqualTo(ProductRole.ODu), du);
            }

            foreach (var ru in Of("ymir/yr-400", "quasar/q-300", "radian/rr-800", "zephyr/zr-200"))
            {
                Assert.That(roles[ru], Is.EqualTo(ProductRole.ORu), ru);
            }

            foreach (var cu in Of("zephyr/zc-1", "radian/rc-5"))
            {
                Assert.That(roles[cu], Is.EqualTo(ProductRole.OCu), cu);
            }

            Assert.That(Plan.Lab.Products.Select(p => p.Driver).OfType<CommandLineDriver>(), Is.Not.Empty, "one real product shows the command-line driver");
        }
    }

    [Test]
    public void The_operators_must_buy_from_the_agreed_vendors()
    {
        Assert.That(Plan.FindOperator("operator-a")!.Vendors, Is.SupersetOf(Of("xylem", "ymir", "zephyr")));
        Assert.That(Plan.FindOperator("operator-b")!.Vendors, Is.SupersetOf(Of("polaris", "quasar", "radian")));
    }

    [Test]
    public void The_bands_must_be_an_urban_n78_TDD_and_a_rural_n28_FDD_carrier()
    {
        var urban = Plan.FindBand("n78-urban")!;
        var rural = Plan.FindBand("n28-rural")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((urban.OperatingBand.Name, urban.Duplex, urban.BandwidthMHz, urban.SubcarrierSpacingKHz, urban.Prbs),
                Is.EqualTo(("n78", DuplexMode.Tdd, 100, 30, 273)));
            Assert.That((rural.OperatingBand.Name, rural.Duplex, rural.BandwidthMHz, rural.SubcarrierSpacingKHz, rural.Prbs),
                Is.EqualTo(("n28", DuplexMode.Fdd, 20, 15, 106)));
            Assert.That(urban.Environment, Is.Not.EqualTo(rural.Environment));
        }
    }

    [Test]
    public void The_case_library_must_hold_at_least_20_cases_in_every_group()
    {
        Assert.That(Plan.Cases, Has.Length.GreaterThanOrEqualTo(20));
        Assert.That(Plan.Cases.Select(c => c.Group).Distinct(), Is.EquivalentTo(Enum.GetValues<TestCaseGroup>()));
        Assert.That(Plan.Cases.Where(c => c.Status == TestCaseStatus.Mandatory), Is.Not.Empty);
        Assert.That(Plan.IotProfiles.Select(p => p.Name), Does.Contain("NR-TDD-FR1-CAT-A-NoBF"));
    }

    [Test]
    public void The_demo_campaign_must_be_8_to_24_short_executions_on_emulated_equipment_and_one_M_plane_O_RU()
    {
        var demo = Demo;
        var overSsh = demo.Executions.Where(e => e.Products.ORu.Driver is NetconfDriver).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(demo.Executions, Has.Length.InRange(8, 24));
            Assert.That(demo.Executions.SelectMany(e => e.Case.Procedure.OfType<CaptureStep>()).Select(c => c.Duration),
                Has.All.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
            Assert.That(demo.Executions.Select(e => e.Products.ODu.Driver).Concat(demo.Executions.Except(overSsh).Select(e => e.Products.ORu.Driver)),
                Has.All.InstanceOf<EmulatedDriver>());
            Assert.That(overSsh.Select(e => $"{e.Products} {e.Case.Id}").Distinct(), Is.EqualTo(Of("xylem/xd-100 × ymir/yr-410 mp-conf-configurability-negative")),
                "the M-plane bench's O-RU runs the M-plane case over SSH, and no case that captures");
            Assert.That(demo.Executions.Count(e => e.Case.Id == "mp-conf-configurability-negative"), Is.GreaterThan(overSsh.Count),
                "the emulated O-RUs run the M-plane case in-process");
            Assert.That(demo.Executions.Select(e => e.Setup.Operator.Id).Distinct(), Is.EquivalentTo(Of("operator-a", "operator-b")));
            Assert.That(demo.Executions.Select(e => e.Setup.Band.Id).Distinct(), Is.EquivalentTo(Of("n78-urban", "n28-rural")));
        }
    }

    [Test]
    public void The_demo_campaign_must_exclude_incompatible_combinations_with_their_reasons()
    {
        var reasons = Demo.Exclusions.Select(e => e.Reason).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reasons, Has.All.Not.Empty);
            Assert.That(reasons, Has.Some.Contains("O-RU quasar/q-300 does not support n78"));
            Assert.That(reasons, Has.Some.Contains("O-RU quasar/q-300 does not support bfp:9"));
            Assert.That(reasons, Has.Some.Contains("O-RU zephyr/zr-200 does not support section type 3"));
            Assert.That(reasons, Has.Some.Contains("does not support the eAxC split 4/2/4/6"));
            Assert.That(Demo.Exclusions.Select(e => e.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<ExclusionKind>()));
        }
    }

    [Test]
    public void The_demo_campaign_must_expand_to_the_same_ids_every_time()
    {
        var again = TestPlanLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans"));
        var ids = Demo.Executions.Select(e => e.Id).ToList();
        Assert.That(CampaignExpander.Expand(again, again.FindCampaign("demo")!).Executions.Select(e => e.Id), Is.EqualTo(ids));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
    }

    [Test]
    public void Every_shipped_campaign_must_expand()
    {
        foreach (var campaign in Plan.Campaigns)
        {
            var expansion = CampaignExpander.Expand(Plan, campaign);
            Assert.That(expansion.Executions, Is.Not.Empty, campaign.Id);
        }
    }
}
