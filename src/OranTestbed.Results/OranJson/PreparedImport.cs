using System.Collections.Immutable;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// A validated O-RAN results document, not yet stored (<see cref="OranResultsImporter.Prepare"/>): its runs, its
/// executions with the JSON pointer of each test case, and the archive files its artifacts come from.
/// </summary>
public sealed class PreparedImport
{
    internal PreparedImport(ImmutableArray<(RunInfo Run, string? OranExtras)> runs, ImmutableArray<PreparedExecution> executions,
        ImmutableArray<(string Path, ArtifactKind Kind, string Name)> files)
    {
        Runs = runs;
        Executions = executions;
        Files = files;
    }

    internal ImmutableArray<(RunInfo Run, string? OranExtras)> Runs { get; }

    public ImmutableArray<RunInfo> RunInfos => [.. Runs.Select(r => r.Run)];

    public ImmutableArray<PreparedExecution> Executions { get; }

    /// <summary>The archive files to store (path on disk, kind, name).</summary>
    internal ImmutableArray<(string Path, ArtifactKind Kind, string Name)> Files { get; }
}
