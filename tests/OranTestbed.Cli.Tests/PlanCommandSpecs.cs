using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>plan validate</c> and <c>plan expand</c>, through the real program and through their handlers.</summary>
public class PlanCommandSpecs
{
    private static string Plans => Path.Combine(TestPaths.RepositoryRoot, "testplans");

    private static string Demo => Path.Combine(Plans, "campaigns", "demo.yaml");

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-plan-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Plan_validate_must_accept_the_shipped_plan_and_count_its_items()
    {
        var result = CliProcess.Run("plan", "validate", Plans);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Lines[0], Does.Contain(": ok: 6 vendors").And.Contain("2 bands").And.Contain("2 operator profiles"));
            Assert.That(result.Lines, Has.Some.Match(@"^campaign demo: \d+ executions, \d+ exclusions$"));
        }
    }

    [Test]
    public void Plan_validate_must_print_every_error_as_file_line_column_and_exit_64()
    {
        CopyPlan();
        Replace("bands/n28-rural.yaml", "bandwidth: 20MHz", "bandwidth: 100MHz");
        Replace("operators/operator-a.yaml", "vendors: [xylem, ymir, zephyr, quasar]", "vendors: [xylem, ymir, zephir, quasar]");
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = PlanCommand.Validate(_directory, output, errors);
        var lines = errors.ToString().TrimEnd('\n').Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(64));
            Assert.That(output.ToString(), Is.Empty);
            Assert.That(lines, Has.Some.Match(@"bands/n28-rural\.yaml:\d+:12: bandwidth: 100 MHz at 15 kHz is not a channel bandwidth of n28"));
            Assert.That(lines, Has.Some.Match(@"operators/operator-a\.yaml:\d+:\d+: vendors\[2\]: unknown vendor 'zephir'; did you mean 'zephyr'\?"));
            Assert.That(lines[^1], Is.EqualTo($"oran-testbed plan validate: {lines.Length - 1} error(s) in the plan"));
        }
    }

    [Test]
    public void Plan_validate_must_refuse_a_rule_severity_naming_no_rule_and_note_metrics_the_analyzer_does_not_measure()
    {
        CopyPlan();
        Replace("iot/cases/cu-plane.yaml", "id: ta3.late-ratio,", "id: ta5.late-ratio,");
        var noted = new StringWriter();
        int valid = PlanCommand.Validate(_directory, noted, new StringWriter());
        File.AppendAllText(Path.Combine(_directory, "profiles", "n28-20mhz-fdd-bfp14.yaml"), "\nrule-severity: {COMP-NO-SUCH-RULE: warning}\n");
        var errors = new StringWriter();

        int exit = PlanCommand.Validate(_directory, new StringWriter(), errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(valid, Is.Zero, "an unmeasured metric makes its executions INCONCLUSIVE, the plan stays valid");
            Assert.That(noted.ToString(), Does.Contain("note: case cu-ul-throughput: metric 'ta5.late-ratio' (source analyzer) is not measured by the analyzer"));
            Assert.That(exit, Is.EqualTo(64), errors.ToString());
            Assert.That(errors.ToString(), Does.Contain("profile n28-20mhz-fdd-bfp14: rule-severity names 'COMP-NO-SUCH-RULE', which is not a rule"));
            Assert.That(errors.ToString(), Does.EndWith("oran-testbed plan validate: 1 error(s) in the plan\n"));
        }
    }

    [Test]
    public void Plan_validate_must_exit_66_for_a_missing_directory()
    {
        var result = CliProcess.Run("plan", "validate", Path.Combine(_directory, "nowhere"));
        Assert.That(result.ExitCode, Is.EqualTo(66));
        Assert.That(result.Stderr, Does.Contain("no such directory"));
    }

    [Test]
    public void Plan_expand_json_must_list_every_execution_and_exclusion_with_the_agreed_keys()
    {
        var result = CliProcess.Run("plan", "expand", Demo, "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var executions = json.RootElement.GetProperty("executions").EnumerateArray().ToList();
        var exclusions = json.RootElement.GetProperty("exclusions").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(executions, Has.Count.InRange(8, 24));
            foreach (var e in executions)
            {
                Assert.That(e.GetProperty("id").GetString(), Does.Match("^[0-9a-f]{16}$"));
                Assert.That(e.GetProperty("band").GetString(), Is.AnyOf("n78-urban", "n28-rural"));
                Assert.That(e.GetProperty("operatorProfile").GetString(), Is.AnyOf("operator-a", "operator-b"));
                Assert.That(e.GetProperty("iotProfile").GetString(), Does.StartWith("NR-"));
                Assert.That(e.GetProperty("products").GetProperty("oDu").GetString(), Does.Contain('/'));
                Assert.That(e.GetProperty("products").GetProperty("oRu").GetString(), Does.Contain('/'));
                Assert.That(e.GetProperty("case").GetString(), Is.Not.Empty);
                Assert.That(e.GetProperty("repetition").GetInt32(), Is.EqualTo(1));
            }

            Assert.That(exclusions, Is.Not.Empty);
            foreach (var x in exclusions)
            {
                Assert.That(x.GetProperty("what").GetString(), Is.Not.Empty);
                Assert.That(x.GetProperty("reason").GetString(), Is.Not.Empty);
                Assert.That(x.GetProperty("kind").GetString(), Is.AnyOf("combination", "case", "execution"));
            }

            Assert.That(exclusions.Select(x => x.GetProperty("reason").GetString()), Has.Some.Contains("quasar/q-300 does not support n78"));
        }
    }

    [Test]
    public void Plan_expand_must_give_the_same_ids_on_every_run()
    {
        string Ids() => string.Join(',', JsonDocument.Parse(CliProcess.Run("plan", "expand", Demo, "--format", "json").Stdout)
            .RootElement.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        string first = Ids();
        Assert.That(Ids(), Is.EqualTo(first));
    }

    [Test]
    public void Plan_expand_table_must_count_per_band_and_operator_and_list_the_exclusions()
    {
        var output = new StringWriter();
        int exit = PlanCommand.Expand(Demo, PlanFormat.Table, null, output, TextWriter.Null);
        var lines = output.ToString().Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero);
            Assert.That(lines[0], Does.Match(@"^campaign demo: \d+ executions, \d+ exclusions$"));
            Assert.That(lines, Has.Some.Match(@"^BAND\s+OPERATOR\s+IOT PROFILE\s+PAIRS\s+COMPATIBLE\s+EXECUTIONS\s+EXCLUSIONS$"));
            Assert.That(lines, Has.Some.Match(@"^n78-urban\s+operator-a\s+NR-TDD-FR1-CAT-A-NoBF\s+\d+\s+\d+\s+\d+\s+\d+$"));
            Assert.That(lines, Has.Some.Match(@"^n28-rural\s+operator-b\s+NR-FDD-FR1\(15kHzSCS\)-CAT-A-NoBF\s+\d+\s+\d+\s+\d+\s+\d+$"));
            Assert.That(lines, Has.Some.Match(@"^total\s+"));
            Assert.That(lines, Has.Member("EXCLUSIONS"));
            Assert.That(lines, Has.Some.Match(@"^combination\s+n78-urban\s+operator-b\s+polaris/pd-7 × quasar/q-300\s+O-RU quasar/q-300 does not support n78"));
        }
    }

    [Test]
    public void Plan_expand_must_find_the_plan_from_the_campaign_or_be_told_where_it_is()
    {
        CopyPlan();
        string outside = Path.Combine(_directory, "..", $"campaign-{Guid.NewGuid():N}.yaml");
        File.Copy(Path.Combine(_directory, "campaigns", "demo.yaml"), outside);
        try
        {
            var lost = CliProcess.Run("plan", "expand", outside);
            var told = CliProcess.Run("plan", "expand", outside, "--plans", _directory);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(lost.ExitCode, Is.EqualTo(64));
                Assert.That(lost.Stderr, Does.Contain("is not in a plan's campaigns/ folder: say which plan directory it belongs to (--plans DIR)"));
                Assert.That(told.ExitCode, Is.Zero, told.ToString());
                Assert.That(told.Lines[0], Does.StartWith("campaign campaign-"));
            }
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void Plan_expand_must_exit_66_for_a_missing_campaign_and_64_for_a_bad_format()
    {
        Assert.That(CliProcess.Run("plan", "expand", Path.Combine(_directory, "none.yaml")).ExitCode, Is.EqualTo(66));
        Assert.That(CliProcess.Run("plan", "expand", Demo, "--format", "xml").ExitCode, Is.EqualTo(64));
    }

    private void CopyPlan()
    {
        foreach (string file in Directory.EnumerateFiles(Plans, "*.yaml", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_directory, Path.GetRelativePath(Plans, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private void Replace(string relative, string from, string to)
    {
        string path = Path.Combine(_directory, relative);
        string text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from), relative);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
