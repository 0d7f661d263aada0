namespace OranTestbed.Orchestration.Cluster;

/// <summary>What an agent's operator sees (called on an actor thread, one call at a time).</summary>
public interface IAgentObserver
{
    void Joined(string coordinator);

    void BenchAccepted(string benchId);

    void BenchRefused(string benchId, string reason);

    /// <summary>The session with the coordinator ended for <paramref name="reason"/>; the agent joins again after
    /// <paramref name="delay"/>.</summary>
    void Rejoining(string reason, TimeSpan delay);
}
