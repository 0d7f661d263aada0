using System.Collections.Immutable;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// The agent's root: one <see cref="AgentBenchActor"/> per bench it serves, offered to the coordinator's registry until
/// each is accepted or refused. When the coordinator goes away (its registry stops), or when no bench is left to serve,
/// <see cref="Ended"/> completes with the reason and the agent runner decides (join again, or exit). Asked to
/// <see cref="LeaveAgent"/>, it lets every bench finish its clean-up first and answers <see cref="AgentLeft"/>.
/// </summary>
internal sealed class BenchAgentActor : ReceiveActor, IWithTimers
{
    private const string OfferKey = "offer";
    private static readonly TimeSpan OfferInterval = TimeSpan.FromSeconds(2);

    private readonly string _registryPath;
    private readonly IAgentObserver _observer;
    private readonly TaskCompletionSource<AgentEnd> _ended;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IActorRef> _benches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unanswered = new(StringComparer.Ordinal);
    private IActorRef? _registry;
    private IActorRef? _leaveRequester;

    public BenchAgentActor(AgentBenches benches, string registryPath, IAgentObserver observer,
        TaskCompletionSource<AgentEnd> ended, ILoggerFactory loggers)
    {
        _registryPath = registryPath;
        _observer = observer;
        _ended = ended;
        _logger = loggers.CreateLogger<BenchAgentActor>();
        foreach (var bench in benches.Benches)
        {
            var actor = Context.ActorOf(AgentBenchActor.Props(bench, benches.Equipment, benches.TestRun,
                benches.ResultsDirectory, benches.Campaigns, loggers), "bench-" + bench.Id);
            Context.Watch(actor);
            _benches[bench.Id] = actor;
            _unanswered.Add(bench.Id);
        }

        Receive<Offer>(_ => OfferUnanswered());
        Receive<BenchAccepted>(Handle);
        Receive<BenchRefused>(Handle);
        Receive<Terminated>(Handle);
        Receive<LeaveAgent>(_ => Leave());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(AgentBenches benches, string registryPath, IAgentObserver observer,
        TaskCompletionSource<AgentEnd> ended, ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new BenchAgentActor(benches, registryPath, observer, ended, loggers));

    protected override void PreStart() => Timers.StartPeriodicTimer(OfferKey, Offer.Instance, TimeSpan.Zero, OfferInterval);

    /// <summary>Offers go by path until the registry answers: the coordinator may not be up yet, or still joining.</summary>
    private void OfferUnanswered()
    {
        var registry = Context.ActorSelection(_registryPath);
        foreach (var id in _unanswered)
        {
            registry.Tell(new OfferBench(id, _benches[id]));
        }
    }

    private void Handle(BenchAccepted accepted)
    {
        if (!_unanswered.Remove(accepted.BenchId))
        {
            return;
        }

        if (_registry is null)
        {
            _registry = Sender;
            Context.Watch(_registry);
            _observer.Joined(_registry.Path.Address.ToString());
        }

        ClusterLog.AgentBenchAccepted(_logger, accepted.BenchId, _registry.Path.Address);
        _observer.BenchAccepted(accepted.BenchId);
        StopOfferingWhenAnswered();
    }

    private void Handle(BenchRefused refused)
    {
        if (!_unanswered.Remove(refused.BenchId) || !_benches.Remove(refused.BenchId, out var bench))
        {
            return;
        }

        ClusterLog.AgentBenchRefused(_logger, refused.BenchId, refused.Reason);
        _observer.BenchRefused(refused.BenchId, refused.Reason);
        Context.Unwatch(bench);
        Context.Stop(bench);
        StopOfferingWhenAnswered();
        if (_benches.Count == 0)
        {
            _ended.TrySetResult(new AgentEnd(Rejoin: false, "the coordinator refused every bench this agent offered"));
        }
    }

    private void StopOfferingWhenAnswered()
    {
        if (_unanswered.Count == 0)
        {
            Timers.Cancel(OfferKey);
        }
    }

    private void Handle(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_registry))
        {
            var coordinator = _registry.Path.Address.ToString();
            ClusterLog.AgentLostCoordinator(_logger, coordinator);
            _ended.TrySetResult(new AgentEnd(Rejoin: true, $"the coordinator at {coordinator} left"));
            return;
        }

        foreach (var id in _benches.Where(b => b.Value.Equals(terminated.ActorRef)).Select(b => b.Key).ToList())
        {
            _benches.Remove(id);
        }

        if (_benches.Count == 0 && _leaveRequester is not null)
        {
            _leaveRequester.Tell(AgentLeft.Instance);
        }
    }

    private void Leave()
    {
        _leaveRequester = Sender;
        Timers.Cancel(OfferKey);
        if (_benches.Count == 0)
        {
            Sender.Tell(AgentLeft.Instance);
            return;
        }

        foreach (var bench in _benches.Values)
        {
            bench.Tell(LeaveBench.Instance);
        }
    }

    private sealed record Offer
    {
        public static Offer Instance { get; } = new();
    }
}

/// <summary>What an agent serves: its benches, their equipment and test-run settings, the campaigns it can expand, and
/// where its evidence goes.</summary>
internal sealed record AgentBenches(ImmutableArray<Bench> Benches, IBenchEquipment Equipment, TestRunSettings TestRun,
    string ResultsDirectory, AgentCampaigns Campaigns);

/// <summary>Runner → agent: let every bench finish its clean-up, then answer <see cref="AgentLeft"/>.</summary>
internal sealed record LeaveAgent
{
    public static LeaveAgent Instance { get; } = new();
}

/// <summary>Agent → runner: every bench has stopped.</summary>
internal sealed record AgentLeft
{
    public static AgentLeft Instance { get; } = new();
}
