using System.CommandLine;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli;

/// <summary>Entry point of the <c>oran-testbed</c> command.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var parse = BuildRoot().Parse(args);
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

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("OranTestbed: Open RAN fronthaul interoperability testing");
        root.Options.Add(CliLogging.LevelOption);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DecodeCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(EmulateCommand.Create());
        root.Subcommands.Add(ProfileCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        return root;
    }
}
