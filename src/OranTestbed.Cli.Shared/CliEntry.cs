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

        return parse.Invoke();
    }
}
