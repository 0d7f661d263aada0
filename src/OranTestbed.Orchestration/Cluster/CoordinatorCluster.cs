using System.Collections.Immutable;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>A run that accepts benches from agents: where agents join, every bench of the coordinator's lab (those an
/// agent may offer), and how long an execution no bench can host waits for one to join.</summary>
public sealed record CoordinatorCluster(ClusterEndpoint Listen, ImmutableArray<Bench> Lab, TimeSpan BenchWait);
