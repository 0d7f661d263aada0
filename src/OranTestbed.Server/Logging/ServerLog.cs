using Microsoft.Extensions.Logging;

namespace OranTestbed.Server.Logging;

/// <summary>The results server's own log lines (event ids 1500–1599).</summary>
internal static partial class ServerLog
{
    /// <summary>One line per request: the path only, never the query string (it may carry credentials).</summary>
    [LoggerMessage(EventId = 1500, EventName = "RequestFinished", Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void RequestFinished(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1501, EventName = "CredentialInUrlRefused", Level = LogLevel.Warning,
        Message = "{Method} {Path} refused: a credential parameter '{Parameter}' in the query string (its value is not logged)")]
    public static partial void CredentialInUrlRefused(ILogger logger, string method, string path, string parameter);
}
