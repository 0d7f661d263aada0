using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;

namespace OranTestbed.Orchestration.Tests.Support;

/// <summary>
/// NUnit base of actor specs (after Akka.TestKit.NUnit4): one actor system per test, shut down after it. Specs that
/// need the orchestrator's host (persistence) pass its system in.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public abstract class AkkaSpec : TestKitBase
{
    protected AkkaSpec()
        : base(new NUnitAssertions(), (Config?)null, "spec")
    {
    }

    protected AkkaSpec(ActorSystem system)
        : base(new NUnitAssertions(), system)
    {
    }

    [TearDown]
    public void ShutdownActorSystem() => Shutdown();
}
