namespace OranTestbed.Orchestration.Cluster;

/// <summary>Why an agent's session ended: <paramref name="Rejoin"/> when the coordinator went away (the agent joins
/// again), not when there is nothing left to serve.</summary>
public sealed record AgentEnd(bool Rejoin, string Reason);
