using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace OranTestbed.Cli;

/// <summary>
/// What <c>Main</c> does in both executables (<c>oran-testbed</c> and <c>oran-testbed-native</c>): parse, print every
/// parse error as <c>oran-testbed: …</c> and exit 64, or run the chosen command.
/// </summary>
internal static class CliEntry
{
    public static int Run(RootCommand root, string[] args, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        diagnostics ??= Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                diagnostics.WriteLine($"oran-testbed: {error.Message}");
            }

            diagnostics.WriteLine("Run 'oran-testbed --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl+C belongs to the commands (run and agent abort gracefully, analyze stops a live capture): System.CommandLine's
        // own handling would end the process 2 s after the signal, before any clean-up finished. Its default exception
        // handler prints the stack trace to the user: ours prints one line, and the exception only at --log-level Debug.
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Unexpected(parse, ex, diagnostics);
        }
    }

    /// <summary>
    /// The last resort for an exception no command turned into its own message: one line naming the command and what
    /// went wrong, exit 70 (<see cref="ExitCodes.Software"/>); the exception goes to the log at Debug.
    /// </summary>
    internal static int Unexpected(ParseResult parse, Exception exception, TextWriter diagnostics)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        string command = CommandPath(parse);
        try
        {
            using var logging = CliLogging.Create(parse);
            var logger = logging.CreateLogger("OranTestbed.Cli");
            if (logger.IsEnabled(LogLevel.Debug))
            {
                CliLog.CommandFailed(logger, command, exception);
            }
        }
        catch (Exception logFailure) when (logFailure is IOException or ObjectDisposedException)
        {
            // Standard error itself is gone: nothing more can be said.
        }

        diagnostics.WriteLine($"{command}: {exception.Message} ({exception.GetType().Name}; --log-level Debug shows where)");
        return ExitCodes.Software;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "oran-testbed" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
