using System.CommandLine;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli;

/// <summary>
/// Entry point of <c>oran-testbed-native</c>: the <c>analyze</c> and <c>decode</c> commands of <c>oran-testbed</c>
/// (the same source, <c>src/OranTestbed.Cli.Shared</c>), compiled ahead of time for a start-up in milliseconds.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand(
            "OranTestbed analyze and decode, compiled ahead of time (same options, output and exit codes as oran-testbed)");
        root.Options.Add(CliLogging.LevelOption);
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        return CliEntry.Run(root, args);
    }
}
