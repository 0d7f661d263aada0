using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// An agent started before its coordinator: it says once that it is waiting, and Akka's connection warnings (three
/// lines every 5 s) stay out of the way unless <c>--log-level Debug</c>.
/// </summary>
[Category("Cluster")]
public sealed class AgentWaitingSpecs
{
    [TestCase("Warning", false)]
    [TestCase("Debug", true)]
    public void Agent_waiting_for_its_coordinator_must_say_so_once(string level, bool akkaLines)
    {
        string results = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "agent-waiting", Guid.NewGuid().ToString("N"));
        int nobody = CliProcess.FreePort();
        using var agent = CliProcess.Start("agent", "--join", $"127.0.0.1:{nobody}", "--listen", $"127.0.0.1:{CliProcess.FreePort()}",
            "--plans", Path.Combine(TestPaths.RepositoryRoot, "testplans"), "--results", results, "--log-level", level);
        var stderr = agent.StandardError.ReadToEndAsync();

        // Long enough for two rounds of Akka's join attempts (every 5 s).
        Thread.Sleep(TimeSpan.FromSeconds(12));
        CliProcess.Interrupt(agent);
        Assert.That(agent.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "the agent did not leave");
        string[] lines = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Count(l => l.StartsWith("agent: waiting for the coordinator at 127.0.0.1:", StringComparison.Ordinal)),
                Is.EqualTo(1), stderr.Result);
            Assert.That(lines.Any(l => l.Contains("Akka", StringComparison.Ordinal) || l.Contains("[WARNING]", StringComparison.Ordinal)
                    || l.Contains("[INFO]", StringComparison.Ordinal)),
                Is.EqualTo(akkaLines), stderr.Result);
        }

        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Test]
    public void Agent_must_say_when_the_coordinator_it_waited_for_is_up()
    {
        string folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "agent-waiting", Guid.NewGuid().ToString("N"));
        string plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        int port = CliProcess.FreePort();
        using var agent = CliProcess.Start("agent", "--join", $"127.0.0.1:{port}", "--listen", $"127.0.0.1:{CliProcess.FreePort()}",
            "--benches", "emulated", "--plans", plans, "--results", Path.Combine(folder, "agent"));
        var lines = new List<string>();
        while (agent.StandardError.ReadLine() is { } line)
        {
            lines.Add(line);
            if (line.StartsWith("agent: waiting for the coordinator", StringComparison.Ordinal))
            {
                break;
            }
        }

        // The coordinator serves 'emulated' itself: it accepts the agent into the cluster, then refuses its bench.
        using var coordinator = CliProcess.Start(drainStderr: true, "run", Path.Combine(plans, "campaigns", "demo.yaml"), "--plans", plans,
            "--benches", "emulated", "--listen", $"127.0.0.1:{port}", "--results", Path.Combine(folder, "coordinator"));
        try
        {
            lines.AddRange(agent.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.That(agent.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
        }
        finally
        {
            coordinator.Kill(entireProcessTree: true);
            coordinator.WaitForExit();
        }

        string all = string.Join('\n', lines);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Count(l => l.StartsWith("agent: waiting for the coordinator", StringComparison.Ordinal)), Is.EqualTo(1), all);
            Assert.That(lines, Has.One.EqualTo($"agent: the coordinator at 127.0.0.1:{port} is up"), all);
            Assert.That(lines, Has.One.StartsWith("  ! bench emulated refused: "), all);
            Assert.That(all, Does.Not.Contain("Akka.").And.Not.Contain("fail:"), all);
        }

        Directory.Delete(folder, recursive: true);
    }
}
