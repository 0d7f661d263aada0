using System.Globalization;
using OranTestbed.Orchestration.Cluster;

namespace OranTestbed.Cli.Commands;

/// <summary>An agent's session on standard error: joined, each bench accepted or refused (with the coordinator's
/// reason), and rejoins.</summary>
internal sealed class AgentProgress(TextWriter output) : IAgentObserver
{
    public void Joined(string coordinator) => output.WriteLine($"agent: joined the coordinator at {coordinator}");

    public void BenchAccepted(string benchId) => output.WriteLine($"  + bench {benchId} accepted");

    public void BenchRefused(string benchId, string reason) =>
        output.WriteLine($"  ! bench {benchId} refused: {reason}");

    public void Rejoining(string reason, TimeSpan delay) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent: {reason}; joining again in {delay.TotalSeconds:0} s"));
}
