using Microsoft.Extensions.Logging;

namespace OranTestbed.Cli;

/// <summary>Log events of the command line itself: event ids 1900-1919, stable names.</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 1900, EventName = "CommandFailed", Level = LogLevel.Debug,
        Message = "{Command} failed with an unexpected exception")]
    public static partial void CommandFailed(ILogger logger, string command, Exception exception);
}
