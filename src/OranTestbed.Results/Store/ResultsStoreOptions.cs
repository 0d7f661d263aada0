namespace OranTestbed.Results.Store;

/// <summary>
/// Where a results store lives. SQLite: <see cref="Database"/> is the file path and artifacts default to the folder
/// <c>artifacts</c> beside it. PostgreSQL: <see cref="Database"/> is an Npgsql connection string (its <c>Search
/// Path</c>, when set, names the schema) and <see cref="ArtifactDirectory"/> is required: evidence files (captures of
/// hundreds of MB) stay on a file system, content-addressed, rather than in bytea, so that they stream, deduplicate for
/// free and back up with the file tools; the database keeps their index (hash, size) and who uses them.
/// </summary>
public sealed record ResultsStoreOptions(DatabaseKind Kind, string Database)
{
    public string? ArtifactDirectory { get; init; }

    /// <summary>The clock that stamps account tokens (issue, expiry, grace) and audit events; specs pass a fake one to
    /// cross an expiry without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static ResultsStoreOptions Sqlite(string file) => new(DatabaseKind.Sqlite, file);

    public static ResultsStoreOptions Postgres(string connectionString, string artifactDirectory) =>
        new(DatabaseKind.Postgres, connectionString) { ArtifactDirectory = artifactDirectory };

    /// <summary>Where the store is, for messages: the SQLite file, or the PostgreSQL host, database and schema. Never
    /// the connection string (it may hold a password); the record's own <c>ToString</c> says the same.</summary>
    public string Describe()
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            return Database;
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(Database);
        return $"PostgreSQL database '{connection.Database}' on {connection.Host}:{connection.Port} (schema {SchemaMigrator.SchemaOf(Database)})";
    }

    public override string ToString() => Describe();

    internal string ResolveArtifactDirectory() => ArtifactDirectory
        ?? (Kind == DatabaseKind.Sqlite
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database)) ?? ".", "artifacts")
            : throw new ArgumentException("a PostgreSQL results store needs an artifact directory", nameof(ArtifactDirectory)));
}
