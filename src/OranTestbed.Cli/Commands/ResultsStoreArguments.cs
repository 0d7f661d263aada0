using System.CommandLine;
using OranTestbed.Results.Store;

namespace OranTestbed.Cli.Commands;

/// <summary>Where the results store is, for the commands that read or write it: the SQLite store of a results folder
/// (<c>--results DIR</c>, default <c>results</c>, the folder <c>run</c> writes) or PostgreSQL (<c>--postgres</c> with
/// <c>--artifacts</c>).</summary>
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

    public Option<string?> Artifacts { get; } = new("--artifacts") { Description = "artifact folder of a PostgreSQL store" };

    public void AddTo(Command command)
    {
        command.Options.Add(Results);
        command.Options.Add(Postgres);
        command.Options.Add(Artifacts);
    }

    /// <summary>The store's options, or null with the reason when the arguments do not name a store.</summary>
    public ResultsStoreOptions? Resolve(ParseResult parse, bool mustExist, out string? error)
    {
        error = null;
        if (parse.GetValue(Postgres) is { } connection)
        {
            if (parse.GetValue(Artifacts) is not { } artifacts)
            {
                error = "--postgres needs --artifacts DIR (where evidence files are kept)";
                return null;
            }

            return ResultsStoreOptions.Postgres(connection, artifacts);
        }

        var file = Path.Combine(parse.GetRequiredValue(Results), "results.db");
        if (mustExist && !File.Exists(file))
        {
            error = $"{file}: no results store (run a campaign with --results, or import results)";
            return null;
        }

        return ResultsStoreOptions.Sqlite(file);
    }
}
