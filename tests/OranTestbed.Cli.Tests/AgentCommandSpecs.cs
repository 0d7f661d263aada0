using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>oran-testbed agent</c> against <c>oran-testbed run --listen</c>: two OS processes on loopback forming the lab's
/// Akka.Cluster. The agent serves a second emulated bench; it is killed (SIGKILL) while an execution is in flight,
/// and the coordinator must re-queue that execution on its own bench and lose nothing. In the "Cluster" category: the
/// failure detector's timing wants the machine to itself (tools/test.sh runs it after the parallel phase).
/// </summary>
[Category("Cluster")]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public partial class AgentCommandSpecs
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "agent", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void Run_must_use_an_agents_bench_and_requeue_its_execution_when_the_agent_is_killed()
    {
        var run = RunWithAgent(agent => agent.Kill()); // SIGKILL: no leave, no result

        Assert.That(run.Output, Does.Match(
            @"! bench emulated-2 out of service: its agent at akka\.tcp://oran-testbed@127\.0\.0\.1:\d+ stopped or left the cluster"));
    }

    [Test]
    public void Run_on_two_hosts_set_up_as_the_README_says_must_give_the_verdicts_of_one_host()
    {
        var lines = new List<string>();
        string plans;
        using (var coordinator = StartCoordinator(out plans, out int port))
        {
            while (coordinator.StandardError.ReadLine() is { } line && !Remember(lines, line).StartsWith("run ", StringComparison.Ordinal))
            {
            }

            using var agent = CliProcess.Start(drainStderr: true, "agent", "--join", $"127.0.0.1:{port}", "--benches", "emulated-2",
                "--plans", plans, "--results", Path.Combine(_folder, "agent-results"));
            lines.Add(coordinator.StandardError.ReadToEnd());
            Assert.That(coordinator.WaitForExit(RunTimeout), Is.True, "the coordinator did not finish");
            agent.Kill();
        }

        var oneHost = CliProcess.Run(RunTimeout, "run", Path.Combine(plans, "campaigns", "demo.yaml"), "--plans", plans,
            "--benches", "emulated", "--results", Path.Combine(_folder, "one-host"));
        var output = string.Join('\n', lines);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(@"\d+/\d+ \S+ [0-9a-f]+ on emulated-2 "), "the agent's bench ran executions:\n" + output);
            Assert.That(oneHost.ExitCode, Is.EqualTo(1), oneHost.Stderr);
            Assert.That(Verdicts("results"), Is.EqualTo(Verdicts("one-host")), "two hosts judge every execution as one host does");
        });
    }

    [Test]
    public void Agent_must_leave_on_ctrl_c_with_its_clean_up_and_its_execution_requeued()
    {
        int agentExit = -1;
        var run = RunWithAgent(agent =>
        {
            CliProcess.Interrupt(agent);

            Assert.That(agent.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "the agent did not leave");
            agentExit = agent.ExitCode;
        });

        Assert.Multiple(() =>
        {
            Assert.That(agentExit, Is.EqualTo(0));
            Assert.That(run.Output, Does.Contain("! bench emulated-2 out of service"));
        });
    }

    /// <summary>
    /// The demo campaign on the coordinator's bench and an agent's: once the agent has a result and a second execution
    /// in flight, <paramref name="stopAgent"/> ends it; the run must still record every execution, the agent's result
    /// on its bench and the one in flight re-run on the coordinator's.
    /// </summary>
    private ClusterRun RunWithAgent(Action<Process> stopAgent)
    {
        using var coordinator = StartCoordinator(out var plans, out int port);
        var lines = new List<string>();
        string ReadLine() => coordinator.StandardError.ReadLine() is { } line
            ? Remember(lines, line)
            : throw new AssertionException("the coordinator ended early:\n" + string.Join('\n', lines));
        while (!ReadLine().StartsWith("run ", StringComparison.Ordinal))
        {
        }

        using var agent = CliProcess.Start(drainStderr: true, "agent", "--join", $"127.0.0.1:{port}", "--benches", "emulated-2",
            "--plans", plans, "--results", Path.Combine(_folder, "agent-results"));
        var clock = Stopwatch.StartNew();
        string? doneByAgent = null;
        string? inFlight = null;
        while (inFlight is null && clock.Elapsed < RunTimeout)
        {
            var line = ReadLine();
            if (doneByAgent is null && CompletedLine().Match(line) is { Success: true } done && done.Groups[2].Value == "emulated-2")
            {
                doneByAgent = done.Groups[1].Value;
            }
            else if (doneByAgent is not null && DispatchedLine().Match(line) is { Success: true } sent
                     && sent.Groups[1].Value == "emulated-2")
            {
                stopAgent(agent);
                inFlight = sent.Groups[2].Value;
            }
        }

        Assert.That(inFlight, Is.Not.Null, "the agent never got a second execution:\n" + string.Join('\n', lines));
        lines.Add(coordinator.StandardError.ReadToEnd());
        Assert.That(coordinator.WaitForExit(RunTimeout), Is.True, "the coordinator did not finish");
        var output = string.Join('\n', lines);
        var records = Summary().GetProperty("executions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => (Verdict: e.GetProperty("verdict").GetString(),
                Bench: e.TryGetProperty("bench", out var b) ? b.GetString() : null));
        Assert.Multiple(() =>
        {
            Assert.That(coordinator.ExitCode, Is.EqualTo(1), "the demo matrix has a FAIL:\n" + output);
            Assert.That(records, Has.Count.EqualTo(17), "the demo without its M-plane bench's O-RU");
            Assert.That(records.Values.Select(r => r.Verdict), Is.All.EqualTo("PASS").Or.EqualTo("FAIL"), output);
            Assert.That(records[doneByAgent!].Bench, Is.EqualTo("emulated-2"), "the agent's result is kept");
            Assert.That(records[inFlight].Bench, Is.EqualTo("emulated"), "re-queued on the coordinator's bench");
            Assert.That(output, Does.Contain("+ bench emulated-2 joined from akka.tcp://oran-testbed@127.0.0.1:"));
            Assert.That(Directory.GetFiles(Path.Combine(_folder, "agent-results", "runs"), "capture.pcap",
                SearchOption.AllDirectories).Where(f => f.Contains(doneByAgent!, StringComparison.Ordinal)), Is.Not.Empty,
                "the agent keeps its evidence");
        });
        return new ClusterRun(output);
    }

    [Test]
    public void Agent_must_exit_69_when_the_coordinator_refuses_every_bench_it_offers()
    {
        using var coordinator = StartCoordinator(out var plans, out int port);
        try
        {
            var agent = CliProcess.Run(TimeSpan.FromMinutes(1), "agent", "--join", $"127.0.0.1:{port}", "--benches", "emulated",
                "--plans", plans, "--results", Path.Combine(_folder, "agent-results"));

            Assert.Multiple(() =>
            {
                Assert.That(agent.ExitCode, Is.EqualTo(69), agent.Stderr);
                Assert.That(agent.Stderr, Does.Contain("! bench emulated refused: bench emulated is served by the coordinator's host itself"));
            });
        }
        finally
        {
            coordinator.Kill();
        }
    }

    [Test]
    public void Agent_must_reject_a_join_address_without_a_port()
    {
        var result = CliProcess.Run("agent", "--join", "lab-host-1", "--plans", Path.Combine(TestPaths.RepositoryRoot, "testplans"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(64));
            Assert.That(result.Stderr, Does.Contain("'lab-host-1' is not HOST:PORT"));
        });
    }

    /// <summary>`run --listen` of the demo campaign on the coordinator's own bench, in a plan with a second emulated
    /// bench for an agent, as the README sets two hosts up: both hosts hold the same plan directory and the coordinator
    /// runs the plan's own campaign file.</summary>
    private Process StartCoordinator(out string plans, out int port)
    {
        plans = PlanWithSecondEmulatedBench();
        var campaign = Path.Combine(plans, "campaigns", "demo.yaml");
        port = CliProcess.FreePort();
        return CliProcess.Start("run", campaign, "--plans", plans, "--benches", "emulated", "--listen", $"127.0.0.1:{port}",
            "--results", Path.Combine(_folder, "results"));
    }

    private static string Remember(List<string> lines, string line)
    {
        lines.Add(line);
        return line;
    }

    /// <summary>The shipped plan with a second emulated bench for the agent to serve.</summary>
    private string PlanWithSecondEmulatedBench()
    {
        var plans = ShippedPlans.CopyTo(_folder);
        File.AppendAllText(Path.Combine(plans, "lab", "benches.yaml"),
            "\n  - id: emulated-2\n    kind: emulated\n    description: a second emulator host (cluster agent)\n");
        // The cluster runs the emulated benches only: the demo's O-RU on the M-plane bench stays out of the campaign.
        ShippedPlans.Edit(plans, Path.Combine("campaigns", "demo.yaml"), "  - ymir/yr-410\n", "");
        return plans;
    }

    private JsonElement Summary(string results = "results")
    {
        var file = Directory.GetFiles(Path.Combine(_folder, results, "runs"), "summary.json", SearchOption.AllDirectories).Single();
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    private Dictionary<string, string?> Verdicts(string results) => Summary(results).GetProperty("executions").EnumerateArray()
        .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("verdict").GetString());

    [GeneratedRegex(@"^\[[#.]+\] \d+/\d+ \S+(?: \(flaky\))? ([0-9a-f]+) on (\S+) ")]
    private static partial Regex CompletedLine();

    [GeneratedRegex(@"→ (\S+): ([0-9a-f]+) \(")]
    private static partial Regex DispatchedLine();

    private sealed record ClusterRun(string Output);
}
