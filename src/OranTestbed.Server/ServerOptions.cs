using OranTestbed.Results.Store;
using OranTestbed.Server.Limits;

namespace OranTestbed.Server;

/// <summary>
/// How <see cref="ResultsServer"/> runs: where it listens, which results store and lab plan it serves, and the limits
/// that keep hostile uploads from exhausting memory or disk (every limit refuses with a 4xx and stores nothing).
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Kestrel URLs (e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port, see <see cref="ResultsServer.Urls"/>).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    public required ResultsStoreOptions Store { get; init; }

    /// <summary>The lab plan (testplans/): its products are the only ones an upload may name, its fronthaul profiles
    /// re-analyse uploaded captures.</summary>
    public string PlansDirectory { get; init; } = "testplans";

    /// <summary>A whole request body (document and archive); larger is refused with 413.</summary>
    public long MaxUploadBytes { get; init; } = 512L << 20;

    /// <summary>The JSON document (held in memory to validate it); larger is refused with 413.</summary>
    public long MaxDocumentBytes { get; init; } = 32L << 20;

    /// <summary>Entries of an artifacts archive; more is refused (zip-bomb guard).</summary>
    public int MaxArchiveEntries { get; init; } = 10_000;

    /// <summary>Bytes an archive may expand to, counted while extracting (headers are not trusted); more is refused.</summary>
    public long MaxExtractedBytes { get; init; } = 2L << 30;

    /// <summary>Where uploads are unpacked before they are checked (default: the system temporary folder).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Uploads checked and stored at once (after their bodies are received); the rest wait their turn, so a
    /// burst of uploads queues instead of exhausting database connections.</summary>
    public int MaxConcurrentUploads { get; init; } = 8;

    /// <summary>PostgreSQL: the pool size the server uses when the connection string sets none (Npgsql's default, 100,
    /// is the server's whole default max_connections).</summary>
    public int MaxDatabaseConnections { get; init; } = 20;

    /// <summary>Captures re-analysed at once (CPU-bound work; the rest wait).</summary>
    public int MaxConcurrentAnalyses { get; init; } = 1;

    /// <summary>Uploads verified at once by this server's background workers (1: one after the other, in the order they
    /// were accepted). 0: this server only accepts uploads and queues them; another server on the same store verifies.</summary>
    public int VerificationWorkers { get; init; } = 1;

    /// <summary>How often an idle worker looks at the queue for uploads another server on the same store accepted (this
    /// server's own uploads wake it at once).</summary>
    public TimeSpan VerificationPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Uploads an account may make per window (default 30 a minute: a lab agent uploads once per run; more is a
    /// loop or abuse). Beyond it: 429 with Retry-After. Null: no limit.</summary>
    public RateLimit? UploadRateLimit { get; init; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Reads (API GETs and dashboard pages) an account may make per window (default 600 a minute: ten a second
    /// covers a person on the dashboard and a paging script). Beyond it: 429 with Retry-After. Null: no limit.</summary>
    public RateLimit? ReadRateLimit { get; init; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>How long audit events are kept (default 365 days: a year of who uploaded and read what); older ones are
    /// deleted when the server starts and every <see cref="AuditPruneInterval"/>. Null: kept forever.</summary>
    public TimeSpan? AuditRetention { get; init; } = TimeSpan.FromDays(365);

    /// <summary>How often the server deletes the audit events older than <see cref="AuditRetention"/>.</summary>
    public TimeSpan AuditPruneInterval { get; init; } = TimeSpan.FromHours(1);
}
