using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>Unknown keys, missing keys, wrong types and YAML syntax: each error names file, line, column, key path and a hint.</summary>
public class PlanSyntaxAndKeySpecs
{
    private const string A = Root + "/" + Acme + ":";

    private static readonly string[] MiniProducts = ["acme/cu-1", "acme/du-1", "acme/ru-1", "beta/ru-2"];
    private static readonly string[] MiniCases = ["timing", "prach", "throughput"];

    [Test]
    public void The_mini_plan_must_load()
    {
        var plan = Mini().Load();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Lab.Products.Select(p => p.Id), Is.EqualTo(MiniProducts));
            Assert.That(plan.Bands.Single().Prbs, Is.EqualTo(273));
            Assert.That(plan.Cases.Select(c => c.Id), Is.EqualTo(MiniCases));
            Assert.That(plan.FindCampaign("c1"), Is.Not.Null);
        }
    }

    [Test]
    public void TestPlanLoader_must_report_an_unknown_key_with_a_suggestion()
    {
        Assert.That(Mini().With(Acme, 5, "    modell: DU One").Errors(), Is.EqualTo(new[]
        {
            A + "3:5: products[0].model: required key is missing: the vendor's model name",
            A + "5:5: products[0].modell: unknown key; did you mean 'model'?",
        }));
    }

    [Test]
    public void TestPlanLoader_must_list_the_keys_of_a_mapping_when_nothing_is_close()
    {
        Assert.That(Mini().With(Benches, 2, "  - {id: emulated, kind: emulated, colour: red}").Errors(), Is.EqualTo(new[]
        {
            Root + "/" + Benches + ":2:36: benches[0].colour: unknown key; benches[0] takes id, kind, description, products, capture",
        }));
    }

    [Test]
    public void TestPlanLoader_must_refuse_fronthaul_capabilities_on_an_O_CU()
    {
        Assert.That(Mini().With(Acme, 41, "    capabilities: {f1ap-versions: [\"16.4\"], mtu: 9000}").Errors(), Is.EqualTo(new[]
        {
            A + "41:45: products[2].capabilities.mtu: unknown key; products[2].capabilities takes f1ap-versions",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_a_YAML_syntax_error_at_its_position()
    {
        var errors = Mini().With(Band, 4, "  bandwidth: 100MHz").Errors();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith(Root + "/" + Band + ":4:").And.Contain("YAML syntax error"));
        Assert.That(Mini().With(Band, 4, "bandwidth: [100MHz").Errors(), Is.EqualTo(new[]
        {
            Root + "/" + Band + ":1:1: YAML syntax error: the file ends inside an unclosed [ or {",
        }), "YamlDotNet throws without a position here");
    }

    [Test]
    public void TestPlanLoader_must_report_a_value_of_the_wrong_type()
    {
        Assert.That(Mini().With(Acme, 14, "      mtu: jumbo").Errors(), Is.EqualTo(new[]
        {
            A + "14:12: products[0].capabilities.mtu: expected an integer 1500..9216, got 'jumbo'",
        }));
        Assert.That(Mini().With(Acme, 9, "      numerologies: 1").Errors(), Is.EqualTo(new[]
        {
            A + "9:21: products[0].capabilities.numerologies: expected a numerology µ 0..3 as a list ([a, b] or '- ' lines), got '1'",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_every_error_of_every_file_at_once_in_file_order()
    {
        var errors = Mini()
            .With(Acme, 14, "      mtu: 100")
            .With(Acme, 21, "    role: o-rru")
            .With(Band, 2, "environment: downtown")
            .With(Campaign, 2, "cases: some")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/" + Band + ":2:14: environment: expected one of dense-urban, urban, suburban, rural, indoor, industrial, got 'downtown'",
            Root + "/" + Campaign + ":2:8: cases: 'some' is not a case selection: write all, or {ids: [...], groups: [...], statuses: [...]}",
            A + "14:12: products[0].capabilities.mtu: 100 is outside 1500..9216",
            A + "21:11: products[1].role: expected one of o-du, o-ru, o-cu, got 'o-rru'",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_a_list_item_given_twice()
    {
        Assert.That(Mini().With(Acme, 16, "      sync-topologies: [lls-c1, lls-c1]").Errors(), Is.EqualTo(new[]
        {
            A + "16:33: products[0].capabilities.sync-topologies[1]: 'lls-c1' is listed twice",
        }));
    }

    [Test]
    public void TestPlanLoader_must_suggest_the_closest_name_of_a_fixed_set()
    {
        Assert.That(Mini().With(Acme, 16, "      sync-topologies: [lls-c1, lls-c9]").Errors(), Is.EqualTo(new[]
        {
            A + "16:33: products[0].capabilities.sync-topologies[1]: 'lls-c9' is not an S-plane topology; did you mean 'lls-c1'?",
        }));
    }

    [Test]
    public void TestPlanLoader_must_require_ids_in_kebab_case()
    {
        Assert.That(Mini().With(Acme, 3, "  - id: DU_1").Errors(), Is.EqualTo(new[]
        {
            A + "3:9: products[0].id: 'DU_1' is not an id: use lower-case letters, digits and single '-' between words "
                + "(kebab-case, at most 64 characters), e.g. xd-100",
        }));
    }

    [Test]
    public void TestPlanLoader_must_require_the_id_of_a_file_to_be_its_name()
    {
        Assert.That(Mini().Plus(Band, "id: n78-town").Errors(), Is.EqualTo(new[]
        {
            Root + "/" + Band + ":7:5: id: the id 'n78-town' differs from the file name 'n78-city': name the file n78-town.yaml "
                + "(one item per file, found by its id)",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_a_missing_folder_of_the_layout()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-plan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(directory, "bands"));
        try
        {
            var ex = Assert.Throws<OranTestbed.Plans.Yaml.PlanValidationException>(() => TestPlanLoader.Load(directory));
            Assert.That(ex!.Errors.Select(e => e.Message), Does.Contain("the plan has no vendor files (lab/vendors/VENDOR.yaml)")
                .And.Contain("the plan has no band files (bands/ID.yaml)"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
