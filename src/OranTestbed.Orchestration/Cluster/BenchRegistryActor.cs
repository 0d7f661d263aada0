using System.Collections.Immutable;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// On the coordinator's host, at <c>/user/bench-registry</c>: the benches that agents offer. A bench joins the pool when
/// the coordinator's lab knows it and nobody else serves it (a bench is one set of equipment: two hosts driving it
/// would fight over its devices); each subscribed coordinator receives it as a remote <see cref="RegisterBench"/>. A
/// bench whose agent stops or dies leaves the pool (the coordinators watch it too and re-queue its work).
/// </summary>
public sealed class BenchRegistryActor : ReceiveActor
{
    public const string Name = "bench-registry";

    private readonly ImmutableDictionary<string, Bench> _lab;
    private readonly ImmutableHashSet<string> _servedLocally;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IActorRef> _offered = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _subscribers = [];

    public BenchRegistryActor(ImmutableArray<Bench> lab, ImmutableHashSet<string> servedLocally, ILoggerFactory loggers)
    {
        _lab = lab.ToImmutableDictionary(b => b.Id, StringComparer.Ordinal);
        _servedLocally = servedLocally;
        _logger = loggers.CreateLogger<BenchRegistryActor>();
        Receive<OfferBench>(Handle);
        Receive<SubscribeBenches>(Handle);
        Receive<Terminated>(Handle);
    }

    public static Props Props(ImmutableArray<Bench> lab, ImmutableHashSet<string> servedLocally, ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new BenchRegistryActor(lab, servedLocally, loggers));

    private void Handle(OfferBench offer)
    {
        var host = offer.Bench.Path.Address.ToString();
        if (Refusal(offer) is { } reason)
        {
            ClusterLog.BenchRefused(_logger, offer.BenchId, host, reason);
            Sender.Tell(new BenchRefused(offer.BenchId, reason));
            return;
        }

        Sender.Tell(new BenchAccepted(offer.BenchId));
        if (_offered.TryGetValue(offer.BenchId, out var known) && known.Equals(offer.Bench))
        {
            return; // the agent offered again before it heard our answer
        }

        _offered[offer.BenchId] = offer.Bench;
        Context.Watch(offer.Bench);
        ClusterLog.BenchOffered(_logger, offer.BenchId, host);
        foreach (var coordinator in _subscribers)
        {
            coordinator.Tell(new RegisterBench(_lab[offer.BenchId], offer.Bench, Remote: true));
        }
    }

    private string? Refusal(OfferBench offer)
    {
        if (!_lab.ContainsKey(offer.BenchId))
        {
            return $"the coordinator's lab has no bench {offer.BenchId} (lab/benches.yaml has "
                   + string.Join(", ", _lab.Keys.Order(StringComparer.Ordinal)) + "); do both hosts load the same plan?";
        }

        if (_servedLocally.Contains(offer.BenchId))
        {
            return $"bench {offer.BenchId} is served by the coordinator's host itself (leave it out of its --benches)";
        }

        return _offered.TryGetValue(offer.BenchId, out var other) && !other.Equals(offer.Bench)
            ? $"bench {offer.BenchId} is already served by the agent at {other.Path.Address}"
            : null;
    }

    private void Handle(SubscribeBenches subscribe)
    {
        _subscribers.Add(subscribe.Coordinator);
        Context.Watch(subscribe.Coordinator);
        foreach (var (id, bench) in _offered)
        {
            subscribe.Coordinator.Tell(new RegisterBench(_lab[id], bench, Remote: true));
        }
    }

    private void Handle(Terminated terminated)
    {
        _subscribers.Remove(terminated.ActorRef);
        foreach (var id in _offered.Where(o => o.Value.Equals(terminated.ActorRef)).Select(o => o.Key).ToList())
        {
            _offered.Remove(id);
            ClusterLog.BenchLeft(_logger, id, terminated.ActorRef.Path.Address.ToString());
        }
    }
}
