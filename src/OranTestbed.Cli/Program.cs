using System.CommandLine;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli;

/// <summary>Entry point of the <c>oran-testbed</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("OranTestbed: Open RAN fronthaul interoperability testing");
        root.Subcommands.Add(DecodeCommand.Create());
        return root;
    }
}
