using Microsoft.Extensions.Logging;

namespace OranTestbed.Server.Audit;

/// <summary>The audit trail's log lines (event ids 1520–1529 of the server's 1500–1599).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 1520, EventName = "AuditWriteFailed", Level = LogLevel.Error,
        Message = "audit event not written ({Account} {Action} {Target} {StatusCode}); the request fails instead of answering unrecorded")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string account, string action, string target, int statusCode);

    [LoggerMessage(EventId = 1521, EventName = "AuditPruned", Level = LogLevel.Information,
        Message = "audit log: deleted {Count} event(s) recorded before {Before:yyyy-MM-dd HH:mm:ss} UTC (retention {Retention})")]
    public static partial void Pruned(ILogger logger, long count, DateTimeOffset before, TimeSpan retention);

    [LoggerMessage(EventId = 1522, EventName = "AuditPruneFailed", Level = LogLevel.Warning,
        Message = "audit log: old events could not be deleted; the server tries again in {Interval}")]
    public static partial void PruneFailed(ILogger logger, Exception exception, TimeSpan interval);
}
