using System.Collections.Immutable;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Benches;

/// <summary>
/// One bench: owns its devices and capture interface exclusively, runs one execution at a time as a child
/// <see cref="TestRunActor"/> per attempt, retries as the coordinator allows, and reports one
/// <see cref="ExecutionFinished"/> per execution. A test run that crashes is stopped (supervision) and its attempt is an
/// ERROR; after <see cref="TestRunSettings.MaxConsecutiveDeviceFaults"/> device faults in a row the bench reports
/// itself <see cref="BenchOutOfService"/> and takes no more work.
/// </summary>
public sealed class BenchActor : ReceiveActor
{
    private readonly Bench _bench;
    private readonly IBenchEquipment _equipment;
    private readonly TestRunSettings _settings;
    private readonly ILoggerFactory _loggers;
    private readonly string _runFolder;
    private RunExecution? _current;
    private IActorRef _coordinator = ActorRefs.Nobody;
    private IActorRef? _testRun;
    private int _attempt;

    // Names every test-run child uniquely: a finished test run stops on its own, and until it has, its name is taken; the
    // coordinator may send the next execution (attempt 1 again) before then.
    private long _testRuns;
    private bool _aborting;
    private int _consecutiveDeviceFaults;
    private TimeSpan _elapsed;
    private bool _outOfService;
    private readonly List<ExecutionOutcome> _outcomes = [];
    private readonly ILogger _logger;

    public BenchActor(Bench bench, IBenchEquipment equipment, TestRunSettings settings, string runFolder,
        ILoggerFactory loggers)
    {
        _bench = bench;
        _equipment = equipment;
        _settings = settings;
        _runFolder = runFolder;
        _loggers = loggers;
        _logger = loggers.CreateLogger<BenchActor>();
        Receive<RunExecution>(Handle);
        Receive<AttemptFinished>(Handle);
        Receive<AbortExecution>(Handle);
        Receive<Terminated>(Handle);
    }

    public static Props Props(Bench bench, IBenchEquipment equipment, TestRunSettings settings, string runFolder,
        ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new BenchActor(bench, equipment, settings, runFolder, loggers));

    /// <summary>A test run that throws is stopped, never restarted: its attempt ends as an ERROR (see Terminated).</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(0, TimeSpan.Zero, _ => Directive.Stop);

    /// <summary>
    /// The bench itself threw (a bug, not a device fault: those end attempts). The coordinator restarts it (see
    /// <see cref="CampaignCoordinatorActor"/>), and a restart forgets the execution in flight, so the old incarnation
    /// reports it first, as an ERROR with the reason, and the coordinator never waits for it. Its test run stops with it
    /// (clean-up runs on its stop).
    /// </summary>
    protected override void PreRestart(Exception reason, object message)
    {
        if (_current is { } run)
        {
            OrchestrationLog.BenchCrashed(_logger, _bench.Id, run.Execution.Id, reason);
            _coordinator.Tell(new ExecutionFinished(run.RunId, _bench.Id, new ExecutionRecord(run.Execution.Id, Verdict.Error,
                _attempt, false, [$"bench {_bench.Id} failed: {reason.GetType().Name}: {reason.Message}"], _bench.Id, _elapsed,
                run.EvidenceFolder)));
            _current = null;
        }

        base.PreRestart(reason, message);
    }

    private void Handle(RunExecution run)
    {
        if (_current is not null || _outOfService)
        {
            Sender.Tell(new ExecutionFinished(run.RunId, _bench.Id, new ExecutionRecord(run.Execution.Id, Verdict.Error, 0,
                false, [$"bench {_bench.Id} was {(_outOfService ? "out of service" : "busy")}"], _bench.Id, TimeSpan.Zero,
                run.EvidenceFolder)));
            return;
        }

        _current = run;
        _coordinator = Sender;
        _attempt = 0;
        _aborting = false;
        _elapsed = TimeSpan.Zero;
        _outcomes.Clear();
        StartAttempt();
    }

    private void StartAttempt()
    {
        _attempt++;
        var execution = _current!.Execution;
        var folder = Path.Combine(_runFolder, _current.EvidenceFolder, $"attempt-{_attempt}");
        var logger = _loggers.CreateLogger<TestRunActor>();
        _testRun = Context.ActorOf(TestRunActor.Props(_bench, _equipment, _settings, logger), $"test-run-{++_testRuns}");
        Context.Watch(_testRun);
        _testRun.Tell(new StartAttempt(execution, _attempt, folder, Self));
    }

    private void Handle(AttemptFinished finished)
    {
        if (_current is null || finished.ExecutionId != _current.Execution.Id || finished.Attempt != _attempt)
        {
            return;
        }

        Context.Unwatch(_testRun);
        _testRun = null;
        Conclude(finished.Outcome);
    }

    private void Handle(Terminated terminated)
    {
        if (_testRun is not null && terminated.ActorRef.Equals(_testRun))
        {
            _testRun = null;
            Conclude(ExecutionOutcome.Error("the test run crashed", TimeSpan.Zero, deviceFault: false));
        }
    }

    private void Handle(AbortExecution abort)
    {
        _aborting = true;
        _testRun?.Tell(abort);
    }

    private void Conclude(ExecutionOutcome outcome)
    {
        _outcomes.Add(outcome);
        _elapsed += outcome.Duration;
        _consecutiveDeviceFaults = outcome.DeviceFault ? _consecutiveDeviceFaults + 1 : 0;
        if (_consecutiveDeviceFaults >= _settings.MaxConsecutiveDeviceFaults && !_outOfService)
        {
            _outOfService = true;
            _coordinator.Tell(new BenchOutOfService(_bench.Id,
                $"{_consecutiveDeviceFaults} device faults in a row, the last: {string.Join("; ", outcome.Reasons)}"));
        }

        if (outcome.StorageFault is not null)
        {
            // The testbed's disk, not the equipment: no verdict, no retry onto the same full disk.
            outcome = outcome with { Verdict = Verdict.Aborted };
        }

        bool retry = outcome.Verdict is Verdict.Fail or Verdict.Inconclusive or Verdict.Error
                     && !_aborting && !_outOfService && _attempt < _current!.MaxAttempts;
        if (retry)
        {
            StartAttempt();
            return;
        }

        var run = _current!;
        var record = new ExecutionRecord(run.Execution.Id, outcome.Verdict, _attempt,
            Flaky: outcome.Verdict == Verdict.Pass && _attempt > 1,
            Reasons: _attempt > 1 ? [.. outcome.Reasons, .. EarlierAttempts()] : outcome.Reasons,
            _bench.Id, _elapsed, run.EvidenceFolder)
        {
            Metrics = outcome.Metrics,
            Evidence = outcome.Evidence,
            StorageFault = outcome.StorageFault,
        };
        _current = null;
        _coordinator.Tell(new ExecutionFinished(run.RunId, _bench.Id, record));
    }

    private ImmutableArray<string> EarlierAttempts() =>
        [.. _outcomes.Take(_outcomes.Count - 1).Select((o, i) =>
            $"attempt {i + 1}: {o.Verdict.ToWireName()}{(o.Reasons.IsEmpty ? string.Empty : " (" + string.Join("; ", o.Reasons) + ")")}")];
}
