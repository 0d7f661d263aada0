using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>run</c> records into the results store; <c>matrix</c> and <c>results list|export|import|diff</c> read it back.
/// One quick demo run (100 ms captures) is shared by the specs of this fixture.
/// </summary>
public partial class ResultsCommandSpecs
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "results", Guid.NewGuid().ToString("N"));

    [OneTimeTearDown]
    public static void DeleteFolder() => TempFolders.Delete(Folder);
    private static string Results => Path.Combine(Folder, "results");
    private static string Campaign => Path.Combine(Folder, "demo-quick.yaml");
    private static string Plans => Path.Combine(TestPaths.RepositoryRoot, "testplans");
    private static CliResult _run = null!;
    private static string _runId = "";

    [OneTimeSetUp]
    public static void RunTheDemoOnce()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Campaign, CaptureDuration().Replace(File.ReadAllText(Path.Combine(Plans, "campaigns", "demo.yaml")),
            "capture-duration: 100ms"));
        _run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", Campaign, "--plans", Plans, "--results", Results);
        _runId = RunId().Match(_run.Stderr).Groups[1].Value;
        Assert.That(_run.ExitCode, Is.EqualTo(1), _run.Stderr);
    }

    [Test]
    public void Matrix_must_print_from_the_store_what_the_run_printed()
    {
        var matrix = CliProcess.Run("matrix", "--results", Results, "--campaign", Campaign, "--plans", Plans);

        Assert.Multiple(() =>
        {
            Assert.That(matrix.ExitCode, Is.Zero, matrix.Stderr);
            var printedByRun = _run.Stdout[.._run.Stdout.LastIndexOf("\nrun ", StringComparison.Ordinal)].Trim();
            Assert.That(matrix.Stdout.Trim(), Is.EqualTo(printedByRun));
        });
    }

    [Test]
    public void Matrix_json_must_drill_down_to_executions_failing_metrics_and_evidence()
    {
        var result = CliProcess.Run("matrix", "--results", Results, "--band", "n28-rural", "--operator", "operator-b", "--format", "json");

        var cells = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().Single().GetProperty("cells").EnumerateArray().ToList();
        var failing = cells.Single(c => c.GetProperty("oDu").GetString() == "polaris/pd-7");
        var failed = failing.GetProperty("latest").EnumerateArray().Where(e => e.GetProperty("verdict").GetString() == "FAIL").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failing.GetProperty("state").GetString(), Is.EqualTo("FAIL"));
            Assert.That(failed, Is.Not.Empty);
            Assert.That(failed[0].GetProperty("failingMetrics").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(failed[0].GetProperty("evidence").EnumerateArray().Select(a => a.GetProperty("name").GetString()),
                Does.Contain("capture.pcap").And.Contain("analysis.json"));
            Assert.That(failing.GetProperty("versions").EnumerateArray().Select(v => v.GetString()), Has.Some.StartsWith("polaris/pd-7 "));
        });
    }

    [Test]
    public void Results_export_must_round_trip_through_import_with_its_evidence()
    {
        var export = Path.Combine(Folder, "export", "oran.json");
        var exported = CliProcess.Run("results", "export", _runId, "--results", Results, "--out", export);
        var elsewhere = Path.Combine(Folder, "elsewhere");
        var imported = CliProcess.Run("results", "import", export, "--results", elsewhere);
        var again = CliProcess.Run("results", "import", export, "--results", elsewhere);
        var matrix = CliProcess.Run("matrix", "--results", elsewhere);

        Assert.Multiple(() =>
        {
            Assert.That(exported.ExitCode, Is.Zero, exported.Stderr);
            Assert.That(imported.Stderr, Does.Contain("18 executions stored, 0 already stored"));
            Assert.That(again.Stderr, Does.Contain("0 executions stored, 18 already stored"), "importing twice stores once");
            Assert.That(Directory.GetFiles(Path.Combine(Folder, "export", "artifacts")), Has.Length.EqualTo((12 * 3) + 5 + 6),
                "a capture, analysis.json and analysis.html per fronthaul execution, the rx-counters table per delay-management"
                + " execution, a NETCONF trace per M-plane execution");
            Assert.That(matrix.Stdout, Does.Contain("polaris/pd-7  FAIL 2/3").Or.Match(@"polaris/pd-7\s+FAIL"));
        });
    }

    [Test]
    public void Results_export_must_write_junit_with_a_testcase_per_execution()
    {
        var file = Path.Combine(Folder, "junit.xml");
        CliProcess.Run("results", "export", _runId, "--results", Results, "--format", "junit", "--out", file);

        var junit = XDocument.Load(file);
        Assert.Multiple(() =>
        {
            Assert.That(junit.Descendants("testcase").Count(), Is.EqualTo(18));
            // 2 FAIL and 3 INCONCLUSIVE: on a 100 ms capture no 1 s rx-window interval of the O-RU can be checked (rx-counters-agree).
            Assert.That(junit.Descendants("failure").Count(), Is.EqualTo(5));
        });
    }

    [Test]
    public void Results_import_must_reject_a_schema_invalid_file_naming_the_pointer()
    {
        var file = Path.Combine(Folder, "bad.json");
        File.WriteAllText(file, """{"schemaVersion": 1}""");

        var result = CliProcess.Run("results", "import", file, "--results", Path.Combine(Folder, "rejected"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(64));
            Assert.That(result.Stderr, Does.Contain("bad.json: /: Required properties").And.Contain("testMetadata"));
        });
    }

    [Test]
    public void Results_diff_must_report_no_regression_between_a_run_and_its_export()
    {
        var result = CliProcess.Run("results", "diff", _runId, _runId, "--results", Results);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.StartWith("0 regressions, 0 fixes, 0 other changes, 18 unchanged"));
        });
    }

    [GeneratedRegex(@"capture-duration: \S+")]
    private static partial Regex CaptureDuration();

    [GeneratedRegex(@"run (\S+): \d+ executions")]
    private static partial Regex RunId();
}
