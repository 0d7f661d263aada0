using System.Collections.Immutable;
using OranTestbed.Orchestration.Devices;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>The NETCONF driver of the demo's ymir/yr-400 aimed at an emulated O-RU behind sshd, and the demo execution
/// it configures from.</summary>
internal static class EmulatedOruDrivers
{
    /// <summary>The shipped plan and the first demo execution on ymir/yr-400 (its band and fronthaul profile).</summary>
    public static (TestPlan Plan, Execution Execution) DemoExecution()
    {
        var (plan, campaign) = TestPlanLoader.LoadCampaign(Path.Combine(TestPaths.RepositoryRoot, "testplans", "campaigns", "demo.yaml"));
        ImmutableArray<Execution> executions = CampaignExpander.Expand(plan, campaign).Executions;
        return (plan, executions.First(e => e.Products.ORu.Id == "ymir/yr-400"));
    }

    /// <summary>The driver of <paramref name="plan"/>'s ymir/yr-400 at <paramref name="oru"/>, its host key checked
    /// against the peer's known_hosts, RPCs limited to 20 s.</summary>
    public static NetconfDeviceDriver For(EmulatedOruPeer oru, TestPlan plan, NetconfCredentials credentials, string evidence,
        ImmutableSortedDictionary<string, NetconfAccount>? accounts = null) => new(
        plan.Lab.FindProduct("ymir/yr-400")!,
        new NetconfDriver(EmulatedOruPeer.Host, oru.Port, oru.User, credentials, new NetconfHostKey(oru.KnownHostsFile, null, false))
        {
            RpcTimeout = TimeSpan.FromSeconds(20),
            Accounts = accounts ?? ImmutableSortedDictionary<string, NetconfAccount>.Empty.WithComparers(StringComparer.Ordinal),
        },
        plan.Root, evidence, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
}
