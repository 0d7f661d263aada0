using System.CommandLine;

namespace OranTestbed.Cli;

/// <summary>
/// What <c>Main</c> does in both executables (<c>oran-testbed</c> and <c>oran-testbed-native</c>): parse, print every
/// parse error as <c>oran-testbed: …</c> and exit 64, or run the chosen command.
/// </summary>
internal static class CliEntry
{
    public static int Run(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"oran-testbed: {error.Message}");
            }

            Console.Error.WriteLine("Run 'oran-testbed --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl+C belongs to the commands (run and agent abort gracefully, analyze stops a live capture): System.CommandLine's
        // own handling would end the process 2 s after the signal, before any clean-up finished.
        return parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
