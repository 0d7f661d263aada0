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

    /// <summary>The console logger at the <c>--log-level</c> of <paramref name="parse"/>, built on the first message.</summary>
    public static ILoggerFactory Create(ParseResult parse)
    {
        var level = parse.GetValue(LevelOption);
        return new DeferredLoggerFactory(level, () => LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            })));
    }
}
