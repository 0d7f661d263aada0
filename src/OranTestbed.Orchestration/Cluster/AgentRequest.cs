using System.Collections.Immutable;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>A bench agent to run: the coordinator to join, where this host listens, the agent's copy of the plan, the
/// benches it serves and where their evidence goes (<c>RESULTS/runs/RUN-ID/</c>).</summary>
public sealed record AgentRequest(ClusterEndpoint Coordinator, ClusterEndpoint Listen, TestPlan Plan,
    ImmutableArray<Bench> Benches, string ResultsDirectory)
{
    public TestRunSettings TestRun { get; init; } = new();

    /// <summary>How long to wait before joining again after the coordinator went away.</summary>
    public TimeSpan RejoinDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a leaving agent waits for its benches' clean-up.</summary>
    public TimeSpan LeaveTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
