using Microsoft.Extensions.Logging;

namespace OranTestbed.Analysis;

/// <summary>Log events of the Analysis capability: event ids 1100-1199, stable names. Nothing here is per frame.</summary>
internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 1100, EventName = "AnalysisCompleted", Level = LogLevel.Information,
        Message = "Analysis of {Frames} frames ({Malformed} malformed, {Flows} flows) found {Findings} rules hit: {Verdict}")]
    public static partial void AnalysisCompleted(ILogger logger, long frames, long malformed, int flows, int findings,
        string verdict);

    [LoggerMessage(EventId = 1101, EventName = "FlowFirstSeen", Level = LogLevel.Debug, SkipEnabledCheck = true,
        Message = "First message of flow {Flow} in frame {FrameNumber}")]
    public static partial void FlowFirstSeen(ILogger logger, Flows.FlowKey flow, long frameNumber);
}
