using System.Collections.Immutable;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Cluster;
using OranTestbed.Orchestration.Tests.Support;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Tests.Cluster;

/// <summary>The coordinator's bench registry: which agent benches join the pool, and who hears of them.</summary>
public sealed class BenchRegistrySpecs : AkkaSpec
{
    private static readonly ImmutableArray<Bench> Lab =
        [DemoPlan.EmulatedBench("local"), DemoPlan.EmulatedBench("rack-2"), DemoPlan.EmulatedBench("rack-3")];

    [Test]
    public void Registry_must_refuse_a_bench_the_coordinators_lab_does_not_have()
    {
        var registry = Registry();
        var agent = CreateTestProbe();

        registry.Tell(new OfferBench("rack-9", agent.Ref), agent.Ref);

        var refused = agent.ExpectMsg<BenchRefused>();
        Assert.That(refused.Reason, Does.Contain("no bench rack-9").And.Contain("local, rack-2, rack-3"));
    }

    [Test]
    public void Registry_must_refuse_a_bench_the_coordinator_serves_itself()
    {
        var registry = Registry();
        var agent = CreateTestProbe();

        registry.Tell(new OfferBench("local", agent.Ref), agent.Ref);

        Assert.That(agent.ExpectMsg<BenchRefused>().Reason, Does.Contain("served by the coordinator's host itself"));
    }

    [Test]
    public void Registry_must_give_each_offered_bench_to_every_coordinator_as_a_remote_bench()
    {
        var registry = Registry();
        var early = CreateTestProbe();
        var agent = CreateTestProbe();
        var bench = CreateTestProbe();
        registry.Tell(new SubscribeBenches(early.Ref));

        registry.Tell(new OfferBench("rack-2", bench.Ref), agent.Ref);
        agent.ExpectMsg<BenchAccepted>(a => a.BenchId == "rack-2");
        var late = CreateTestProbe();
        registry.Tell(new SubscribeBenches(late.Ref));

        foreach (var coordinator in new[] { early, late })
        {
            var register = coordinator.ExpectMsg<RegisterBench>();
            Assert.That((register.Bench.Id, register.BenchActor, register.Remote), Is.EqualTo(("rack-2", bench.Ref, true)));
        }
    }

    [Test]
    public void Registry_must_refuse_a_bench_served_by_another_agent_until_that_agent_stops()
    {
        var registry = Registry();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        registry.Tell(new OfferBench("rack-3", first.Ref), first.Ref);
        first.ExpectMsg<BenchAccepted>();

        registry.Tell(new OfferBench("rack-3", first.Ref), first.Ref);
        first.ExpectMsg<BenchAccepted>(); // offering again is harmless
        registry.Tell(new OfferBench("rack-3", second.Ref), second.Ref);
        var refused = second.ExpectMsg<BenchRefused>();
        Watch(first.Ref);
        Sys.Stop(first.Ref);
        ExpectTerminated(first.Ref);
        // The registry learns of the stop through its own DeathWatch, a moment after this spec: offer until it has.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        object? answer;
        do
        {
            registry.Tell(new OfferBench("rack-3", second.Ref), second.Ref);
            answer = second.ReceiveOne(TimeSpan.FromSeconds(1));
        }
        while (answer is BenchRefused && DateTime.UtcNow < deadline);

        Assert.That(answer, Is.TypeOf<BenchAccepted>());

        Assert.That(refused.Reason, Does.Contain("already served by the agent at"));
    }

    private IActorRef Registry() =>
        Sys.ActorOf(BenchRegistryActor.Props(Lab, ["local"], NullLoggerFactory.Instance));
}
