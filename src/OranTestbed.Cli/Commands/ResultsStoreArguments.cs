using System.CommandLine;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>Where the results store is, for the commands that read or write it (matrix, results, serve, accounts): the
/// SQLite store of a results folder (<c>--results DIR</c>, default <c>results</c>, the folder <c>run</c> writes) or
/// PostgreSQL (<c>--postgres</c>, evidence in <c>--artifacts DIR</c>, default <c>RESULTS/artifacts</c>).</summary>
internal sealed class ResultsStoreArguments
{
    public Option<string> Results { get; } = new("--results")
    {
        Description = "results folder of the SQLite store (RESULTS/results.db)",
        DefaultValueFactory = _ => "results",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "a PostgreSQL connection string instead of the SQLite store (with --artifacts)",
    };

    public Option<string?> Artifacts { get; } = new("--artifacts")
    {
        Description = "evidence folder of a PostgreSQL store (default RESULTS/artifacts)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Results);
        command.Options.Add(Postgres);
        command.Options.Add(Artifacts);
    }

    /// <summary>The store's options (created on first use when absent).</summary>
    /// <remarks>A <c>--results</c> that is a file is passed on as it is: the callers (serve, accounts) report the store
    /// that cannot be opened.</remarks>
    public ResultsStoreOptions Resolve(ParseResult parse) => Resolve(parse, mustExist: false, out _)
        ?? ResultsStoreOptions.Sqlite(Path.Combine(parse.GetRequiredValue(Results), "results.db"));

    /// <summary>The store's options, or null with the reason when <paramref name="mustExist"/> and there is none.</summary>
    public ResultsStoreOptions? Resolve(ParseResult parse, bool mustExist, out string? error)
    {
        error = null;
        if (parse.GetValue(Postgres) is { } connection)
        {
            return ResultsStoreOptions.Postgres(connection,
                parse.GetValue(Artifacts) ?? Path.Combine(parse.GetRequiredValue(Results), "artifacts"));
        }

        string folder = parse.GetRequiredValue(Results);
        if (File.Exists(folder))
        {
            error = $"--results {folder} is a file, not a results folder";
            return null;
        }

        var file = Path.Combine(folder, "results.db");
        if (mustExist && !File.Exists(file))
        {
            error = $"{file}: no results store (run a campaign with --results, or import results)";
            return null;
        }

        return ResultsStoreOptions.Sqlite(file);
    }
}
