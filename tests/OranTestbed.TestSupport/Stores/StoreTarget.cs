using Npgsql;
using OranTestbed.Results.Store;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.TestSupport.Stores;

/// <summary>
/// A fresh, empty results store on one database for one test: SQLite in a temporary folder, or PostgreSQL in a schema
/// of its own (created in the database of <c>tools/setup/postgres.sh</c>, dropped afterwards) on the server
/// <see cref="PostgresPeer"/> finds. When that server cannot be reached the spec fails in CI and is skipped locally,
/// saying how to start it; the PostgreSQL fixtures carry <c>Category = PeerCategories.Postgres</c>.
/// </summary>
public sealed class StoreTarget : IAsyncDisposable
{
    private readonly string? _schema;

    private StoreTarget(DatabaseKind kind, string folder, ResultsStoreOptions options, string? schema)
    {
        Kind = kind;
        Folder = folder;
        Options = options;
        _schema = schema;
    }

    public DatabaseKind Kind { get; }

    /// <summary>A temporary folder of the test (SQLite file, artifacts, exports).</summary>
    public string Folder { get; }

    public ResultsStoreOptions Options { get; }

    public static async Task<StoreTarget> CreateAsync(DatabaseKind kind)
    {
        string folder = Path.Combine(Path.GetTempPath(), "otb-results-" + Guid.NewGuid().ToString("N"));
        if (kind == DatabaseKind.Sqlite)
        {
            Directory.CreateDirectory(folder);
            return new StoreTarget(kind, folder, ResultsStoreOptions.Sqlite(Path.Combine(folder, "results.db")), null);
        }

        string schema = "otb_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = await PostgresPeer.ConnectAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        Directory.CreateDirectory(folder);
        var builder = new NpgsqlConnectionStringBuilder(PostgresPeer.ConnectionString) { SearchPath = schema };
        return new StoreTarget(kind, folder, ResultsStoreOptions.Postgres(builder.ConnectionString, Path.Combine(folder, "artifacts")), schema);
    }

    public Task<ResultsStore> OpenAsync() => ResultsStore.OpenAsync(Options);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await PostgresPeer.ConnectAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // A file still open by a pooled handle; the temp folder is cleaned by the system.
        }
    }
}
