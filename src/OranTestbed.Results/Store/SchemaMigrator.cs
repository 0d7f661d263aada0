using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OranTestbed.Results.Store;

/// <summary>
/// Brings a database to the current schema on open with DbUp: the versioned scripts embedded from <c>Migrations/</c>
/// (<c>V001__…sql</c>; one schema written in SQL both databases accept, run in name order, each in its own transaction
/// and recorded in the journal table <c>schema_versions</c>, so a re-open runs nothing). Should a change ever need
/// dialect-specific SQL, give it a script per dialect under the same version and filter by <see cref="DatabaseKind"/>.
/// DbUp itself does not guard against two processes migrating at once, so openers first take a lock: a PostgreSQL
/// session advisory lock, or for SQLite an exclusive lock on the file <c>DB.migrate-lock</c> beside it.
/// </summary>
internal static class SchemaMigrator
{
    public const string JournalTable = "schema_versions";

    // Any fixed 64-bit key: all results stores of a PostgreSQL database migrate one at a time.
    private const long AdvisoryLockKey = 0x4F52_414E_5245_5331; // "ORANRES1"

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    public static async Task MigrateAsync(ResultsStoreOptions options, string connectionString, CancellationToken cancellationToken)
    {
        if (options.Kind == DatabaseKind.Sqlite)
        {
            await MigrateSqliteAsync(options.Database, connectionString, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await MigratePostgresAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task MigrateSqliteAsync(string file, string connectionString, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var fileLock = await AcquireFileLockAsync(full + ".migrate-lock", cancellationToken).ConfigureAwait(false);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var wal = connection.CreateCommand();
            // Write-ahead logging: readers do not block the writer (the listener records while a CLI reads).
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Run(DeployChanges.To.SqliteDatabase(connectionString).JournalToSqliteTable(JournalTable));
    }

    private static async Task MigratePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        string schema = SchemaOf(connectionString);
        // The lock's connection is never pooled: were the unlock below lost, closing it still releases the lock (pooled
        // connections are not reset on close, see ResultsStore).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            lockCommand.CommandTimeout = (int)LockTimeout.TotalSeconds;
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            Run(DeployChanges.To.PostgresqlDatabase(connectionString).JournalToPostgresqlTable(schema, JournalTable));
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="options"/> names a store already made: the SQLite file exists, or the PostgreSQL
    /// schema holds the migration journal.</summary>
    public static async Task<bool> ExistsAsync(ResultsStoreOptions options, CancellationToken cancellationToken)
    {
        if (options.Kind == DatabaseKind.Sqlite)
        {
            return File.Exists(options.Database);
        }

        await using var connection = new NpgsqlConnection(options.Database);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", $"\"{SchemaOf(options.Database)}\".{JournalTable}");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The first schema of the connection's search path (<c>public</c> when none is set).</summary>
    internal static string SchemaOf(string connectionString)
    {
        string? path = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        string first = path?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length == 0 ? "public" : first.Trim('"');
    }

    private static void Run(UpgradeEngineBuilder builder)
    {
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, IsScript)
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"results store migration {result.ErrorScript?.Name ?? "?"} failed: {result.Error?.Message}", result.Error);
        }
    }

    private static bool IsScript(string resourceName) =>
        resourceName.StartsWith("OranTestbed.Results.Migrations.", StringComparison.Ordinal)
        && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: one opener at a time.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
