using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Cli;

/// <summary>Structured logs of every command go to standard error, so that standard output stays the data.</summary>
internal static class CliLogging
{
    /// <summary>The global <c>--log-level</c> option (Trace, Debug, Information, Warning, Error, Critical, None).</summary>
    public static Option<LogLevel> LevelOption { get; } = new("--log-level")
    {
        Description = "diagnostics on standard error: Trace, Debug, Information, Warning, Error or None",
        DefaultValueFactory = _ => LogLevel.Warning,
        Recursive = true,
    };

    public static ILoggerFactory Create(ParseResult parse)
    {
        var level = parse.GetValue(LevelOption);
        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            }));
    }
}
