using System.Text.Json;
using System.Text.RegularExpressions;
using OranTestbed.Cli.Tests.Support;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// A run whose results folder fills up (a tmpfs: root, so Live): the run stops with exit 73 and one line saying what
/// could not be written and how to go on, never hangs and never records the testbed's full disk as the equipment's
/// verdict; once there is room, <c>--resume</c> ends with the same matrix as a run that never ran out.
/// </summary>
public partial class RunCommandSpecs
{
    [TestCase("300k", false, TestName = "Run_must_stop_with_exit_73_when_the_journal_cannot_be_written_and_resume_once_there_is_room")]
    // A capturing execution keeps ~66 MB (its 100 ms capture in the run folder and in the artifact store) and the
    // emulated bench runs two at once: 150m lets the first ones finish before the disk fills, in whatever order.
    [TestCase("150m", true, TestName = "Run_must_stop_with_exit_73_when_evidence_fills_the_disk_and_resume_once_there_is_room")]
    [Category("Live")]
    public void Run_must_stop_on_a_full_disk_and_resume_once_there_is_room(string size, bool someDoneBefore)
    {
        var campaign = DemoCampaign("100ms");
        using var disk = SmallDisk.Mount(size);
        string results = disk.File("results");

        var full = CliProcess.Run(TimeSpan.FromMinutes(2), "run", campaign, "--plans", Plans, "--results", results);
        string runId = RunIdLine().Match(full.Stderr).Groups[1].Value;
        string last = full.Stderr.TrimEnd().Split('\n')[^1];
        var doneBefore = full.Stderr.Split('\n').Where(l => !l.Contains(" ABORTED ", StringComparison.Ordinal))
            .Select(l => CompletedLine().Match(l))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        disk.Resize("1g");
        var resumed = CliProcess.Run(TimeSpan.FromMinutes(3), "run", campaign, "--plans", Plans, "--results", results,
            "--resume", runId, "--log-level", "Information");
        // What the journal kept: every result reported before the stop, and possibly one made durable just before it
        // and not yet reported (results are durable before they are reported; the emulated bench runs two at once).
        // No "resumed" line: the journal could not even keep the run's start, so the resume starts it afresh.
        var kept = ResumedLine().Match(resumed.Stderr);
        int doneKept = kept.Success ? int.Parse(kept.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

        var verdicts = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "runs", runId, "summary.json"))).RootElement
            .GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("verdict").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(full.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), full.ToString());
            Assert.That(last, Does.StartWith($"oran-testbed run: {results}").And.Contain("full")
                .And.EndWith($"resume it with --resume {runId}"), full.Stderr);
            Assert.That(full.Stdout, Is.Empty, "no matrix claimed from a run that could not keep its results");
            Assert.That(full.Stderr, Does.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(resumed.ExitCode, Is.EqualTo(1), "the demo's known FAIL\n" + resumed.Stderr);
            Assert.That(resumed.Stdout, Does.Contain("n78-urban × operator-a (O-DU rows × O-RU columns)"));
            Assert.That(verdicts, Has.Count.EqualTo(Planned(resumed.Stderr)));
            Assert.That(verdicts.Count(v => v == "PASS"), Is.EqualTo(13), "the disk's failure is no verdict on the equipment");
            Assert.That(verdicts.Count(v => v == "INCONCLUSIVE"), Is.EqualTo(3),
                "dm-in-between: the short captures hold no whole second of the O-RU's rx-window counters");
            Assert.That(verdicts.Count(v => v == "FAIL"), Is.EqualTo(2));
            Assert.That(doneBefore, someDoneBefore ? Is.Not.Empty : Is.Empty, full.Stderr);
            var dispatchedOnResume = DispatchedLine().Matches(resumed.Stderr).Select(m => m.Groups[1].Value).ToList();
            Assert.That(doneKept, Is.InRange(doneBefore.Count, doneBefore.Count + 2), "every reported result was kept\n" + resumed.Stderr);
            Assert.That(dispatchedOnResume, Has.Count.EqualTo(verdicts.Count - doneKept),
                "what was recorded before the disk filled is kept and not run again");
            Assert.That(dispatchedOnResume.Intersect(doneBefore), Is.Empty);
        }
    }

    [GeneratedRegex(@"resumed: (\d+) of \d+ executions already done")]
    private static partial Regex ResumedLine();
}
