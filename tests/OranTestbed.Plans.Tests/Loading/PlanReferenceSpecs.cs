using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>Missing references, duplicate ids, dependency cycles and emulator personalities, across files.</summary>
public class PlanReferenceSpecs
{
    private const string O = Root + "/" + Operator + ":";
    private const string C = Root + "/" + Cases + ":";

    [Test]
    public void TestPlanLoader_must_report_an_unknown_band_with_the_closest_id()
    {
        Assert.That(Mini().With(Operator, 6, "  - {band: n78-cty, fronthaul-profile: p78, iot-profile: NR-TDD-FR1-CAT-A-NoBF}").Errors(),
            Is.EqualTo(new[] { O + "6:12: bands[0].band: unknown band 'n78-cty'; did you mean 'n78-city'?" }));
    }

    [Test]
    public void TestPlanLoader_must_list_the_known_ids_when_none_is_close()
    {
        Assert.That(Mini().With(Operator, 2, "vendors: [acme, zeta-networks]").Errors(),
            Is.EqualTo(new[] { O + "2:17: vendors[1]: unknown vendor 'zeta-networks'; known: acme, beta" }));
    }

    [Test]
    public void TestPlanLoader_must_report_unknown_fronthaul_and_IOT_profiles()
    {
        Assert.That(Mini().With(Operator, 6, "  - {band: n78-city, fronthaul-profile: p79, iot-profile: NR-TDD-FR1-CAT-A-DBF}").Errors(), Is.EqualTo(new[]
        {
            O + "6:41: bands[0].fronthaul-profile: unknown fronthaul profile 'p79'; did you mean 'p78'? (the profile's name: key, or its file name)",
            O + "6:59: bands[0].iot-profile: unknown IOT profile 'NR-TDD-FR1-CAT-A-DBF'; did you mean 'NR-TDD-FR1-CAT-A-NoBF'?",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_unknown_cases_products_and_operators_of_a_campaign()
    {
        var errors = Mini().File(Campaign,
            "operators: [op-a, op-b]",
            "products: [acme/du-1, acme/ru-9]",
            "cases: {ids: [timing, throughtput]}").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/" + Campaign + ":1:19: operators[1]: unknown operator profile 'op-b'; did you mean 'op-a'?",
            Root + "/" + Campaign + ":2:23: products[1]: unknown product 'acme/ru-9'; did you mean 'acme/ru-1'?",
            Root + "/" + Campaign + ":3:23: cases.ids[1]: unknown test case 'throughtput'; did you mean 'throughput'?",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_an_unknown_bench_product_and_a_malformed_product_id()
    {
        Assert.That(Mini().Plus(Benches, "  - {id: rack-1, kind: physical, products: [acme/du-2, du-1], capture: {interface: eth1}}").Errors(),
            Is.EqualTo(new[]
            {
                Root + "/" + Benches + ":3:45: benches[1].products[0]: unknown product 'acme/du-2'; did you mean 'acme/du-1'?",
                Root + "/" + Benches + ":3:56: benches[1].products[1]: 'du-1' is not a product: write VENDOR/PRODUCT with kebab-case ids, e.g. xylem/xd-100",
            }));
    }

    [Test]
    public void TestPlanLoader_must_report_an_unknown_case_in_depends_on_and_in_thresholds()
    {
        var errors = Mini().With(Cases, 20, "    depends-on: [timming]").With(Operator, 11, "      thruput: {dl-throughput-ratio: \">= 0.9\"}").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "20:18: cases[1].depends-on[0]: unknown test case 'timming'; did you mean 'timing'?",
            O + "11:7: needs[0].thresholds.thruput: unknown test case 'thruput'; known: prach, throughput, timing",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_a_duplicate_id_at_the_second_definition_with_the_first()
    {
        var errors = Mini().Plus(Beta,
            "  - id: ru-2",
            "    role: o-cu",
            "    model: CU Two",
            "    versions: {hardware: \"1\", software: \"1\", firmware: \"1\"}",
            "    capabilities: {f1ap-versions: [\"16.4\"]}",
            "    driver: emulated").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/" + Beta + ":20:9: products[1].id: duplicate product id 'beta/ru-2': already defined at testplans/lab/vendors/beta.yaml:3:9",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_duplicate_ids_across_files()
    {
        var errors = Mini()
            .File("iot/cases/more.yaml", "group: prach", "cases:", "  - id: prach", "    name: again", "    status: optional",
                "    reference: test", "    procedure: [configure]", "    metrics: [{id: m, description: m, unit: count, source: traffic-tool, threshold: \">= 1\"}]",
                "    expected-duration: 1s")
            .File("profiles/copy.yaml", [.. Mini().Text(Profile).TrimEnd('\n').Split('\n')])
            .File("iot/profiles/copy.yaml", [.. Mini().Text(PlanText.Iot).TrimEnd('\n').Split('\n')])
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/iot/cases/more.yaml:3:9: cases[0].id: duplicate test case id 'prach': already defined at testplans/iot/cases/cases.yaml:14:9",
            Root + "/iot/profiles/nobf.yaml:1:7: name: duplicate IOT profile id 'NR-TDD-FR1-CAT-A-NoBF': already defined at testplans/iot/profiles/copy.yaml:1:7",
            Root + "/profiles/p78.yaml:1:7: name: duplicate fronthaul profile id 'p78': already defined at testplans/profiles/copy.yaml:1:7",
        }));
    }

    [Test]
    public void TestPlanLoader_must_report_a_depends_on_cycle_once_with_its_path()
    {
        var errors = Mini().Plus(Cases,
            "  - id: a",
            "    name: A",
            "    status: optional",
            "    reference: test",
            "    depends-on: [b]",
            "    procedure: [configure]",
            "    metrics: [{id: m, description: m, unit: count, source: traffic-tool, threshold: \">= 1\"}]",
            "    expected-duration: 1s",
            "  - id: b",
            "    name: B",
            "    status: optional",
            "    reference: test",
            "    depends-on: [timing, a]",
            "    procedure: [configure]",
            "    metrics: [{id: m, description: m, unit: count, source: traffic-tool, threshold: \">= 1\"}]",
            "    expected-duration: 1s").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "54:26: cases[4].depends-on[1]: depends-on forms a cycle: a -> b -> a; no order can run these cases",
        }));
    }

    [Test]
    public void TestPlanLoader_must_refuse_a_case_depending_on_itself()
    {
        Assert.That(Mini().With(Cases, 20, "    depends-on: [prach]").Errors(), Is.EqualTo(new[]
        {
            C + "20:18: cases[1].depends-on[0]: a case cannot depend on itself",
        }));
    }

    [Test]
    public void TestPlanLoader_must_require_the_personality_file_of_an_emulated_product_when_the_plan_has_personalities()
    {
        var present = new HashSet<string> { "personalities/acme/du-1.yaml", "personalities/acme/ru-1.yaml", "personalities/acme/cu-1.yaml" };
        var errors = Mini().Errors(present.Contains);
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/" + Beta + ":19:13: products[0].driver: beta/ru-2 is emulated but its personality file personalities/beta/ru-2.yaml "
                + "does not exist: add it (the emulator plays the product from it), or drive the product with command-line",
        }));
        present.Add("personalities/beta/ru-2.yaml");
        Assert.That(() => Mini().Load(present.Contains), Throws.Nothing);
    }

    [Test]
    public void TestPlanLoader_must_check_personality_files_only_in_a_directory_that_has_personalities()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-plan-{Guid.NewGuid():N}");
        try
        {
            foreach (var file in Mini().Sources)
            {
                string path = Path.Combine(directory, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            Assert.That(() => TestPlanLoader.Load(directory), Throws.Nothing, "no personalities/ folder: nothing to check");
            Directory.CreateDirectory(Path.Combine(directory, "personalities", "acme"));
            var ex = Assert.Throws<OranTestbed.Plans.Yaml.PlanValidationException>(() => TestPlanLoader.Load(directory));
            Assert.That(ex!.Errors.Select(e => e.Message).ToList(), Has.Count.EqualTo(3).And.All.Contain("is emulated but its personality file"), "not the O-CU's: the emulator has no O-CU");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
