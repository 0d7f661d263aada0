using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// The CONF.0 §3.1 M-plane cases as a campaign on the emulated bench: each runs its check on the emulated O-RU's
/// in-process NETCONF server and is judged like any case. A clean O-RU passes; one whose personality ignores a missed
/// watchdog (mplane-watchdog-ignored) fails supervision failure by the metric that caught it; what the in-process
/// M-plane cannot measure (an SSH login) is INCONCLUSIVE with that reason; every session is traced into the evidence.
/// </summary>
[TestFixture]
public sealed class MplaneConformanceCaseSpecs
{
    private static readonly string[] Cases =
    [
        "mp-conf-handshake", "mp-conf-handshake-wrong-credentials", "mp-conf-subscription", "mp-conf-supervision-failure",
        "mp-conf-retrieval", "mp-conf-retrieval-filter", "mp-conf-configurability", "mp-conf-configurability-negative",
        "mp-conf-access-control-fm-pm",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "mplane-conformance", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void The_conformance_cases_must_pass_a_clean_o_ru_and_fail_one_that_ignores_its_watchdog()
    {
        string plans = PlansWithWatchdogIgnoredBy("zephyr/zr-200");
        string campaign = Path.Combine(_folder, "conformance.yaml");
        File.WriteAllText(campaign, $"""
            description: M-plane conformance on the emulated bench
            operators: [operator-a]
            bands: [n78-urban]
            products: [xylem/xd-100, ymir/yr-400, zephyr/zr-200]
            cases:
              ids: [{string.Join(", ", Cases)}]
            repetitions: 1
            """);
        string results = Path.Combine(_folder, "results");

        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", plans, "--benches", "emulated", "--results", results);

        var executions = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(results, "runs"), "summary.json",
            SearchOption.AllDirectories).Single())).RootElement.GetProperty("executions").EnumerateArray().ToList();
        string Verdict(string oru, string testCase) => executions.Single(e => e.GetProperty("oRu").GetString() == oru
            && e.GetProperty("case").GetString() == testCase).GetProperty("verdict").GetString()!;
        string Reasons(string oru, string testCase) => string.Join("; ", executions.Single(e => e.GetProperty("oRu").GetString() == oru
            && e.GetProperty("case").GetString() == testCase).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var judged = Cases.Except(["mp-conf-handshake-wrong-credentials"]).ToList();
        string runs = Path.Combine(results, "runs");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "a FAIL in the matrix\n" + run);
            Assert.That(executions, Has.Count.EqualTo(2 * Cases.Length));
            Assert.That(judged.Select(c => $"{c}: {Verdict("ymir/yr-400", c)} {Reasons("ymir/yr-400", c)}"),
                Is.EqualTo(judged.Select(c => $"{c}: PASS ")), "a clean O-RU");
            Assert.That(judged.Where(c => c != "mp-conf-supervision-failure").Select(c => Verdict("zephyr/zr-200", c)), Is.All.EqualTo("PASS"));
            Assert.That(Verdict("zephyr/zr-200", "mp-conf-supervision-failure"), Is.EqualTo("FAIL"));
            Assert.That(Reasons("zephyr/zr-200", "mp-conf-supervision-failure"), Does.Contain("carrier-deactivated = 0 does not meet == true"));
            Assert.That(Verdict("ymir/yr-400", "mp-conf-handshake-wrong-credentials"), Is.EqualTo("INCONCLUSIVE"));
            Assert.That(Reasons("ymir/yr-400", "mp-conf-handshake-wrong-credentials"),
                Does.Contain("auth-rejected not measured").And.Contain("no SSH login"));
            Assert.That(Directory.GetFiles(runs, "*-netconf.trace", SearchOption.AllDirectories), Has.Length.EqualTo(2 * Cases.Length));
            var accountTraces = Directory.GetFiles(runs, "*-netconf-fm-pm.trace", SearchOption.AllDirectories);
            Assert.That(accountTraces, Has.Length.EqualTo(2), "the fm-pm account's session is evidence too");
            Assert.That(File.ReadAllText(accountTraces[0]), Does.Contain("access-denied").And.Contain("otb-nacm-probe"));
            Assert.That(run.Stdout, Does.Match(@"xylem/xd-100\s+INCONCLUSIVE 8/9\s+FAIL 7/9"), "the matrix: wrong credentials not measured in-process, the watchdog FAIL");
        }
    }

    [Test]
    [Category(PeerCategories.Netconf)]
    public void The_conformance_cases_must_pass_the_demo_labs_o_ru_over_ssh_on_its_m_plane_bench()
    {
        var start = CliProcess.RunExecutable(Path.Combine(TestPaths.RepositoryRoot, "tools", "lab", "demo-oru.sh"), TimeSpan.FromMinutes(3), "start");
        Assert.That(start.ExitCode, Is.Zero, "the demo O-RU (sshd) must answer: " + start);
        string campaign = Path.Combine(_folder, "conformance-ssh.yaml");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(campaign, $"""
            description: M-plane conformance of the YR-410 over SSH
            operators: [operator-a]
            bands: [n78-urban]
            products: [xylem/xd-100, ymir/yr-410]
            cases:
              ids: [{string.Join(", ", Cases)}, mp-conf-supervision]
            repetitions: 1
            """);
        string results = Path.Combine(_folder, "results");

        var run = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", Path.Combine(TestPaths.RepositoryRoot, "testplans"),
            "--benches", "mplane-lab", "--results", results);

        var executions = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(results, "runs"), "summary.json",
            SearchOption.AllDirectories).Single())).RootElement.GetProperty("executions").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(executions.Select(e => $"{e.GetProperty("case").GetString()} {e.GetProperty("verdict").GetString()}"),
                Is.EquivalentTo(Cases.Append("mp-conf-supervision").Select(c => c + " PASS")), "all eleven over NETCONF/SSH, wrong credentials and NACM included");
            Assert.That(Directory.GetFiles(Path.Combine(results, "runs"), "ymir-yr-410-netconf-fm-pm.trace", SearchOption.AllDirectories),
                Has.Length.EqualTo(1));
        }
    }

    /// <summary>A copy of the shipped plan (and its YANG modules) where <paramref name="oru"/>'s personality ignores a
    /// missed supervision watchdog.</summary>
    private string PlansWithWatchdogIgnoredBy(string oru)
    {
        string plans = ShippedPlans.CopyTo(_folder);
        File.AppendAllText(Path.Combine(plans, "personalities", oru + ".yaml"), "  mplane-watchdog-ignored: {}\n");
        return plans;
    }
}
