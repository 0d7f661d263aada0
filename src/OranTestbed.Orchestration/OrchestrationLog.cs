using Microsoft.Extensions.Logging;

namespace OranTestbed.Orchestration;

/// <summary>Source-generated log messages of the orchestrator (event ids 1300-1399).</summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(EventId = 1300, EventName = "RunResumed", Level = LogLevel.Information,
        Message = "Run {RunId} resumed: {Done} of {Total} executions already done")]
    public static partial void RunResumed(ILogger logger, string runId, int done, int total);

    [LoggerMessage(EventId = 1301, EventName = "RunRefused", Level = LogLevel.Error,
        Message = "Run {RunId} refused: {Reason}")]
    public static partial void RunRefused(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 1302, EventName = "RunAborting", Level = LogLevel.Warning,
        Message = "Run {RunId} aborting: {Reason}")]
    public static partial void RunAborting(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 1303, EventName = "RunClosed", Level = LogLevel.Information,
        Message = "Run {RunId} closed: {Recorded} executions recorded, {NotRun} not run, aborted {Aborted}")]
    public static partial void RunClosed(ILogger logger, string runId, int recorded, int notRun, bool aborted);

    [LoggerMessage(EventId = 1304, EventName = "BenchRetired", Level = LogLevel.Warning,
        Message = "Bench {BenchId} taken out of service: {Reason}")]
    public static partial void BenchRetired(ILogger logger, string benchId, string reason);

    [LoggerMessage(EventId = 1305, EventName = "TransientFault", Level = LogLevel.Warning,
        Message = "{Fault}; a temporary failure ({Count} of {Budget} per attempt): repeating the step in {Backoff}")]
    public static partial void TransientFault(ILogger logger, string fault, int count, int budget, TimeSpan backoff);

    [LoggerMessage(EventId = 1306, EventName = "ProjectionFailed", Level = LogLevel.Error,
        Message = "Execution {ExecutionId} not yet in the results store (run {RunId}); the run's closing pass records it")]
    public static partial void ProjectionFailed(ILogger logger, string executionId, string runId, Exception exception);

    [LoggerMessage(EventId = 1307, EventName = "BenchCrashed", Level = LogLevel.Error,
        Message = "Bench {BenchId} failed; its execution {ExecutionId} is an ERROR and the bench restarts")]
    public static partial void BenchCrashed(ILogger logger, string benchId, string? executionId, Exception exception);

    [LoggerMessage(EventId = 1310, EventName = "StepCrashed", Level = LogLevel.Error,
        Message = "Execution {ExecutionId}: a step threw")]
    public static partial void StepCrashed(ILogger logger, string executionId, Exception exception);
}
