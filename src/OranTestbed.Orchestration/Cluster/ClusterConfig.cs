using System.Globalization;
using Akka.Configuration;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// The Akka.Cluster set-up of the orchestrator: the coordinator's host is the seed, agents join it. Failures are decided
/// by the split-brain resolver's keep-oldest strategy on the coordinator role: the coordinator's side always survives, so
/// an agent that dies or is cut off is downed and removed (its in-flight executions are re-queued through DeathWatch),
/// and an agent cut off from the coordinator downs itself and joins again.
/// </summary>
public static class ClusterConfig
{
    public const string CoordinatorRole = "coordinator";
    public const string AgentRole = "agent";

    /// <summary>How long a silent host may stay reachable (heartbeat pause) and how long the membership must be stable
    /// before an unreachable host is downed: together, how soon a dead agent's work moves elsewhere (about 10 s).</summary>
    public static readonly TimeSpan HeartbeatPause = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(5);

    public static Config For(ClusterEndpoint self, ClusterEndpoint seed, string role, string systemName)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(seed);
        return ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka {
              stdout-loglevel = ERROR
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = "{{self.Host}}"
                port = {{self.Port}}
              }
              cluster {
                seed-nodes = ["{{seed.SystemAddress(systemName)}}"]
                roles = ["{{role}}"]
                failure-detector.acceptable-heartbeat-pause = {{(int)HeartbeatPause.TotalMilliseconds}}ms
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-oldest
                  stable-after = {{(int)StableAfter.TotalMilliseconds}}ms
                  keep-oldest {
                    role = "{{CoordinatorRole}}"
                    down-if-alone = off
                  }
                }
                run-coordinated-shutdown-when-down = on
                log-info = off
              }
            }
            """));
    }
}
