namespace OranTestbed.Cli.Tests.Support;

/// <summary>What one <c>oran-testbed decode</c> run produced: exit code, standard output and standard error.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output split into lines (a trailing newline does not make an empty last line).</summary>
    public IReadOnlyList<string> Lines =>
        Stdout.Length == 0 ? [] : Stdout.TrimEnd('\n').Split('\n');

    public override string ToString() => $"exit {ExitCode}; stderr: {Stderr}; stdout: {Stdout}";
}
