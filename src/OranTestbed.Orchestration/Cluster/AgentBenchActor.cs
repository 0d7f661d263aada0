using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// One bench on an agent, as the coordinator sees it: turns a <see cref="RunRemoteExecution"/> (ids only) into the
/// agent's own execution and hands it to a local <see cref="BenchActor"/> (one per run, evidence under the agent's
/// <c>RESULTS/runs/RUN-ID/</c>), relaying its results to the coordinator. When the agent leaves, what is in flight is
/// aborted (its clean-up runs) and not reported: the coordinator re-queues it when this actor stops.
/// </summary>
internal sealed class AgentBenchActor : ReceiveActor
{
    private readonly Bench _bench;
    private readonly IBenchEquipment _equipment;
    private readonly TestRunSettings _settings;
    private readonly string _resultsDirectory;
    private readonly AgentCampaigns _campaigns;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private IActorRef? _runBench;
    private string? _runId;
    private int _runs;
    private IActorRef _coordinator = ActorRefs.Nobody;
    private string? _current;
    private bool _leaving;

    public AgentBenchActor(Bench bench, IBenchEquipment equipment, TestRunSettings settings, string resultsDirectory,
        AgentCampaigns campaigns, ILoggerFactory loggers)
    {
        _bench = bench;
        _equipment = equipment;
        _settings = settings;
        _resultsDirectory = resultsDirectory;
        _campaigns = campaigns;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AgentBenchActor>();
        Receive<RunRemoteExecution>(Handle);
        Receive<ExecutionFinished>(Handle);
        Receive<BenchOutOfService>(retired => _coordinator.Tell(retired));
        Receive<AbortExecution>(abort => _runBench?.Tell(abort));
        Receive<LeaveBench>(_ => Leave());
    }

    public static Props Props(Bench bench, IBenchEquipment equipment, TestRunSettings settings, string resultsDirectory,
        AgentCampaigns campaigns, ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new AgentBenchActor(bench, equipment, settings, resultsDirectory, campaigns, loggers));

    private void Handle(RunRemoteExecution run)
    {
        _coordinator = Sender;
        if (_leaving || _current is not null)
        {
            Refuse(run, _leaving ? $"bench {_bench.Id} is leaving with its agent" : $"bench {_bench.Id} was busy");
            return;
        }

        if (_campaigns.Find(run.Campaign, run.ExecutionId, out var error) is not { } execution)
        {
            ClusterLog.AgentUnknownExecution(_logger, run.ExecutionId, run.Campaign.Id);
            Refuse(run, error!);
            return;
        }

        if (_runId != run.RunId)
        {
            // A bench actor per run: its evidence folder is the run's, and a new run starts with a clean fault count.
            if (_runBench is not null)
            {
                Context.Stop(_runBench);
            }

            _runId = run.RunId;
            _runBench = Context.ActorOf(BenchActor.Props(_bench, _equipment, _settings, RunFolder(run.RunId), _loggers),
                $"run-{++_runs}");
        }

        _current = run.ExecutionId;
        _runBench!.Tell(new RunExecution(run.RunId, execution, run.MaxAttempts, run.EvidenceFolder));
    }

    private void Handle(ExecutionFinished finished)
    {
        _current = null;
        if (_leaving)
        {
            if (finished.Record.Verdict != Verdict.Aborted)
            {
                _coordinator.Tell(finished); // it finished after all: the result stands
            }

            Context.Stop(Self); // an aborted one is re-queued by the coordinator when it sees this bench stop
            return;
        }

        _coordinator.Tell(finished);
    }

    private void Leave()
    {
        _leaving = true;
        if (_current is null)
        {
            Context.Stop(Self);
            return;
        }

        _runBench!.Tell(new AbortExecution("the agent is leaving the cluster"));
    }

    private void Refuse(RunRemoteExecution run, string reason) =>
        Sender.Tell(new ExecutionFinished(run.RunId, _bench.Id, new ExecutionRecord(run.ExecutionId, Verdict.Error, 0, false,
            [reason], _bench.Id, TimeSpan.Zero, run.EvidenceFolder)));

    private string RunFolder(string runId) => Path.Combine(_resultsDirectory, "runs", runId);
}

/// <summary>Agent → its benches: abort what is in flight (clean-up runs), report nothing aborted, and stop.</summary>
internal sealed record LeaveBench
{
    public static LeaveBench Instance { get; } = new();
}
