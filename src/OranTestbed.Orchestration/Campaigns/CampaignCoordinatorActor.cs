using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Campaigns;

/// <summary>
/// Owns one run: the queue of executions and their results, persisted (Akka.Persistence, one journal per run id) so
/// that a killed process resumes where it stopped. Every result is journaled before anyone is told about it; on resume
/// the journal says what is done and only the rest runs (an execution aborted by Ctrl+C counts as not done).
/// Executions go to idle benches that host all their products, in plan order, after the executions they depend on.
/// Benches are local actors or, on a cluster, benches of agents (sent ids, not plan objects). A bench that dies or leaves
/// (its agent's host included) has its execution re-queued; one out of service gets no more work, and an execution that
/// no bench in service can run waits <see cref="CoordinatorSettings.BenchWait"/> for one to join, then is recorded as
/// ERROR with that reason, so the run always ends.
/// </summary>
public sealed class CampaignCoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private const string BenchWaitKey = "bench-wait";
    private const int BenchRestarts = 3;
    private static readonly TimeSpan BenchRestartWindow = TimeSpan.FromMinutes(1);

    private readonly string _runId;
    private readonly CoordinatorSettings _settings;
    private readonly ILogger _logger;

    // Journal state (rebuilt on recovery).
    private RunStarted? _started;
    private readonly Dictionary<string, ExecutionRecord> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recording = new(StringComparer.Ordinal);
    private RunClosed? _closed;

    // Run state (this incarnation).
    private readonly Dictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    private readonly List<string> _pending = [];
    private readonly Dictionary<string, BenchSlot> _benches = new(StringComparer.Ordinal);
    private IActorRef _listener = ActorRefs.Nobody;
    private IActorRef _requester = ActorRefs.Nobody;
    private bool _running;
    private bool _aborting;
    private string? _storageFault;
    private DateTime _benchesChangedAt = DateTime.UtcNow;
    private HashSet<string> _planned = new(StringComparer.Ordinal);
    private int _doneCount; // planned executions with a done record: kept as records land, not recounted per result
    private int _benchEpoch; // bumped whenever a bench joins, leaves or goes out of service
    private int _allHostableEpoch = -1; // the epoch at which every planned execution had a bench in service to host it

    public CampaignCoordinatorActor(string runId, CoordinatorSettings settings)
    {
        _runId = runId;
        _settings = settings;
        _logger = settings.Loggers.CreateLogger<CampaignCoordinatorActor>();
        PersistenceId = "campaign-run-" + runId;

        Recover<RunStarted>(e => _started = e);
        Recover<ExecutionRecorded>(e => _records[e.Record.ExecutionId] = e.Record);
        Recover<RunClosed>(e => _closed = e);

        Command<StartRun>(Handle);
        Command<RegisterBench>(Handle);
        Command<ExecutionFinished>(Handle);
        Command<BenchOutOfService>(Handle);
        Command<AbortRun>(Handle);
        Command<Terminated>(Handle);
        Command<WaitedForBenches>(_ => Dispatch());
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string runId, CoordinatorSettings settings) =>
        Akka.Actor.Props.Create(() => new CampaignCoordinatorActor(runId, settings));

    /// <summary>
    /// Local benches (children). A bench that throws is restarted, up to <see cref="BenchRestarts"/> times within
    /// <see cref="BenchRestartWindow"/>: before it restarts it reports its execution in flight as an ERROR (see
    /// <see cref="BenchActor"/>), so no execution is forgotten and the run still closes; past that budget, or if it cannot
    /// even be created, it is stopped: Terminated retires it and re-queues what it held. Never escalated: the coordinator
    /// owns the run and its journal, and one bench's fault must not restart the run.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(BenchRestarts, BenchRestartWindow, DecideForBench);

    /// <summary>
    /// The journal refused a write (a full disk): the run cannot keep its promise that every result is durable before
    /// it is reported, so it stops here (Akka stops a persistent actor whose write failed) and the asker of the run hears
    /// why instead of waiting for ever. Everything journaled before stays; <c>--resume</c> continues once there is room.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _requester.Tell(new Status.Failure(new RunStorageException(
            StorageFault.Of(cause) is { } full
                ? $"the run's journal could not be written: the disk is full ({full})"
                : $"the run's journal could not be written ({cause.Message})", cause)));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The journal rejected an event (it could not store it): the same as a failed write, and the run stops.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _requester.Tell(new Status.Failure(new RunStorageException(
            $"the run's journal rejected a write ({cause.Message})", cause)));
        Context.Stop(Self);
    }

    internal static Directive DecideForBench(Exception fault) => fault switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    private void Handle(StartRun start)
    {
        _listener = start.Listener;
        _requester = Sender;
        if (_running)
        {
            Sender.Tell(Refuse(start, "the run is already in progress"));
            return;
        }

        if (_started is not null && _started.PlanHash != start.PlanHash)
        {
            Sender.Tell(Refuse(start, $"run {_runId} was started from a different plan (hash {_started.PlanHash}, now " +
                                      $"{start.PlanHash}); resume it with the plan it ran, or start a new run"));
            return;
        }

        if (_closed is { Aborted: false })
        {
            Finish();
            return;
        }

        if (_started is null)
        {
            var started = new RunStarted(_runId, start.CampaignId, start.PlanHash,
                [.. start.Executions.Select(e => e.Id)], DateTimeOffset.UtcNow);
            Persist(started, e =>
            {
                _started = e;
                Begin(start);
            });
        }
        else
        {
            int done = _records.Values.Count(IsDone);
            OrchestrationLog.RunResumed(_logger, _runId, done, _started.ExecutionIds.Length);
            Begin(start);
        }
    }

    private RunCompleted Refuse(StartRun start, string reason)
    {
        OrchestrationLog.RunRefused(_logger, _runId, reason);
        return new RunCompleted(start.RunId, false, [], [], reason);
    }

    private void Begin(StartRun start)
    {
        _running = true;
        _closed = null;
        var planned = _planned = _started!.ExecutionIds.ToHashSet(StringComparer.Ordinal);
        _doneCount = _started.ExecutionIds.Count(IsRecordedDone);
        foreach (var execution in start.Executions.Where(e => planned.Contains(e.Id)))
        {
            _executions[execution.Id] = execution;
            if (!(_records.TryGetValue(execution.Id, out var record) && IsDone(record)))
            {
                _pending.Add(execution.Id);
            }
        }

        foreach (var bench in start.Benches)
        {
            var actor = Context.ActorOf(BenchActor.Props(bench, _settings.Equipment, _settings.TestRun,
                _settings.RunFolder, _settings.Loggers), "bench-" + bench.Id);
            AddBench(bench, actor, remote: false);
        }

        foreach (var slot in _benches.Values.Where(s => s.Remote))
        {
            _listener.Tell(new BenchJoined(_runId, slot.Bench.Id, slot.Actor.Path.Address.ToString()));
        }

        _benchesChangedAt = DateTime.UtcNow;
        Dispatch();
    }

    private void Handle(RegisterBench register)
    {
        if (_benches.TryGetValue(register.Bench.Id, out var known) && !known.Actor.Equals(register.BenchActor))
        {
            Lose(known); // its agent came back before we heard that the old one died
        }

        AddBench(register.Bench, register.BenchActor, register.Remote);
        if (_running && register.Remote)
        {
            _listener.Tell(new BenchJoined(_runId, register.Bench.Id, register.BenchActor.Path.Address.ToString()));
        }

        Dispatch();
    }

    private void AddBench(Bench bench, IActorRef actor, bool remote)
    {
        Context.Watch(actor);
        _benches[bench.Id] = new BenchSlot(bench, actor, remote);
        _benchesChangedAt = DateTime.UtcNow;
        _benchEpoch++;
    }

    private void Handle(ExecutionFinished finished)
    {
        if (_benches.TryGetValue(finished.BenchId, out var slot) && slot.Current == finished.Record.ExecutionId)
        {
            slot.Current = null;
        }

        Record(finished.Record);
        if (finished.Record.StorageFault is { } storage && _storageFault is null)
        {
            _storageFault = storage;
            Handle(new AbortRun($"the testbed's storage is full ({storage})"));
            return;
        }

        // The bench is free now: it gets its next execution while this result is being journaled, so the benches do
        // not wait for the disk, and the results that finish meanwhile share the next journal write. Nobody hears of
        // the result before it is durable (the listener is told in the persist handler), an execution that depends on
        // it still waits for it to be durable (DependenciesDone reads the journaled records), and the run cannot close
        // while a result is being written (_recording).
        Dispatch();
    }

    private void Record(ExecutionRecord record)
    {
        if ((_records.TryGetValue(record.ExecutionId, out var known) && IsDone(known)) || !_recording.Add(record.ExecutionId))
        {
            return; // a late duplicate (a bench answering after it was given up): the first result stands
        }

        // PersistAsync: results of several benches are journaled in one batch instead of one round trip each; the
        // listener still hears of a result only in the handler, after the journal confirmed it.
        PersistAsync(new ExecutionRecorded(record), e =>
        {
            _recording.Remove(record.ExecutionId);
            bool wasDone = IsRecordedDone(record.ExecutionId);
            _records[record.ExecutionId] = record;
            if (!wasDone && IsDone(record) && _planned.Contains(record.ExecutionId))
            {
                _doneCount++;
            }

            _listener.Tell(new ExecutionCompleted(_runId, record, _doneCount, _started!.ExecutionIds.Length));
            Dispatch();
        });
    }

    private void Handle(BenchOutOfService retired)
    {
        if (_benches.TryGetValue(retired.BenchId, out var slot))
        {
            slot.InService = false;
            _benchEpoch++;
            OrchestrationLog.BenchRetired(_logger, retired.BenchId, retired.Reason);
            _listener.Tell(new BenchRetired(_runId, retired.BenchId, retired.Reason));
        }
    }

    private void Handle(Terminated terminated)
    {
        var slot = _benches.Values.FirstOrDefault(s => s.Actor.Equals(terminated.ActorRef));
        if (slot is null)
        {
            return;
        }

        Lose(slot);
        Dispatch();
    }

    private void Lose(BenchSlot slot)
    {
        Context.Unwatch(slot.Actor);
        _benches.Remove(slot.Bench.Id);
        _benchesChangedAt = DateTime.UtcNow;
        _benchEpoch++;
        if (_running)
        {
            _listener.Tell(new BenchRetired(_runId, slot.Bench.Id, slot.Remote
                ? $"its agent at {slot.Actor.Path.Address} stopped or left the cluster"
                : "the bench stopped"));
        }
        if (slot.Current is { } lost && !IsRecordedDone(lost) && !_recording.Contains(lost))
        {
            _pending.Insert(0, lost); // re-queued: it never finished
        }
    }

    private void Handle(AbortRun abort)
    {
        _aborting = true;
        OrchestrationLog.RunAborting(_logger, _runId, abort.Reason);
        foreach (var slot in _benches.Values.Where(s => s.Current is not null))
        {
            slot.Actor.Tell(new AbortExecution(abort.Reason));
        }

        Dispatch();
    }

    /// <summary>Hands pending executions to idle benches; closes the run when nothing is pending or running.</summary>
    private void Dispatch()
    {
        if (!_running)
        {
            return;
        }

        if (!_aborting)
        {
            // The scan stops as soon as no bench is idle unless some execution may have no bench to host it (then the
            // scan must reach it to start its wait or record its ERROR): with every bench busy there is nothing else
            // to do, and scanning the whole queue on every result made a run quadratic in its executions.
            bool allHostable = AllHostable();
            for (int i = 0; i < _pending.Count;)
            {
                if (allHostable && !AnyIdleBench())
                {
                    break;
                }

                var execution = _executions[_pending[i]];
                if (!DependenciesDone(execution))
                {
                    i++;
                    continue;
                }

                bool anyCapable = false;
                BenchSlot? idle = null;
                foreach (var s in _benches.Values)
                {
                    if (s.InService && CanHost(s.Bench, execution))
                    {
                        anyCapable = true;
                        if (s.Current is null)
                        {
                            idle = s;
                            break;
                        }
                    }
                }

                if (!anyCapable)
                {
                    var waited = DateTime.UtcNow - _benchesChangedAt;
                    if (waited < _settings.BenchWait)
                    {
                        Timers.StartSingleTimer(BenchWaitKey, WaitedForBenches.Instance, _settings.BenchWait - waited);
                        i++;
                        continue;
                    }

                    _pending.RemoveAt(i);
                    var wait = _settings.BenchWait > TimeSpan.Zero
                        ? $" (none joined within {_settings.BenchWait.TotalSeconds:0} s)"
                        : string.Empty;
                    Record(new ExecutionRecord(execution.Id, Verdict.Error, 0, false,
                        [$"no bench in service can host {execution.Products}{wait}"], "-", TimeSpan.Zero, Folder(execution)));
                    return; // Record dispatches again once durable
                }

                if (idle is null)
                {
                    i++;
                    continue;
                }

                _pending.RemoveAt(i);
                idle.Current = execution.Id;
                idle.Actor.Tell(idle.Remote
                    ? new RunRemoteExecution(_runId, _settings.Campaign ?? throw new InvalidOperationException(
                        "a remote bench joined a run without its campaign text"), execution.Id,
                        _settings.MaxAttempts(execution), Folder(execution))
                    : new RunExecution(_runId, execution, _settings.MaxAttempts(execution), Folder(execution)));
                _listener.Tell(new ExecutionDispatched(_runId, execution.Id, idle.Bench.Id, _pending.Count));
            }
        }

        bool busy = _benches.Values.Any(s => s.Current is not null) || _recording.Count > 0;
        if (!busy && (_pending.Count == 0 || _aborting))
        {
            Persist(new RunClosed(_aborting, DateTimeOffset.UtcNow), e =>
            {
                _closed = e;
                Finish();
            });
        }
    }

    private void Finish()
    {
        _running = false;
        var records = _started!.ExecutionIds.Where(_records.ContainsKey).Select(id => _records[id]).ToImmutableArray();
        var notRun = _started.ExecutionIds.Where(id => !(_records.TryGetValue(id, out var r) && IsDone(r))).ToImmutableArray();
        var completed = new RunCompleted(_runId, _closed?.Aborted ?? false, records, notRun, null) { StorageFault = _storageFault };
        OrchestrationLog.RunClosed(_logger, _runId, records.Length, notRun.Length, completed.Aborted);
        _listener.Tell(completed);
        if (!_requester.Equals(_listener))
        {
            _requester.Tell(completed);
        }
    }

    private bool AnyIdleBench()
    {
        foreach (var slot in _benches.Values)
        {
            if (slot.InService && slot.Current is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every execution of the run has a bench in service that can host it (checked once per change
    /// of the benches).</summary>
    private bool AllHostable()
    {
        if (_allHostableEpoch == _benchEpoch)
        {
            return true;
        }

        var benches = _benches.Values.Where(s => s.InService).Select(s => s.Bench).ToList();
        var checkedProducts = new HashSet<(string ODu, string ORu, string? OCu)>();
        foreach (var execution in _executions.Values)
        {
            var products = execution.Products;
            if (!checkedProducts.Add((products.ODu.Id, products.ORu.Id, products.OCu?.Id)))
            {
                continue;
            }

            if (!benches.Any(b => CanHost(b, execution)))
            {
                return false;
            }
        }

        _allHostableEpoch = _benchEpoch;
        return true;
    }

    private bool DependenciesDone(Execution execution) =>
        execution.After.All(id => !_executions.ContainsKey(id) || (_records.TryGetValue(id, out var r) && IsDone(r)));

    private static bool CanHost(Bench bench, Execution execution) => bench.Runs(execution);

    /// <summary>Aborted executions did not finish: a resume runs them again (and the results store lets their result
    /// replace the aborted one).</summary>
    private static bool IsDone(ExecutionRecord record) => record.Verdict != Verdict.Aborted;

    private bool IsRecordedDone(string executionId) => _records.TryGetValue(executionId, out var r) && IsDone(r);

    private static string Folder(Execution execution) => Path.Combine("executions", execution.Id);

    private sealed class BenchSlot(Bench bench, IActorRef actor, bool remote)
    {
        public Bench Bench { get; } = bench;

        public IActorRef Actor { get; } = actor;

        /// <summary>On a cluster agent: sent <see cref="RunRemoteExecution"/>.</summary>
        public bool Remote { get; } = remote;

        public string? Current { get; set; }

        public bool InService { get; set; } = true;
    }

    private sealed record WaitedForBenches
    {
        public static WaitedForBenches Instance { get; } = new();
    }
}
