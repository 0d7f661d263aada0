using System.CommandLine;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli;

/// <summary>Entry point of the <c>oran-testbed</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => CliEntry.Run(BuildRoot(), args);

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
        root.Subcommands.Add(MatrixCommand.Create());
        root.Subcommands.Add(ReadinessCommand.Create());
        root.Subcommands.Add(ResultsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AccountsCommand.Create());
        root.Subcommands.Add(MplaneCommand.Create());
        return root;
    }
}
