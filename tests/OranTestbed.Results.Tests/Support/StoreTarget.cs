using Npgsql;
using OranTestbed.Fronthaul.Tests.Support;
using OranTestbed.Results.Store;

namespace OranTestbed.Results.Tests.Support;

/// <summary>
/// A fresh, empty results store on one database for one test: SQLite in a temporary folder, or PostgreSQL in a schema
/// of its own (created in the database of <c>tools/setup/postgres.sh</c>, dropped afterwards). The PostgreSQL server
/// is found from ORAN_TESTBED_POSTGRES, else the file tools/setup/.postgres-connection that the script writes, else the
/// script's well-known local default. When it cannot be reached the test FAILS saying how to start it.
/// </summary>
public sealed class StoreTarget : IAsyncDisposable
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Database=oran_testbed_test;Username=oran_testbed_test;Password=oran_testbed_test";

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

    public static string PostgresConnectionString
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("ORAN_TESTBED_POSTGRES");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment.Trim();
            }

            string file = Path.Combine(TestPaths.RepositoryRoot, "tools", "setup", ".postgres-connection");
            return File.Exists(file) ? File.ReadAllText(file).Trim() : DefaultPostgres;
        }
    }

    public static async Task<StoreTarget> CreateAsync(DatabaseKind kind)
    {
        string folder = Path.Combine(Path.GetTempPath(), "otb-results-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (kind == DatabaseKind.Sqlite)
        {
            return new StoreTarget(kind, folder, ResultsStoreOptions.Sqlite(Path.Combine(folder, "results.db")), null);
        }

        string schema = "otb_test_" + Guid.NewGuid().ToString("N");
        string admin = PostgresConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            Directory.Delete(folder, true);
            Assert.Fail($"""
                PostgreSQL is not reachable with "{admin}": {e.Message}
                The results store specs run on a real PostgreSQL server. Run tools/setup/postgres.sh (installs postgresql
                with apt when missing, starts the cluster, creates the test role and database), or set ORAN_TESTBED_POSTGRES
                to the connection string of a server where the user may create schemas.
                """);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema };
        return new StoreTarget(kind, folder, ResultsStoreOptions.Postgres(builder.ConnectionString, Path.Combine(folder, "artifacts")), schema);
    }

    public Task<ResultsStore> OpenAsync() => ResultsStore.OpenAsync(Options);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresConnectionString);
            await connection.OpenAsync();
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
