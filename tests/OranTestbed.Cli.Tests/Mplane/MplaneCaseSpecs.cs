using System.Text.Json;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// The M-plane start-up case on the emulated bench runs over the emulated O-RU's own NETCONF server: the READY
/// notification is measured (no longer "not measured"), the fronthaul is analysed once the carriers are active, and the
/// session's NETCONF trace is kept with the execution's evidence; what the emulated O-DU cannot tell (cell on air)
/// keeps the verdict INCONCLUSIVE, never PASS.
/// </summary>
[TestFixture]
public sealed class MplaneCaseSpecs
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "mplane-case", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void The_start_up_case_must_measure_the_ready_notification_over_the_emulated_m_plane_and_keep_the_trace()
    {
        Directory.CreateDirectory(_folder);
        string campaign = Path.Combine(_folder, "mplane.yaml");
        File.WriteAllText(campaign, """
            description: the M-plane start-up on the emulated bench
            operators: [operator-a]
            bands: [n78-urban]
            products: [xylem/xd-100, ymir/yr-400, zephyr/zc-1]
            cases:
              ids: [mp-startup-hierarchical]
            repetitions: 1
            """);
        string results = Path.Combine(_folder, "results");

        var run = CliProcess.Run(TimeSpan.FromMinutes(2), "run", campaign, "--plans", Path.Combine(TestPaths.RepositoryRoot, "testplans"),
            "--benches", "emulated", "--results", results);

        var summary = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(results, "runs"), "summary.json",
            SearchOption.AllDirectories).Single())).RootElement;
        var execution = summary.GetProperty("executions").EnumerateArray().Single();
        var reasons = execution.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        var traces = Directory.GetFiles(Path.Combine(results, "runs"), "*-netconf.trace", SearchOption.AllDirectories);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(execution.GetProperty("verdict").GetString(), Is.EqualTo("INCONCLUSIVE"));
            Assert.That(reasons, Has.None.Contains("ready-notification"), "measured and met");
            Assert.That(reasons, Has.Some.Contains("cell-on-air not measured"));
            Assert.That(reasons, Has.None.Contains("no C-plane or U-plane traffic"), "the carriers were activated");
            Assert.That(traces, Has.Length.EqualTo(1));
            Assert.That(File.ReadAllText(traces[0]), Does.Contain("tx-array-carriers-state-change").And.Contain("READY"));
        }
    }
}
