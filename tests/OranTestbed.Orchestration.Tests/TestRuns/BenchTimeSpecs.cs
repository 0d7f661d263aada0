using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Orchestration.Emulated;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Tests.TestRuns;

/// <summary>
/// Time on a bench: an emulated bench runs on emulated time (a wait costs no wall time, and the emulated devices see it
/// pass), a physical bench on real time. Every run is bounded by <see cref="Patience"/>: a bench that waits in real time
/// where it should not is aborted, not waited for.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class BenchTimeSpecs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TestRunSettings Settings = new() { StepTimeout = TimeSpan.FromSeconds(5) };
    private readonly Execution _execution = DemoPlan.Quick(1)[0];

    [Test]
    public async Task ProcedureRunner_must_let_a_wait_cost_no_wall_time_on_an_emulated_bench()
    {
        var shortCase = _execution.Case;
        var withoutWait = await RunEmulated(shortCase.Procedure);
        var waited = _execution.Case.Procedure.Insert(2, new WaitStep(TimeSpan.FromSeconds(1000)));

        var clock = Stopwatch.StartNew();
        var withWait = await RunEmulated(waited);
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "a 1000 s wait on emulated time");
            Assert.That(withWait.Verdict, Is.EqualTo(withoutWait.Verdict), string.Join("; ", withWait.Reasons));
            Assert.That(withWait.Verdict, Is.EqualTo(Verdict.Pass), string.Join("; ", withWait.Reasons));
            Assert.That(withWait.Reasons, Is.EqualTo(withoutWait.Reasons));
        });
    }

    [Test]
    public async Task ProcedureRunner_must_wait_in_real_time_on_a_command_line_bench()
    {
        var wait = TimeSpan.FromMilliseconds(300);
        var physical = new Bench("rack-9", null, BenchKind.Physical, [], "eth9", CaptureTap.Ru);
        var commands = new CommandLineDriver(ImmutableSortedDictionary<LifecycleStep, CommandStep>.Empty,
            ImmutableSortedDictionary<string, string>.Empty, null, ImmutableSortedDictionary<string, string>.Empty);
        var execution = _execution with
        {
            Products = _execution.Products with
            {
                ODu = _execution.Products.ODu with { Driver = commands },
                ORu = _execution.Products.ORu with { Driver = commands },
            },
            Case = _execution.Case with { Procedure = [ConfigureStep.Default, new WaitStep(wait)], Metrics = [] },
        };
        var evidence = Evidence();
        var session = new LabEquipment(DemoPlan.Plan).Prepare(physical, execution, evidence);

        var clock = Stopwatch.StartNew();
        var outcome = await Run(execution, physical, session, evidence);
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Pass), string.Join("; ", outcome.Reasons));
            // Timers may fire a tick early: a real wait is within that of 300 ms, an emulated one is ~0.
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(wait - TimeSpan.FromMilliseconds(20)));
        });
    }

    [Test]
    public async Task EmulatedDevice_must_see_the_emulated_time_of_waits_and_captures_pass()
    {
        var procedure = ImmutableArray.Create<ProcedureStep>(ConfigureStep.Default,
            new StartTrafficStep(TrafficDirection.Both, 1m), new CaptureStep(TimeSpan.FromMilliseconds(10)), AnalyzeStep.Instance,
            new WaitStep(TimeSpan.FromSeconds(1000)), new QueryCountersStep(ProductRole.ORu, ["uptime"]), StopTrafficStep.Instance);
        var uptime = DemoPlan.Metric("uptime", MetricUnit.Duration, MetricSource.ORuCounters, ">= 1000s");

        var clock = Stopwatch.StartNew();
        var outcome = await RunEmulated(procedure, [uptime]);
        clock.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Pass), string.Join("; ", outcome.Reasons));
            Assert.That(outcome.Metrics.Single(m => m.Id == "uptime").Measured, Is.EqualTo(1_000_010_000_000m),
                "the O-RU was up for the 10 ms capture and the 1000 s wait, in nanoseconds");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        });
    }

    private async Task<ExecutionOutcome> RunEmulated(ImmutableArray<ProcedureStep> procedure,
        ImmutableArray<Metric>? metrics = null)
    {
        var bench = DemoPlan.EmulatedBench("emulated");
        var execution = _execution with
        {
            Case = _execution.Case with { Procedure = procedure, Metrics = metrics ?? _execution.Case.Metrics },
        };
        var evidence = Evidence();
        var session = new LabEquipment(DemoPlan.Plan).Prepare(bench, execution, evidence);
        return await Run(execution, bench, session, evidence);
    }

    private static async Task<ExecutionOutcome> Run(Execution execution, Bench bench, Benches.BenchSession session,
        string evidence)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await new ProcedureRunner(Settings, NullLogger.Instance)
            .RunAsync(execution, bench, session, evidence, patience.Token);
    }

    private static string Evidence() =>
        Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "bench-time", Guid.NewGuid().ToString("N"));
}
