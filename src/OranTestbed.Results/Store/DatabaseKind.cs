namespace OranTestbed.Results.Store;

/// <summary>The database behind a results store.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file: no set-up, the default of the command line.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server by connection string: the shared store of the results service.</summary>
    Postgres,
}
