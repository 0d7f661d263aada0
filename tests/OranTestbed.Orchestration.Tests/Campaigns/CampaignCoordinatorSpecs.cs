using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Orchestration.Hosting;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Tests.Campaigns;

/// <summary>The coordinator on the real host: Akka.Persistence.Sql with a SQLite journal file per test.</summary>
public sealed class CampaignCoordinatorSpecs : AkkaSpec
{
    private static readonly int[] RunCounts = [1, 1, 2, 1, 1];
    private static readonly string[] BothBenches = ["a", "b"];
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);
    private static readonly string Folder = NewFolder();
    private readonly IHost _host;
    private readonly string _journal;

    public CampaignCoordinatorSpecs()
        : this(Path.Combine(NewFolder(), "journal.db"))
    {
    }

    private CampaignCoordinatorSpecs(string journal)
        : this(journal, StartHost(journal))
    {
    }

    private CampaignCoordinatorSpecs(string journal, IHost host)
        : base(host.ActorSystem())
    {
        _journal = journal;
        _host = host;
    }

    [TearDown]
    public void StopHost()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Test]
    public void Coordinator_must_run_every_execution_and_close_the_run()
    {
        var executions = DemoPlan.Quick(4);
        var equipment = ScriptedEquipment.Clean();

        var completed = Run(Sys, "run-1", executions, equipment, [DemoPlan.EmulatedBench("a"), DemoPlan.EmulatedBench("b")]);

        Assert.Multiple(() =>
        {
            Assert.That(completed.Refused, Is.Null);
            Assert.That(completed.Aborted, Is.False);
            Assert.That(completed.Records.Select(r => r.ExecutionId), Is.EquivalentTo(executions.Select(e => e.Id)));
            Assert.That(completed.Records.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass));
            Assert.That(completed.Records.Select(r => r.BenchId).Distinct(), Is.EquivalentTo(BothBenches));
            Assert.That(completed.NotRun, Is.Empty);
        });
    }

    [Test]
    public void Coordinator_must_resume_after_a_crash_without_rerunning_completed_executions()
    {
        var executions = DemoPlan.Quick(5);
        var log = new ConcurrentQueue<string>();

        // First process: the third execution's capture hangs forever; the system dies with two results journaled.
        using (var first = StartHost(_journal))
        {
            var system = first.ActorSystem();
            var hangOnThird = new ScriptedEquipment((_, e, _) => ScriptedEquipment.Session(e, log,
                new ScriptedTap(() => ScriptedTap.Report(), hang: e.Id == executions[2].Id)));
            var probe = new Akka.TestKit.TestProbe(system, new NUnitAssertions());
            var coordinator = system.ActorOf(CampaignCoordinatorActor.Props("run-crash", Settings(hangOnThird)));
            coordinator.Tell(Start("run-crash", executions, [DemoPlan.EmulatedBench("a")], probe.Ref), probe.Ref);
            for (int done = 0; done < 2;)
            {
                if (probe.ExpectMsg<object>(RunTimeout) is ExecutionCompleted)
                {
                    done++;
                }
            }

            system.Terminate().Wait(RunTimeout); // kill: nothing closes the run
        }

        var completed = Run(Sys, "run-crash", executions, new ScriptedEquipment((_, e, _) =>
            ScriptedEquipment.Session(e, log, new ScriptedTap(() => ScriptedTap.Report()))), [DemoPlan.EmulatedBench("a")]);

        // The third was in flight when the process died: it runs again; the two journaled ones never do.
        Assert.Multiple(() =>
        {
            Assert.That(completed.Records.Select(r => r.ExecutionId), Is.EquivalentTo(executions.Select(e => e.Id)));
            Assert.That(completed.Records.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Pass));
            Assert.That(executions.Select(e => TimesRun(log, e)), Is.EqualTo(RunCounts));
        });
    }

    [Test]
    public void Coordinator_must_refuse_to_resume_a_run_with_a_different_plan()
    {
        var executions = DemoPlan.Quick(2);
        Run(Sys, "run-hash", executions, ScriptedEquipment.Clean(), [DemoPlan.EmulatedBench("a")]);

        var probe = CreateTestProbe();
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-hash", Settings(ScriptedEquipment.Clean())));
        coordinator.Tell(Start("run-hash", executions, [DemoPlan.EmulatedBench("a")], probe.Ref) with { PlanHash = "other" },
            probe.Ref);

        var refused = probe.ExpectMsg<RunCompleted>(RunTimeout);
        Assert.That(refused.Refused, Does.Contain("different plan"));
    }

    [Test]
    public void Coordinator_must_retire_a_bench_whose_devices_keep_failing_and_move_its_queued_work()
    {
        var executions = DemoPlan.Quick(4);
        var log = new ConcurrentQueue<string>();
        var equipment = new ScriptedEquipment((bench, e, _) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report()),
            (du, _) => du.Script["open"] = bench.Id == "broken" ? Behaviour.Crash : Behaviour.Ok));
        var settings = Settings(equipment) with { TestRun = new TestRunSettings { MaxConsecutiveDeviceFaults = 1 } };

        var completed = Run(Sys, "run-broken", executions, equipment,
            [DemoPlan.EmulatedBench("broken"), DemoPlan.EmulatedBench("good")], settings);

        var onBroken = completed.Records.Where(r => r.BenchId == "broken").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(onBroken, Has.Count.EqualTo(1), "one execution reached the broken bench before it retired");
            Assert.That(onBroken[0].Verdict, Is.EqualTo(Verdict.Error));
            Assert.That(onBroken[0].Reasons, Has.One.Contains("open failed"));
            Assert.That(completed.Records.Where(r => r.BenchId == "good").Select(r => r.Verdict).ToList(),
                Has.Count.EqualTo(3).And.All.EqualTo(Verdict.Pass));
        });
    }

    [Test]
    public void Coordinator_must_requeue_the_execution_of_a_bench_that_dies()
    {
        var executions = DemoPlan.Quick(2);
        var log = new ConcurrentQueue<string>();
        var equipment = new ScriptedEquipment((bench, e, _) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report(), hang: bench.Id == "doomed")));
        var probe = CreateTestProbe();
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-doomed", Settings(equipment)));
        coordinator.Tell(Start("run-doomed", executions,
            [DemoPlan.EmulatedBench("doomed"), DemoPlan.EmulatedBench("spare")], probe.Ref), probe.Ref);
        var dispatched = probe.FishForMessage<ExecutionDispatched>(m => m is ExecutionDispatched { BenchId: "doomed" },
            RunTimeout);

        Sys.ActorSelection(coordinator.Path / "bench-doomed").Tell(Kill.Instance);

        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(completed.Records.Select(r => (r.ExecutionId, r.Verdict)),
                Is.EquivalentTo(executions.Select(e => (e.Id, Verdict.Pass))));
            Assert.That(completed.Records.Single(r => r.ExecutionId == dispatched.ExecutionId).BenchId, Is.EqualTo("spare"));
        });
    }

    [Test]
    public void Coordinator_must_record_an_error_for_the_execution_of_a_bench_that_throws_and_finish_the_run()
    {
        var executions = DemoPlan.Quick(3);
        var settings = Settings(ScriptedEquipment.Clean()) with { Loggers = new ThrowingLoggers(failures: 1) };

        var completed = Run(Sys, "run-throwing", executions, ScriptedEquipment.Clean(), [DemoPlan.EmulatedBench("a")], settings);

        Assert.Multiple(() =>
        {
            Assert.That(completed.Aborted, Is.False);
            Assert.That(completed.NotRun, Is.Empty);
            Assert.That(completed.Records.Select(r => (r.ExecutionId, r.Verdict, r.BenchId)), Is.EqualTo(new[]
            {
                (executions[0].Id, Verdict.Error, "a"),
                (executions[1].Id, Verdict.Pass, "a"),
                (executions[2].Id, Verdict.Pass, "a"),
            }), "the bench restarted and ran the rest");
            Assert.That(completed.Records[0].Reasons, Has.Length.EqualTo(1)
                .And.One.EqualTo("bench a failed: InvalidOperationException: the bench broke"));
        });
    }

    [Test]
    public void Coordinator_must_stop_a_bench_that_keeps_throwing_and_still_close_the_run()
    {
        var executions = DemoPlan.Quick(5);
        var settings = Settings(ScriptedEquipment.Clean()) with { Loggers = new ThrowingLoggers(failures: int.MaxValue) };
        var probe = CreateTestProbe();
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-broken", settings));
        coordinator.Tell(Start("run-broken", executions, [DemoPlan.EmulatedBench("a")], probe.Ref), probe.Ref);

        var retired = probe.FishForMessage<BenchRetired>(_ => true, RunTimeout);
        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(retired.Reason, Is.EqualTo("the bench stopped"));
            Assert.That(completed.NotRun, Is.Empty);
            Assert.That(completed.Records.Select(r => r.Verdict).ToList(), Has.Count.EqualTo(5).And.All.EqualTo(Verdict.Error));
            Assert.That(completed.Records.Take(3).SelectMany(r => r.Reasons), Is.All.StartWith("bench a failed: "),
                "three restarts, each reporting its execution");
            Assert.That(completed.Records.Skip(3).SelectMany(r => r.Reasons), Is.All.StartWith("no bench in service can host"));
        });
    }

    [Test]
    public void Coordinator_must_record_a_pass_after_a_retry_as_flaky()
    {
        var executions = DemoPlan.Quick(1);
        int captures = 0;
        var equipment = new ScriptedEquipment((_, e, log) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report(malformed: Interlocked.Increment(ref captures) == 1 ? 3 : 0))));
        var settings = Settings(equipment) with { MaxAttempts = _ => 3 };

        var completed = Run(Sys, "run-flaky", executions, equipment, [DemoPlan.EmulatedBench("a")], settings);

        var record = completed.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(record.Flaky, Is.True);
            Assert.That(record.Attempts, Is.EqualTo(2));
            Assert.That(record.Reasons, Has.One.StartsWith("attempt 1: FAIL"));
        });
    }

    [Test]
    public void Coordinator_must_abort_on_request_and_rerun_aborted_executions_on_resume()
    {
        var executions = DemoPlan.Quick(3);
        var hanging = new ScriptedEquipment((_, e, log) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report(), hang: true)));
        var probe = CreateTestProbe();
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-abort", Settings(hanging)));
        coordinator.Tell(Start("run-abort", executions, [DemoPlan.EmulatedBench("a")], probe.Ref), probe.Ref);
        probe.FishForMessage<ExecutionDispatched>(_ => true, RunTimeout);

        coordinator.Tell(new AbortRun("Ctrl+C"));
        var aborted = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        Sys.Stop(coordinator);

        var resumed = Run(Sys, "run-abort", executions, ScriptedEquipment.Clean(), [DemoPlan.EmulatedBench("a")]);

        Assert.Multiple(() =>
        {
            Assert.That(aborted.Aborted, Is.True);
            Assert.That(aborted.Records.Select(r => r.Verdict), Is.EqualTo(new[] { Verdict.Aborted }));
            Assert.That(aborted.NotRun, Has.Length.EqualTo(3));
            Assert.That(resumed.Records.Select(r => r.Verdict).ToList(), Has.Count.EqualTo(3).And.All.EqualTo(Verdict.Pass));
        });
    }

    [Test]
    public void Coordinator_must_requeue_an_aborted_execution_whose_bench_dies_on_resume()
    {
        var executions = DemoPlan.Quick(1);
        var hanging = new ScriptedEquipment((_, e, log) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report(), hang: true)));
        var probe = CreateTestProbe();
        var first = Sys.ActorOf(CampaignCoordinatorActor.Props("run-abort-die", Settings(hanging)));
        first.Tell(Start("run-abort-die", executions, [DemoPlan.EmulatedBench("a")], probe.Ref), probe.Ref);
        probe.FishForMessage<ExecutionDispatched>(_ => true, RunTimeout);
        first.Tell(new AbortRun("Ctrl+C"));
        probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        probe.Watch(first);
        Sys.Stop(first);
        probe.ExpectTerminated(first, RunTimeout);

        var equipment = new ScriptedEquipment((bench, e, log) => ScriptedEquipment.Session(e, log,
            new ScriptedTap(() => ScriptedTap.Report(), hang: bench.Id == "doomed")));
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-abort-die", Settings(equipment)));
        coordinator.Tell(Start("run-abort-die", executions,
            [DemoPlan.EmulatedBench("doomed"), DemoPlan.EmulatedBench("spare")], probe.Ref), probe.Ref);
        probe.FishForMessage<ExecutionDispatched>(m => m is ExecutionDispatched { BenchId: "doomed" }, RunTimeout);
        Sys.ActorSelection(coordinator.Path / "bench-doomed").Tell(Kill.Instance);

        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(completed.NotRun, Is.Empty, "the journal's ABORTED record does not make it done");
            Assert.That(completed.Records.Select(r => (r.Verdict, r.BenchId)), Is.EqualTo(new[] { (Verdict.Pass, "spare") }));
        });
    }

    [Test]
    public void Coordinator_must_send_ids_to_a_remote_bench_and_requeue_its_execution_when_its_host_goes_away()
    {
        var executions = DemoPlan.Quick(3);
        var agent = CreateTestProbe();
        var probe = CreateTestProbe();
        var settings = Settings(ScriptedEquipment.Clean()) with { Campaign = new CampaignSource("demo", "operators: []") };
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-remote", settings));
        coordinator.Tell(new RegisterBench(DemoPlan.EmulatedBench("remote"), agent.Ref, Remote: true));
        coordinator.Tell(Start("run-remote", executions, [], probe.Ref), probe.Ref);

        var first = agent.ExpectMsg<RunRemoteExecution>(RunTimeout);
        agent.Reply(new ExecutionFinished("run-remote", "remote", new ExecutionRecord(first.ExecutionId, Verdict.Pass, 1,
            false, [], "remote", TimeSpan.FromSeconds(1), first.EvidenceFolder)));
        var second = agent.ExpectMsg<RunRemoteExecution>(RunTimeout);
        coordinator.Tell(new RegisterBench(DemoPlan.EmulatedBench("local"),
            Sys.ActorOf(BenchActor.Props(DemoPlan.EmulatedBench("local"), ScriptedEquipment.Clean(), settings.TestRun,
                Folder, NullLoggerFactory.Instance))));
        Sys.Stop(agent.Ref); // its host left: DeathWatch tells the coordinator

        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        Assert.Multiple(() =>
        {
            Assert.That(first.Campaign.Id, Is.EqualTo("demo"));
            Assert.That(new[] { first.ExecutionId, second.ExecutionId }, Is.EqualTo(executions.Take(2).Select(e => e.Id)));
            Assert.That(first.MaxAttempts, Is.EqualTo(1));
            Assert.That(completed.Records.Select(r => (r.ExecutionId, r.Verdict, r.BenchId)), Is.EquivalentTo(new[]
            {
                (executions[0].Id, Verdict.Pass, "remote"),
                (executions[1].Id, Verdict.Pass, "local"),
                (executions[2].Id, Verdict.Pass, "local"),
            }), "the one in flight on the lost host ran again elsewhere; the remote result stands");
        });
    }

    [Test]
    public void Coordinator_must_wait_for_a_bench_to_join_before_giving_up_on_an_execution()
    {
        var executions = DemoPlan.Quick(2);
        var settings = Settings(ScriptedEquipment.Clean()) with { BenchWait = TimeSpan.FromSeconds(20) };
        var probe = CreateTestProbe();
        var coordinator = Sys.ActorOf(CampaignCoordinatorActor.Props("run-wait", settings));
        coordinator.Tell(Start("run-wait", executions, [], probe.Ref), probe.Ref);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        coordinator.Tell(new RegisterBench(DemoPlan.EmulatedBench("late"),
            Sys.ActorOf(BenchActor.Props(DemoPlan.EmulatedBench("late"), ScriptedEquipment.Clean(), settings.TestRun,
                Folder, NullLoggerFactory.Instance))));

        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        Assert.That(completed.Records.Select(r => (r.Verdict, r.BenchId)),
            Is.EqualTo(new[] { (Verdict.Pass, "late"), (Verdict.Pass, "late") }));
    }

    [Test]
    public void Coordinator_must_record_an_error_when_no_bench_joins_within_the_wait()
    {
        var executions = DemoPlan.Quick(1);
        var settings = Settings(ScriptedEquipment.Clean()) with { BenchWait = TimeSpan.FromMilliseconds(300) };

        var completed = Run(Sys, "run-nobody", executions, ScriptedEquipment.Clean(), [], settings);

        var record = completed.Records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.Verdict, Is.EqualTo(Verdict.Error));
            Assert.That(record.Reasons, Has.One.Contains("no bench in service can host").And.One.Contains("none joined within"));
        });
    }

    private static RunCompleted Run(ActorSystem system, string runId, ImmutableArray<Execution> executions,
        IBenchEquipment equipment, ImmutableArray<Bench> benches, CoordinatorSettings? settings = null)
    {
        var probe = new Akka.TestKit.TestProbe(system, new NUnitAssertions());
        var coordinator = system.ActorOf(CampaignCoordinatorActor.Props(runId, settings ?? Settings(equipment)));
        coordinator.Tell(Start(runId, executions, benches, probe.Ref), probe.Ref);
        var completed = probe.FishForMessage<RunCompleted>(_ => true, RunTimeout);
        system.Stop(coordinator);
        probe.Watch(coordinator);
        probe.ExpectTerminated(coordinator, RunTimeout);
        return completed;
    }

    private static StartRun Start(string runId, ImmutableArray<Execution> executions, ImmutableArray<Bench> benches,
        IActorRef listener) => new(runId, "demo", "hash-1", executions, benches, listener);

    private static CoordinatorSettings Settings(IBenchEquipment equipment) =>
        new(Folder, equipment, new TestRunSettings { StepTimeout = TimeSpan.FromSeconds(5) }, NullLoggerFactory.Instance);

    /// <summary>How many attempts opened the execution's O-DU.</summary>
    private static int TimesRun(ConcurrentQueue<string> log, Execution execution) =>
        log.Count(l => l == $"open {execution.Products.ODu.Id} {execution.Id}");

    /// <summary>Loggers whose test-run logger cannot be created the first <paramref name="failures"/> times: the bench
    /// actor, which creates one per attempt, throws.</summary>
    private sealed class ThrowingLoggers(int failures) : ILoggerFactory
    {
        private int _left = failures;

        public ILogger CreateLogger(string categoryName) =>
            categoryName.EndsWith(nameof(TestRunActor), StringComparison.Ordinal) && Interlocked.Decrement(ref _left) >= 0
                ? throw new InvalidOperationException("the bench broke")
                : NullLogger.Instance;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private static IHost StartHost(string journal)
    {
        var host = OrchestrationHost.Build(journal, NullLoggerFactory.Instance);
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oran-testbed-tests", "orchestration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
