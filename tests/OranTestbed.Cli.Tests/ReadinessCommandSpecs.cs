using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Stores;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>oran-testbed readiness</c> as a process on a store of recorded results of the shipped plan: operator A's urban
/// band, where xylem/xd-100 × zephyr/zr-200 × zephyr/zc-1 passed every quality-first case with xd-100 5.3.1, and with
/// 5.4.0 passed DL throughput at 0.85 (the case's >= 0.8) where operator A asks >= 0.9.
/// </summary>
public sealed class ReadinessCommandSpecs
{
    private const string Du = "xylem/xd-100", Ru = "zephyr/zr-200", Cu = "zephyr/zc-1";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "readiness", Guid.NewGuid().ToString("N"));
    private static readonly string Plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");

    private static string Results => Path.Combine(Folder, "results");

    [OneTimeSetUp]
    public static async Task RecordTwoReleasesAsync()
    {
        var store = await ResultsStore.OpenSqliteAsync(Path.Combine(Results, "results.db"));
        var start = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
        foreach (var (run, software, dlRatio) in new[] { ("night-1", "5.3.1", 0.93m), ("night-2", "5.4.0", 0.85m) })
        {
            await store.BeginRunAsync(new RunInfo(run, "quality", "sha256:" + new string('c', 64), start));
            var versions = new Dictionary<string, string> { [Du] = software };
            foreach (var result in new[]
                     {
                         LabResults.Result(run, "operator-a", "n78-urban", "cu-dl-throughput", Du, Ru, Cu,
                             new Dictionary<string, decimal> { ["dl-throughput-ratio"] = dlRatio }, versions, judgedOnCase: true),
                         LabResults.Result(run, "operator-a", "n78-urban", "cu-ul-throughput", Du, Ru, Cu, software: versions),
                         LabResults.Result(run, "operator-a", "n78-urban", "dm-in-between", Du, Ru, software: versions),
                         LabResults.Result(run, "operator-a", "n78-urban", "dm-maximum-latency", Du, Ru, software: versions),
                     })
            {
                await store.RecordAsync(result);
            }

            await store.FinishRunAsync(run, start = start.AddDays(1), aborted: false);
        }
    }

    [OneTimeTearDown]
    public static void DeleteFolder() => TempFolders.Delete(Folder);

    [Test]
    public void Readiness_must_show_per_need_which_combinations_are_ready_with_which_versions()
    {
        var result = CliProcess.Run("readiness", "--operator", "operator-a", "--band", "n78-urban", "--plans", Plans, "--results", Results);

        var quality = Block(result.Stdout, "premium-urban-quality (quality-first) in n78-urban");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Not.Contain("n28-rural"), "--band keeps the urban band");
            Assert.That(quality[0], Does.StartWith("premium-urban-quality (quality-first) in n78-urban: 1 ready, 0 not ready, 2 not tested"));
            Assert.That(quality, Does.Contain($"  READY        {Du} × {Ru} × {Cu}"));
            Assert.That(quality, Has.One.Match(@"^ +NOT READY +with xylem/xd-100 5\.4\.0, zephyr/zr-200 1\.9\.4, zephyr/zc-1 2\.4\.1$"));
            Assert.That(quality, Has.One.Match(@"^ +READY +with xylem/xd-100 5\.3\.1, zephyr/zr-200 1\.9\.4, zephyr/zc-1 2\.4\.1$"));
            Assert.That(quality, Has.One.Contains("cu-dl-throughput passed, but dl-throughput-ratio = 0.85 ratio; the need asks >= 0.9")
                .And.One.Contains("(run night-2, execution "));
            Assert.That(quality, Has.One.Match("^  INCOMPATIBLE xylem/xd-100 × quasar/q-300: .*quasar/q-300 does not support n78"));
            Assert.That(quality, Has.One.StartsWith("  NOT TESTED   xylem/xd-200 × ymir/yr-400 × zephyr/zc-1: no result of cu-dl-throughput"));
            Assert.That(Block(result.Stdout, "reuse-installed-yr-400 (equipment-reuse) in n78-urban").Skip(2),
                Is.Not.Empty.And.All.Contains("ymir/yr-400"), "equipment reuse: only combinations with the installed radio");
        });
    }

    [Test]
    public void Readiness_json_must_carry_states_versions_and_findings()
    {
        var result = CliProcess.Run("readiness", "--operator", "operator-a", "--plans", Plans, "--results", Results, "--format", "json");

        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var quality = root.GetProperty("needs").EnumerateArray()
            .Single(n => n.GetProperty("need").GetString() == "premium-urban-quality" && n.GetProperty("band").GetString() == "n78-urban");
        var candidate = quality.GetProperty("candidates").EnumerateArray().Single(c => (c.GetProperty("oDu").GetString(), c.GetProperty("oRu").GetString()) == (Du, Ru));
        var newest = candidate.GetProperty("versions")[0];
        var finding = newest.GetProperty("cases").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(root.GetProperty("needs").GetArrayLength(), Is.EqualTo(4), "two needs × two bands");
            Assert.That(candidate.GetProperty("state").GetString(), Is.EqualTo("READY"));
            Assert.That(newest.GetProperty("state").GetString(), Is.EqualTo("NOT READY"));
            Assert.That(newest.GetProperty("versions")[0].GetString(), Is.EqualTo("xylem/xd-100 5.4.0"));
            Assert.That(finding.GetProperty("metric").GetString(), Is.EqualTo("dl-throughput-ratio"));
            Assert.That(finding.GetProperty("runId").GetString(), Is.EqualTo("night-2"));
            Assert.That(quality.GetProperty("thresholds")[0].GetProperty("threshold").GetString(), Is.EqualTo(">= 0.9"));
        });
    }

    [TestCase("--operator", "operator-z", "no operator profile operator-z in ", "(there are operator-a, operator-b)")]
    [TestCase("--band", "n1-nowhere", "operator-a has no band n1-nowhere", "(it has n78-urban, n28-rural)")]
    public void An_unknown_operator_or_band_must_be_one_line_and_a_usage_exit(string option, string value, string said, string hint)
    {
        string[] arguments = option == "--operator" ? [option, value] : ["--operator", "operator-a", option, value];

        var result = CliProcess.Run(["readiness", .. arguments, "--plans", Plans, "--results", Results]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
            Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("oran-testbed readiness: ").And.Contain(said).And.Contain(hint));
        });
    }

    [Test]
    public void Readiness_without_a_store_must_say_so_like_matrix()
    {
        string empty = Path.Combine(Folder, "none");

        var result = CliProcess.Run("readiness", "--operator", "operator-a", "--plans", Plans, "--results", empty);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(66), result.ToString());
            Assert.That(result.Stderr.Trim(), Is.EqualTo($"oran-testbed readiness: {Path.Combine(empty, "results.db")}: no results store "
                                                         + "(run a campaign with --results, or import results)"));
            Assert.That(Directory.Exists(empty), Is.False, "a read-only command never creates a store");
        });
    }

    /// <summary>The lines of the block that starts with <paramref name="heading"/> (up to the next empty line).</summary>
    private static List<string> Block(string stdout, string heading) =>
        [.. stdout.Split('\n').SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal)).TakeWhile(l => l.Length > 0)];
}
