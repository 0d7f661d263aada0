using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>oran-testbed run</c> end to end on the shipped demo lab (emulated equipment), the capture duration shortened so
/// the specs stay quick; and a real <c>kill -9</c> of the process followed by <c>--resume</c>.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public partial class RunCommandSpecs
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "run", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public void Run_must_run_the_demo_campaign_end_to_end_and_print_the_matrix()
    {
        var campaign = DemoCampaign("100ms");

        var result = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", Plans, "--results", Results);

        var summary = Summary();
        var verdicts = summary.GetProperty("executions").EnumerateArray()
            .Select(e => e.GetProperty("verdict").GetString()).ToList();
        var mplane = summary.GetProperty("executions").EnumerateArray()
            .Where(e => e.GetProperty("case").GetString()!.StartsWith("mp-", StringComparison.Ordinal)).ToList();
        var traces = Directory.GetFiles(Path.Combine(Results, "runs"), "*-netconf.trace", SearchOption.AllDirectories);
        var overSsh = traces.Where(t => Path.GetFileName(t) == "ymir-yr-410-netconf.trace").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), "a FAIL in the matrix: exit 1\n" + result.Stderr);
            Assert.That(mplane.Select(e => e.GetProperty("verdict").GetString()).ToList(), Has.Count.GreaterThan(1).And.All.EqualTo("PASS"),
                "the M-plane case: emulated O-RUs in-process, the YR-410 over SSH");
            Assert.That(mplane.Select(e => e.GetProperty("bench").GetString()), Does.Contain("mplane-lab"));
            Assert.That(traces, Has.Length.EqualTo(mplane.Count), "every M-plane execution keeps its NETCONF trace");
            Assert.That(overSsh, Has.Count.EqualTo(1));
            Assert.That(File.ReadAllText(overSsh[0]), Does.Contain("<rpc-error>").And.Contain("eaxc-id").And.Contain("close-session"),
                "the YR-410 refused the duplicate eAxC id over NETCONF/SSH");
            Assert.That(verdicts, Has.Count.EqualTo(Planned(result.Stderr)).And.Count.GreaterThan(8));
            Assert.That(verdicts, Has.Some.EqualTo("PASS").And.Some.EqualTo("FAIL").And.None.EqualTo("ERROR"));
            Assert.That(result.Stdout, Does.Contain("n78-urban × operator-a (O-DU rows × O-RU columns)")
                .And.Contain("n28-rural × operator-b").And.Contain("INCOMPATIBLE polaris/pd-7 × quasar/q-300: "));
            Assert.That(result.Stdout, Does.Match(@"polaris/pd-7\s+FAIL"), "the late-burst O-RU fails delay management");
            Assert.That(Directory.GetFiles(Path.Combine(Results, "runs"), "capture.pcap", SearchOption.AllDirectories),
                Has.Length.EqualTo(verdicts.Count - mplane.Count), "every execution that captures keeps its capture as evidence");
        });
    }

    [Test]
    public void Run_must_resume_after_kill_9_without_rerunning_completed_executions()
    {
        var campaign = DemoCampaign("1s");
        var first = CliProcess.Start("run", campaign, "--plans", Plans, "--results", Results);
        var completedBeforeKill = new List<string>();
        string? runId = null;
        var clock = Stopwatch.StartNew();
        while (completedBeforeKill.Count < 3 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var line = first.StandardError.ReadLine() ?? throw new AssertionException("the run ended before 3 results");
            runId ??= RunIdLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            if (CompletedLine().Match(line) is { Success: true } done)
            {
                completedBeforeKill.Add(done.Groups[1].Value);
            }
        }

        first.Kill(); // SIGKILL: no clean-up, no closing of the run
        first.WaitForExit();
        Assert.That(runId, Is.Not.Null);

        var resumed = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", Plans, "--results", Results,
            "--resume", runId!);

        var dispatchedOnResume = DispatchedLine().Matches(resumed.Stderr).Select(m => m.Groups[1].Value).ToList();
        var verdicts = Summary().GetProperty("executions").EnumerateArray()
            .Select(e => e.GetProperty("verdict").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(resumed.ExitCode, Is.EqualTo(1), resumed.Stderr);
            Assert.That(dispatchedOnResume, Is.Not.Empty);
            Assert.That(dispatchedOnResume.Intersect(completedBeforeKill), Is.Empty, "completed executions never run twice");
            Assert.That(dispatchedOnResume.Count + completedBeforeKill.Count, Is.LessThanOrEqualTo(verdicts.Count + 1),
                "the rest (and at most the one in flight at the kill) runs on resume");
            Assert.That(verdicts, Has.Count.EqualTo(Planned(resumed.Stderr)).And.None.EqualTo("NOT_RUN"),
                "no result is lost");
        });
    }

    [Test]
    public void Run_must_abort_on_ctrl_c_keeping_results_and_marking_the_run_resumable()
    {
        var campaign = DemoCampaign("1s");
        using var run = CliProcess.Start("run", campaign, "--plans", Plans, "--results", Results);
        string? line;
        while ((line = run.StandardError.ReadLine()) is not null && !CompletedLine().IsMatch(line))
        {
        }

        CliProcess.Interrupt(run);

        var stderr = run.StandardError.ReadToEnd();
        Assert.That(run.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
        var summary = Summary();
        bool anyFail = summary.GetProperty("executions").EnumerateArray().Any(e => e.GetProperty("verdict").GetString() == "FAIL");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(anyFail ? 1 : 2), "the verdict's exit code, not the signal's 130\n" + stderr);
            Assert.That(stderr, Does.Contain("interrupted: aborting"));
            Assert.That(summary.GetProperty("aborted").GetBoolean(), Is.True);
            // Judged, whatever the verdict: on a 100 ms capture dm-in-between (run first) cannot evaluate the O-RU's 1 s
            // rx-window intervals (rx-counters-agree), so it is INCONCLUSIVE unless it FAILs.
            Assert.That(summary.GetProperty("executions").EnumerateArray().Count(e => e.GetProperty("verdict").GetString()
                is "PASS" or "FAIL" or "INCONCLUSIVE"), Is.GreaterThanOrEqualTo(1), "results before Ctrl+C are kept");
        });
    }

    [Test]
    public void Run_must_resume_after_ctrl_c_rerunning_the_aborted_execution_and_end_with_a_matrix()
    {
        var campaign = DemoCampaign("1s");
        string runId;
        using (var run = CliProcess.Start("run", campaign, "--plans", Plans, "--results", Results))
        {
            runId = InterruptAfterFirstResult(run);
        }

        var aborted = Summary().GetProperty("executions").EnumerateArray()
            .Where(e => e.GetProperty("verdict").GetString() == "ABORTED").Select(e => e.GetProperty("id").GetString()).ToList();
        Assume.That(aborted, Is.Not.Empty, "Ctrl+C stopped an execution in flight (stored ABORTED)");

        var resumed = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", Plans, "--results", Results,
            "--resume", runId);
        var again = CliProcess.Run(TimeSpan.FromMinutes(1), "run", campaign, "--plans", Plans, "--results", Results,
            "--resume", runId);

        var dispatched = DispatchedLine().Matches(resumed.Stderr).Select(m => m.Groups[1].Value).ToList();
        var verdicts = Summary().GetProperty("executions").EnumerateArray()
            .Select(e => e.GetProperty("verdict").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(resumed.ExitCode, Is.EqualTo(1), "the matrix's FAIL, not a crash\n" + resumed.Stderr);
            Assert.That(resumed.Stderr, Does.Not.Contain("already holds").And.Not.Contain("Exception"));
            Assert.That(dispatched, Is.SupersetOf(aborted), "the aborted executions run again");
            Assert.That(resumed.Stdout, Does.Contain("n78-urban × operator-a (O-DU rows × O-RU columns)"));
            Assert.That(verdicts, Has.Count.EqualTo(Planned(resumed.Stderr)).And.None.EqualTo("ABORTED").And.None.EqualTo("NOT_RUN"));
            Assert.That(again.ExitCode, Is.EqualTo(1), "a finished run resumed again prints its matrix\n" + again.Stderr);
            Assert.That(DispatchedLine().Matches(again.Stderr), Is.Empty, "and runs nothing");
            Assert.That(again.Stdout, Does.Contain("n78-urban × operator-a (O-DU rows × O-RU columns)"));
        });
    }

    [Test]
    public void Run_must_refuse_a_resume_of_a_run_another_process_owns_with_exit_75_and_one_line()
    {
        var campaign = DemoCampaign("1s");
        using var first = CliProcess.Start("run", campaign, "--plans", Plans, "--results", Results);
        string? runId = null;
        string? line;
        while ((line = first.StandardError.ReadLine()) is not null && !DispatchedLine().IsMatch(line))
        {
            runId ??= RunIdLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
        }

        Assert.That(runId, Is.Not.Null, "the run started");
        var second = CliProcess.Run(TimeSpan.FromMinutes(1), "run", campaign, "--plans", Plans, "--results", Results,
            "--resume", runId!);
        var third = CliProcess.Run(TimeSpan.FromMinutes(1), "run", campaign, "--plans", Plans, "--results", Results,
            "--resume", runId!);

        var rest = first.StandardError.ReadToEnd();
        Assert.That(first.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, rest);
        var refusal = second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !RunIdLine().IsMatch(l)).ToList();
        var verdicts = Summary().GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("verdict").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.EqualTo(75), second.Stderr);
            Assert.That(refusal, Has.Count.EqualTo(1), "one line");
            Assert.That(refusal[0], Does.StartWith($"oran-testbed run: run {runId} is owned by another process (process {first.Id} on "));
            Assert.That(second.Stdout, Is.Empty);
            Assert.That(DispatchedLine().IsMatch(second.Stderr), Is.False, "the refused process ran nothing");
            Assert.That(third.ExitCode, Is.EqualTo(75), third.Stderr);
            Assert.That(first.ExitCode, Is.EqualTo(1), "the owner finishes its run undisturbed\n" + rest);
            Assert.That(verdicts, Has.Count.EqualTo(Planned(rest + second.Stderr)).And.None.EqualTo("NOT_RUN").And.None.EqualTo("ERROR"));
        });
    }

    /// <summary>Waits for the run's first result and the next execution's dispatch (so one is in flight), sends Ctrl+C
    /// and waits for the process to end; returns the run id.</summary>
    private static string InterruptAfterFirstResult(Process run)
    {
        string? runId = null;
        bool completed = false;
        string? line;
        while ((line = run.StandardError.ReadLine()) is not null && !(completed && DispatchedLine().IsMatch(line)))
        {
            runId ??= RunIdLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            completed |= CompletedLine().IsMatch(line);
        }

        CliProcess.Interrupt(run);
        var rest = run.StandardError.ReadToEnd();
        Assert.That(run.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, rest);
        Assert.That(runId, Is.Not.Null);
        return runId!;
    }

    /// <summary>The executions the run announced on its first line ("run ID: N executions ...").</summary>
    private static int Planned(string stderr) => int.Parse(PlannedLine().Match(stderr).Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);

    private static string Plans => Path.Combine(TestPaths.RepositoryRoot, "testplans");

    private string Results => Path.Combine(_folder, "results");

    /// <summary>The shipped demo campaign with another capture duration.</summary>
    private string DemoCampaign(string captureDuration)
    {
        Directory.CreateDirectory(_folder);
        var text = File.ReadAllText(Path.Combine(Plans, "campaigns", "demo.yaml"));
        var path = Path.Combine(_folder, "demo-quick.yaml"); // its own id: "demo" is the plan's
        File.WriteAllText(path, CaptureDuration().Replace(text, "capture-duration: " + captureDuration));
        return path;
    }

    private JsonElement Summary()
    {
        var file = Directory.GetFiles(Path.Combine(Results, "runs"), "summary.json", SearchOption.AllDirectories).Single();
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    [GeneratedRegex(@"capture-duration: \S+")]
    private static partial Regex CaptureDuration();

    [GeneratedRegex(@"run \S+: (\d+) executions")]
    private static partial Regex PlannedLine();

    [GeneratedRegex(@"^run (\S+): \d+ executions")]
    private static partial Regex RunIdLine();

    [GeneratedRegex(@"^\[[#.]+\] \d+/\d+ \S+(?: \(flaky\))? ([0-9a-f]+) on ")]
    private static partial Regex CompletedLine();

    [GeneratedRegex(@"→ \S+: ([0-9a-f]+) \(")]
    private static partial Regex DispatchedLine();
}
