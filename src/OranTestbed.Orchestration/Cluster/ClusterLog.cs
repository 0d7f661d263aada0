using Microsoft.Extensions.Logging;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>Source-generated log messages of the lab cluster (event ids 1350-1379).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 1350, EventName = "BenchOffered", Level = LogLevel.Information,
        Message = "Bench {BenchId} joined the pool from {Host}")]
    public static partial void BenchOffered(ILogger logger, string benchId, string host);

    [LoggerMessage(EventId = 1351, EventName = "BenchRefused", Level = LogLevel.Error,
        Message = "Bench {BenchId} offered by {Host} refused: {Reason}")]
    public static partial void BenchRefused(ILogger logger, string benchId, string host, string reason);

    [LoggerMessage(EventId = 1352, EventName = "BenchLeft", Level = LogLevel.Warning,
        Message = "Bench {BenchId} left the pool: its agent at {Host} stopped or left the cluster")]
    public static partial void BenchLeft(ILogger logger, string benchId, string host);

    [LoggerMessage(EventId = 1360, EventName = "AgentBenchAccepted", Level = LogLevel.Information,
        Message = "Bench {BenchId} accepted by the coordinator at {Coordinator}")]
    public static partial void AgentBenchAccepted(ILogger logger, string benchId, Akka.Actor.Address coordinator);

    // Information: the agent's operator is told by IAgentObserver.BenchRefused; an Error entry repeated it on stderr.
    [LoggerMessage(EventId = 1361, EventName = "AgentBenchRefused", Level = LogLevel.Information,
        Message = "Bench {BenchId} refused by the coordinator: {Reason}")]
    public static partial void AgentBenchRefused(ILogger logger, string benchId, string reason);

    [LoggerMessage(EventId = 1362, EventName = "AgentLostCoordinator", Level = LogLevel.Warning,
        Message = "The coordinator at {Coordinator} left; joining again")]
    public static partial void AgentLostCoordinator(ILogger logger, string coordinator);

    [LoggerMessage(EventId = 1363, EventName = "AgentUnknownExecution", Level = LogLevel.Error,
        Message = "Execution {ExecutionId} of campaign {CampaignId} is not in this agent's plan")]
    public static partial void AgentUnknownExecution(ILogger logger, string executionId, string campaignId);
}
