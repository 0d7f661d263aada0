using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Orchestration.Tests.TestRuns;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class ProcedureRunnerSpecs
{
    private static readonly string[] EvidenceFiles = ["analysis.json", "analysis.html"];
    private static readonly string[] WholeLifecycle =
    [
        "open du", "open ru", "configure du", "configure ru", "start du", "start ru", "read-counters ru",
        "stop ru", "stop du", "close ru", "close du",
    ];

    private static readonly string[] ReleaseAfterHang = ["stop du", "close ru", "close du"];
    private static readonly string[] CloseBoth = ["close ru", "close du"];
    private static readonly string[] StopAndCloseBoth = ["stop ru", "stop du", "close ru", "close du"];
    private static readonly TestRunSettings Fast = new()
    {
        StepTimeout = TimeSpan.FromMilliseconds(300),
        TransientBackoff = TimeSpan.FromMilliseconds(5),
    };

    private readonly ConcurrentQueue<string> _log = new();
    private readonly Execution _execution = DemoPlan.Quick(1)[0];

    [Test]
    public async Task ProcedureRunner_must_pass_when_every_metric_is_met_and_release_every_device()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Pass), string.Join("; ", outcome.Reasons));
            Assert.That(outcome.Metrics.Select(m => (m.Id, m.Measured, m.Verdict)),
                Is.EqualTo(new[] { ("malformed-ratio", (decimal?)0m, Verdict.Pass), ("rx-late", 0m, Verdict.Pass) }));
            Assert.That(outcome.Evidence, Is.SupersetOf(EvidenceFiles));
            Assert.That(Steps(), Is.EqualTo(WholeLifecycle));
        });
    }

    [Test]
    public async Task ProcedureRunner_must_fail_when_a_metric_is_not_met()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()),
            (_, ru) => ru.Counters = new DeviceCounters(ImmutableSortedDictionary<string, decimal>.Empty.Add("rx-late", 7)));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(outcome.Reasons, Has.One.Contains("rx-late = 7 does not meet <= 0"));
            Assert.That(outcome.DeviceFault, Is.False);
        });
    }

    [Test]
    public async Task ProcedureRunner_must_make_a_hanging_device_an_error_and_still_release_the_others()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()), (_, ru) => ru.Script["start"] = Behaviour.Hang);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Error));
            Assert.That(outcome.DeviceFault, Is.True);
            Assert.That(outcome.Reasons, Has.One.Contains("start failed").And.Contains("hangs"));
            Assert.That(Steps().TakeLast(3), Is.EqualTo(ReleaseAfterHang),
                "the started O-DU is stopped and both are closed");
        });
    }

    [Test]
    public async Task ProcedureRunner_must_make_a_crashing_device_an_error_naming_the_step()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()), (du, _) => du.Script["configure"] = Behaviour.Crash);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Error));
            Assert.That(outcome.Reasons, Has.One.Contains("configure failed").And.Contains("configure exploded"));
            Assert.That(Steps().Where(s => s.StartsWith("start", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Steps().TakeLast(2), Is.EqualTo(CloseBoth));
        });
    }

    [Test]
    public async Task ProcedureRunner_must_repeat_a_step_after_transient_faults_within_the_attempts_budget()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()), (du, ru) =>
        {
            du.TransientFaults["configure"] = 2;
            ru.TransientFaults["start"] = 1;
        });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Pass), string.Join("; ", outcome.Reasons));
            Assert.That(Steps().Count(s => s == "configure du"), Is.EqualTo(3));
            Assert.That(Steps().Count(s => s == "start ru"), Is.EqualTo(2));
            Assert.That(outcome.DeviceFault, Is.False);
        });
    }

    [Test]
    public async Task ProcedureRunner_must_make_transient_faults_beyond_the_budget_a_device_error()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()), (du, ru) =>
        {
            du.TransientFaults["configure"] = 2;
            ru.TransientFaults["start"] = 2; // the attempt's budget is 3 in all: the fourth transient fault stands
        });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Error));
            Assert.That(outcome.DeviceFault, Is.True);
            Assert.That(outcome.Reasons, Has.One.Contains("start failed: resource busy"));
            Assert.That(Steps().Count(s => s == "start ru"), Is.EqualTo(2));
            Assert.That(Steps().TakeLast(2), Is.EqualTo(CloseBoth), "clean-up still runs");
        });
    }

    [Test]
    public async Task ProcedureRunner_must_be_inconclusive_when_a_device_reports_garbage_instead_of_a_counter()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.Report()),
            (_, ru) => ru.Counters = new DeviceCounters(ImmutableSortedDictionary<string, decimal>.Empty.Add("rx-lat", 0)));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(outcome.Reasons, Has.One.Contains("rx-late not measured"));
        });
    }

    [Test]
    public async Task ProcedureRunner_must_never_pass_a_capture_that_dropped_frames()
    {
        var outcome = await Run(new ScriptedTap(() => ScriptedTap.DroppedReport(1500)));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(outcome.Reasons, Has.One.Contains("the capture dropped 1500 frame(s)"));
        });
    }

    [Test]
    public async Task ProcedureRunner_must_abort_on_cancellation_and_still_clean_up()
    {
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var runner = new ProcedureRunner(new TestRunSettings { StepTimeout = TimeSpan.FromSeconds(30) },
            NullLogger.Instance);
        var session = ScriptedEquipment.Session(_execution, _log, new ScriptedTap(() => ScriptedTap.Report(), hang: true));

        var outcome = await runner.RunAsync(_execution, DemoPlan.EmulatedBench("b"), session, Evidence(), abort.Token);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(Steps().TakeLast(4), Is.EqualTo(StopAndCloseBoth));
        });
    }

    private async Task<ExecutionOutcome> Run(Orchestration.Capture.IFronthaulTap tap,
        Action<ScriptedDriver, ScriptedDriver>? script = null)
    {
        var session = ScriptedEquipment.Session(_execution, _log, tap, script);
        var runner = new ProcedureRunner(Fast, NullLogger.Instance);
        return await runner.RunAsync(_execution, DemoPlan.EmulatedBench("b"), session, Evidence(), CancellationToken.None);
    }

    /// <summary>The device calls in order, as "step du|ru".</summary>
    private IEnumerable<string> Steps() => _log.Select(line =>
    {
        var parts = line.Split(' ');
        return $"{parts[0]} {(parts[1] == _execution.Products.ODu.Id ? "du" : "ru")}";
    });

    private static string Evidence() =>
        Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "evidence", Guid.NewGuid().ToString("N"));
}
