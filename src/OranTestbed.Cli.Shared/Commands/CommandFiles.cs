using System.CommandLine;
using System.CommandLine.Parsing;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// Option parsing that refuses a command line whose output file is one of its input files (or another of its outputs):
/// <c>analyze X --json X</c> would overwrite the capture it reads. The check is a parse error (exit 64), made before
/// anything is opened; paths are compared after resolving symbolic links.
/// </summary>
internal static class CommandFiles
{
    /// <summary>A file a command reads or writes: its name in messages (<c>--json</c>) and its value, if given.</summary>
    public sealed record Role(string Name, Func<CommandResult, string?> Path, bool IsOutput);

    public static Role Input<T>(Option<T> option, Func<T, string?> path) =>
        new(option.Name, r => r.GetValue(option) is { } v ? path(v) : null, false);

    public static Role Input(Argument<string?> argument) => new(argument.Name, r => r.GetValue(argument), false);

    public static Role Output(Option<FileInfo?> option) => new(option.Name, r => r.GetValue(option)?.FullName, true);

    public static void RefuseOverwriting(Command command, params Role[] files)
    {
        command.Validators.Add(result =>
        {
            var given = files.Select(f => (f.Name, Path: f.Path(result), f.IsOutput)).Where(f => f.Path is not null).ToList();
            for (int i = 0; i < given.Count; i++)
            {
                for (int j = 0; j < given.Count; j++)
                {
                    var (output, other) = (given[i], given[j]);
                    bool pair = output.IsOutput && i != j && (!other.IsOutput || j > i);
                    if (pair && Same(output.Path!, other.Path!))
                    {
                        result.AddError($"{output.Name} {output.Path} is also {(other.IsOutput ? "the file of " : "the input ")}"
                            + $"{other.Name}: refusing to overwrite it; write to another file");
                    }
                }
            }
        });
    }

    private static bool Same(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a broken or looping link: compare the names as given
        }
    }
}
