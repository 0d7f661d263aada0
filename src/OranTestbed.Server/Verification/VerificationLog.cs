using Microsoft.Extensions.Logging;

namespace OranTestbed.Server.Verification;

/// <summary>The verification worker's log lines (event ids 1520–1539, within the server's 1500–1599).</summary>
internal static partial class VerificationLog
{
    [LoggerMessage(EventId = 1520, EventName = "VerificationNotRun", Level = LogLevel.Information,
        Message = "no verification workers (VerificationWorkers = 0): uploads are queued for another server on the same store")]
    public static partial void NotRun(ILogger logger);

    [LoggerMessage(EventId = 1521, EventName = "VerificationsRequeued", Level = LogLevel.Warning,
        Message = "{Count} upload(s) left analysing when the server stopped are queued again")]
    public static partial void Requeued(ILogger logger, int count);

    [LoggerMessage(EventId = 1522, EventName = "VerificationStarted", Level = LogLevel.Debug,
        Message = "verifying upload {UploadId} (attempt {Attempt})")]
    public static partial void Started(ILogger logger, string uploadId, int attempt);

    [LoggerMessage(EventId = 1523, EventName = "VerificationFinished", Level = LogLevel.Information,
        Message = "upload {UploadId} {Status}: {Checks} evidence check(s)")]
    public static partial void Finished(ILogger logger, string uploadId, string status, int checks);

    [LoggerMessage(EventId = 1524, EventName = "VerificationFailed", Level = LogLevel.Error,
        Message = "upload {UploadId} could not be verified: {Reason}")]
    public static partial void Failed(ILogger logger, string uploadId, string reason, Exception exception);

    [LoggerMessage(EventId = 1525, EventName = "VerificationQueueUnavailable", Level = LogLevel.Error,
        Message = "the verification queue cannot be read or written; retrying")]
    public static partial void QueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1526, EventName = "VerificationReleased", Level = LogLevel.Information,
        Message = "upload {UploadId} handed back to the queue: the server is stopping")]
    public static partial void Released(ILogger logger, string uploadId);
}
