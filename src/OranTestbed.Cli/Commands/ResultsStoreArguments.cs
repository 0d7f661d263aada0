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
            error = NoStore(file);
            return null;
        }

        return ResultsStoreOptions.Sqlite(file);
    }

    /// <summary>What read-only commands say when there is no store where they were pointed (they never create one).</summary>
    public static string NoStore(string where) => $"{where}: no results store (run a campaign with --results, or import results)";

    /// <summary>The store for a read-only command: one that exists (see <see cref="ResultsStore.OpenExistingAsync"/>), or
    /// null once the reason is said on <paramref name="diagnostics"/> as <c>oran-testbed COMMAND: …</c>.</summary>
    public async Task<ResultsStore?> OpenExistingAsync(ParseResult parse, string command, TextWriter diagnostics,
        CancellationToken cancellationToken)
    {
        if (Resolve(parse, mustExist: true, out var error) is not { } options)
        {
            diagnostics.WriteLine($"oran-testbed {command}: {error}");
            return null;
        }

        var store = await ResultsStore.OpenExistingAsync(options, cancellationToken).ConfigureAwait(false);
        if (store is null)
        {
            diagnostics.WriteLine($"oran-testbed {command}: {NoStore(options.Describe())}");
        }

        return store;
    }
}
