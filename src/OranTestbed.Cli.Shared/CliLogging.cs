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
        // Akka's own lines (connection attempts, gating, join retries: three warnings every 5 s while an agent waits for
        // its coordinator) are diagnostics of the transport: only at Debug. The commands say what matters in their words.
        bool akka = level <= LogLevel.Debug;
        return new DeferredLoggerFactory(level, () => LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddFilter((category, _) => akka || category is null || !category.StartsWith("Akka", StringComparison.Ordinal))
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
            })));
    }
}
