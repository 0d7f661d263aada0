using System.CommandLine;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// The results store options of <c>serve</c> and <c>accounts</c>: <c>--db PATH</c> (SQLite, default
/// results/results.db, artifacts beside it), or <c>--postgres CONNSTR</c> with <c>--artifacts DIR</c> (default
/// results/artifacts); <c>--artifacts</c> also moves a SQLite store's evidence folder.
/// </summary>
internal sealed class ResultsStoreLocation
{
    public Option<string> Database { get; } = new("--db")
    {
        Description = "SQLite results database (default results/results.db)",
        DefaultValueFactory = _ => Path.Combine("results", "results.db"),
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...) instead of SQLite",
    };

    public Option<string?> Artifacts { get; } = new("--artifacts")
    {
        Description = "evidence folder (default: artifacts/ beside the SQLite database, results/artifacts with --postgres)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Postgres);
        command.Options.Add(Artifacts);
    }

    public ResultsStoreOptions Resolve(ParseResult parse)
    {
        string? artifacts = parse.GetValue(Artifacts);
        if (parse.GetValue(Postgres) is { } connection)
        {
            return ResultsStoreOptions.Postgres(connection, artifacts ?? Path.Combine("results", "artifacts"));
        }

        return ResultsStoreOptions.Sqlite(parse.GetRequiredValue(Database)) with { ArtifactDirectory = artifacts };
    }
}
