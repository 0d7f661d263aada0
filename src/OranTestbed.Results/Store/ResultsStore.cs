using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Store;

/// <summary>
/// The durable results store: campaigns → runs → executions (subject, verdict, reasons, metrics, measurements) →
/// content-addressed artifacts, on SQLite or PostgreSQL with one schema (see <see cref="SchemaMigrator"/>). Thread-safe:
/// each call uses its own pooled connection. Recording is transactional (an execution is stored whole or not at all)
/// and idempotent (the same result twice is one row; a different one for the same run and execution is refused as a
/// <see cref="RecordOutcome.Conflict"/>: results are evidence). The one exception is an ABORTED execution: it did not
/// finish, so it is no result, and a later result of the same run and execution (its re-run on resume) replaces it.
/// SQL is parameterised throughout (Dapper).
/// </summary>
public sealed partial class ResultsStore
{
    private const string ExecutionColumns = """
        e.run_id AS RunId, e.execution_id AS ExecutionId, e.band AS Band, e.operator_profile AS OperatorProfile,
        e.iot_profile AS IotProfile, e.iot_specification AS IotSpecification, e.iot_spec_version AS IotSpecVersion,
        e.fronthaul_profile AS FronthaulProfile, e.case_id AS CaseId, e.case_name AS CaseName, e.case_status AS CaseStatus,
        e.case_reference AS CaseReference, e.repetition AS Repetition, e.verdict AS Verdict, e.attempts AS Attempts,
        e.flaky AS Flaky, e.bench AS Bench, e.duration_ticks AS DurationTicks, e.started_at AS StartedAt,
        e.recorded_at AS RecordedAt, e.content_hash AS ContentHash
        """;

    /// <summary>The tables keyed by (run_id, execution_id) that reference <c>execution</c> (latest_result never holds the
    /// aborted executions that are deleted, but its key references them all the same).</summary>
    private static readonly string[] ChildTables =
        ["latest_result", "latest_version_result", "execution_product", "execution_reason", "metric", "measurement", "execution_artifact", "evidence_check"];

    private const string RunColumns = """
        r.run_id AS RunId, r.campaign_id AS CampaignId, c.description AS CampaignDescription, r.plan_hash AS PlanHash,
        r.origin AS Origin, r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.aborted AS Aborted,
        r.oran_extras AS OranExtras
        """;

    private readonly string _connectionString;
    private readonly ArtifactFolder _artifacts;

    private readonly Lazy<GroupCommit<Audit.AuditEvent>> _auditWriter;

    private ResultsStore(ResultsStoreOptions options, string connectionString)
    {
        Options = options;
        _connectionString = connectionString;
        _auditWriter = new(() => new GroupCommit<Audit.AuditEvent>(CommitAuditAsync));
        _artifacts = new ArtifactFolder(options.ResolveArtifactDirectory());
    }

    public ResultsStoreOptions Options { get; }

    public DatabaseKind Kind => Options.Kind;

    /// <summary>The folder of the content-addressed evidence files.</summary>
    public string ArtifactDirectory => _artifacts.Root;

    /// <summary>Opens the store, creating the database and applying pending migrations (safe when several processes
    /// open it at once).</summary>
    public static async Task<ResultsStore> OpenAsync(ResultsStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string connectionString = options.Kind == DatabaseKind.Sqlite
            ? new SqliteConnectionStringBuilder
            {
                DataSource = Path.GetFullPath(options.Database),
                Mode = SqliteOpenMode.ReadWriteCreate,
                ForeignKeys = true,
                Pooling = true,
                DefaultTimeout = 60,
            }.ToString()
            : WithPostgresDefaults(options.Database);
        var store = new ResultsStore(options, connectionString);
        await SchemaMigrator.MigrateAsync(options, connectionString, cancellationToken).ConfigureAwait(false);
        await store.SettlePendingExpiriesAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>
    /// A PostgreSQL connection string with the store's defaults for what it does not set itself:
    /// <list type="bullet">
    /// <item>at most <see cref="DefaultPostgresPool"/> pooled connections: a hundred readers of a server then queue for a
    /// connection (Npgsql waits) instead of taking all of a default server's 100 slots and being refused;</item>
    /// <item>statements used repeatedly are prepared on their connection (<c>Max Auto Prepare</c>): recording a result
    /// then skips the server's parse and plan of its half-dozen statements (measured at a million results: 1.9–2.7 ms a
    /// result without, 0.9 ms with);</item>
    /// <item>no reset when a connection goes back to the pool (<c>No Reset On Close</c>): the store keeps no session state
    /// (no SET, no temporary tables; the migration lock has a connection of its own), and the reset would cost a round
    /// trip on the next use and drop the prepared statements.</item>
    /// </list>
    /// </summary>
    private static string WithPostgresDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        bool Sets(string keyword) => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase);
        if (!Sets("pool size"))
        {
            builder.MaxPoolSize = DefaultPostgresPool;
        }

        if (!Sets("auto prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Sets("reset on close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Pooled PostgreSQL connections per store unless the connection string says otherwise.</summary>
    public const int DefaultPostgresPool = 32;

    /// <summary>Opens a store that already exists (what read-only commands do: they never create one), migrating it if
    /// it is older; null when there is none (no SQLite file, or no schema in the PostgreSQL database).</summary>
    public static async Task<ResultsStore?> OpenExistingAsync(ResultsStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SchemaMigrator.ExistsAsync(options, cancellationToken).ConfigureAwait(false)
            ? await OpenAsync(options, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public static Task<ResultsStore> OpenSqliteAsync(string file, CancellationToken cancellationToken = default) =>
        OpenAsync(ResultsStoreOptions.Sqlite(file), cancellationToken);

    /// <summary>The migration scripts applied to this database, in order.</summary>
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT scriptname FROM {SchemaMigrator.JournalTable} ORDER BY scriptname", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. names];
    }

    /// <summary>Registers a run and its campaign (idempotent: a resumed run keeps its first registration).</summary>
    public async Task BeginRunAsync(RunInfo run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertRunAsync(connection, transaction, run, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a run finished (or aborted).</summary>
    public async Task FinishRunAsync(string runId, DateTimeOffset finishedAt, bool aborted, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE run SET finished_at = @FinishedAt, aborted = @Aborted WHERE run_id = @RunId",
            new { RunId = runId, FinishedAt = TimeText(finishedAt), Aborted = aborted ? 1L : 0L }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (changed == 0)
        {
            throw new InvalidOperationException($"run '{runId}' is not in the results store");
        }
    }

    /// <summary>
    /// Records one execution with its evidence files in one call (what the campaign coordinator's listener does for
    /// each journaled result): the files are copied into the artifact folder by content, then the execution, its
    /// reasons, metrics, measurements and artifact links are written in one transaction.
    /// </summary>
    public async Task<RecordOutcome> RecordAsync(ExecutionResult result, IEnumerable<ArtifactSource>? evidence = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var added = ImmutableArray.CreateBuilder<ArtifactRef>();
        foreach (var file in evidence ?? [])
        {
            added.Add(await _artifacts.AddAsync(file.Kind, file.Name, file.Path, cancellationToken).ConfigureAwait(false));
        }

        var complete = result with { Artifacts = ResultFingerprint.OrEmpty(result.Artifacts).AddRange(added) };
        var outcomes = await RecordManyAsync([], [complete], cancellationToken).ConfigureAwait(false);
        return outcomes[0];
    }

    /// <summary>Stores an evidence file by content (used by importers before they record the executions citing it).</summary>
    public Task<ArtifactRef> AddArtifactAsync(ArtifactKind kind, string name, Stream content, CancellationToken cancellationToken = default) =>
        _artifacts.AddAsync(kind, name, content, cancellationToken);

    public bool HasArtifactContent(string sha256) => _artifacts.Contains(sha256);

    /// <summary>Opens a stored evidence file for reading.</summary>
    public Stream OpenArtifact(string sha256) =>
        new FileStream(_artifacts.PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public string ArtifactPath(string sha256) => _artifacts.PathOf(sha256);

    public async Task<ImmutableArray<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunColumns} FROM run r JOIN campaign c ON c.campaign_id = r.campaign_id ORDER BY r.started_at, r.run_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToRun)];
    }

    /// <summary>The runs holding an execution that matches <paramref name="filter"/> (a vendor's runs), oldest first.</summary>
    public Task<ImmutableArray<RunInfo>> ListRunsAsync(ExecutionFilter filter, CancellationToken cancellationToken = default) =>
        ListRunsAsync(filter, null, null, cancellationToken);

    /// <summary>
    /// A page of runs, newest first, <paramref name="limit"/> at most, older than <paramref name="before"/> (a run-only
    /// <see cref="ExecutionCursor"/>); with <paramref name="filter"/>, only runs holding an execution it matches; without a
    /// limit, every run oldest first.
    /// </summary>
    public async Task<ImmutableArray<RunInfo>> ListRunsAsync(ExecutionFilter? filter, int? limit, ExecutionCursor? before,
        CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter ?? ExecutionFilter.All);
        string holding = filter is null ? "1 = 1" : $"EXISTS (SELECT 1 FROM execution e WHERE e.run_id = r.run_id AND {where})";
        string older = "";
        if (limit is not null && before is not null)
        {
            older = " AND (r.started_at < @BeforeRunStarted OR (r.started_at = @BeforeRunStarted AND r.run_id < @BeforeRunId))";
            parameters.Add("BeforeRunStarted", TimeText(before.RunStartedAt));
            parameters.Add("BeforeRunId", before.RunId);
        }

        parameters.Add("RunLimit", (long)Math.Max(0, limit ?? 0));
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Query<RunRow>(connection, $"""
            SELECT {RunColumns} FROM run r JOIN campaign c ON c.campaign_id = r.campaign_id WHERE {holding}{older}
            {(limit is null ? "ORDER BY r.started_at, r.run_id" : "ORDER BY r.started_at DESC, r.run_id DESC LIMIT @RunLimit")}
            """, parameters, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToRun)];
    }

    /// <summary>How many executions of each of <paramref name="runIds"/> that match <paramref name="filter"/> have each
    /// verdict, counted by the database (a page of runs with its verdicts, without reading the executions).</summary>
    public async Task<ImmutableDictionary<(string RunId, Verdict Verdict), long>> CountVerdictsAsync(ExecutionFilter filter,
        IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count == 0)
        {
            return ImmutableDictionary<(string, Verdict), long>.Empty;
        }

        var (where, parameters) = Where(filter);
        for (int i = 0; i < runIds.Count; i++)
        {
            parameters.Add($"CountRun{i}", runIds[i]);
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Query<VerdictCountRow>(connection, $"""
            SELECT e.run_id AS RunId, e.verdict AS Verdict, count(*) AS Count FROM execution e JOIN run r ON r.run_id = e.run_id
            WHERE e.run_id IN ({string.Join(", ", runIds.Select((_, i) => $"@CountRun{i}"))}) AND {where}
            GROUP BY e.run_id, e.verdict
            """, parameters, cancellationToken).ConfigureAwait(false);
        return rows.ToImmutableDictionary(r => (r.RunId, VerdictNames.Parse(r.Verdict)), r => r.Count);
    }

    public async Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        (await GetRunRowAsync(runId, cancellationToken).ConfigureAwait(false)) is { } row ? ToRun(row) : null;

    /// <summary>The executions matching <paramref name="filter"/>, ordered by run, band, operator profile, case,
    /// repetition and execution id; with a <see cref="ExecutionFilter.Limit"/>, the newest runs first, one page. The
    /// executions are picked once (a common table expression every query of their parts joins), so reading the latest
    /// results or one page costs what they hold, not what the store holds.</summary>
    public async Task<ImmutableArray<ExecutionResult>> ListExecutionsAsync(ExecutionFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        filter ??= ExecutionFilter.All;
        // LatestOnly and LatestPerVersions drive the FROM below instead of a condition.
        var (where, parameters) = Where(filter with { LatestOnly = false, LatestPerVersions = false });
        string then = Kind == DatabaseKind.Sqlite ? "CROSS JOIN" : "JOIN"; // see own, below
        string? latestTable = filter.LatestOnly ? "latest_result" : filter.LatestPerVersions ? "latest_version_result" : null;
        string from = latestTable is not null
            ? $"{latestTable} l {then} execution e ON e.run_id = l.run_id AND e.execution_id = l.execution_id JOIN run r ON r.run_id = e.run_id"
            : filter is { Limit: not null, ODu: null, ORu: null } && Kind == DatabaseKind.Sqlite
            // A page newest first walks the runs from the newest (V010's run_by_start) and stops at its end; SQLite takes
            // the left of a CROSS JOIN as the outer loop (PostgreSQL finds this plan itself). A pair's page is better
            // picked by the pair's index (a cell's history: a few thousand results).
            ? "run r CROSS JOIN execution e ON e.run_id = r.run_id"
            : "execution e JOIN run r ON r.run_id = e.run_id";
        string order = filter.Limit is null
            ? "e.run_id, e.band, e.operator_profile, e.case_id, e.repetition, e.execution_id"
            : "r.started_at DESC, e.run_id DESC, e.execution_id DESC";
        if (filter.Limit is { } limit)
        {
            parameters.Add("Limit", (long)Math.Max(0, limit));
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        // The reads below are one state of the store: a result recorded between two of them would otherwise leave an
        // execution picked by the first without the parts the next ones read (they follow the newer latest).
        await using var snapshot = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        string picked;
        if (filter.Limit is null)
        {
            picked = LatestTableHoldsTheFilter(filter)
                ? $"WITH picked AS (SELECT e.run_id, e.execution_id FROM {latestTable} e WHERE {where})"
                : $"WITH picked AS (SELECT e.run_id, e.execution_id FROM {from} WHERE {where})";
        }
        else
        {
            // A page is picked once and named by its keys: its six reads then cost the page, not six sorts of the history.
            var keys = await Query<KeyRow>(snapshot, $"""
                SELECT e.run_id AS RunId, e.execution_id AS ExecutionId FROM {from} WHERE {where} ORDER BY {order} LIMIT @Limit
                """, parameters, cancellationToken).ConfigureAwait(false);
            if (keys.Count == 0)
            {
                return [];
            }

            (picked, parameters) = Picked([.. keys.Select(k => (k.RunId, k.ExecutionId))]);
        }

        // Each part is read from the picked executions into its table's key, never by scanning the table: SQLite takes the
        // left side of a CROSS JOIN as the outer loop (its planner would otherwise scan the big table to skip a sort),
        // PostgreSQL plans from its statistics (and has no CROSS JOIN … ON).
        string own = $"FROM picked k {then} {{0}} x ON x.run_id = k.run_id AND x.execution_id = k.execution_id";
        var executions = await Query<ExecutionRow>(snapshot, $"""
            {picked}
            SELECT {ExecutionColumns} FROM picked k {then} execution e ON e.run_id = k.run_id AND e.execution_id = k.execution_id
            JOIN run r ON r.run_id = e.run_id ORDER BY {order}
            """, parameters, cancellationToken).ConfigureAwait(false);
        var products = Group(await Query<ProductRow>(snapshot, $"""
            {picked}
            SELECT x.run_id AS RunId, x.execution_id AS ExecutionId, x.role AS Role, x.product_id AS ProductId, x.vendor AS Vendor,
                   x.model AS Model, x.hardware AS Hardware, x.software AS Software, x.firmware AS Firmware
            {string.Format(CultureInfo.InvariantCulture, own, "execution_product")}
            """, parameters, cancellationToken).ConfigureAwait(false), r => (r.RunId, r.ExecutionId));
        var reasons = filter.SubjectsOnly ? [] : Group(await Query<ReasonRow>(snapshot, $"""
            {picked}
            SELECT x.run_id AS RunId, x.execution_id AS ExecutionId, x.position AS Position, x.reason AS Reason
            {string.Format(CultureInfo.InvariantCulture, own, "execution_reason")}
            """, parameters, cancellationToken).ConfigureAwait(false), r => (r.RunId, r.ExecutionId), r => r.Position);
        var metrics = filter.SubjectsOnly ? [] : Group(await Query<MetricRow>(snapshot, $"""
            {picked}
            SELECT x.run_id AS RunId, x.execution_id AS ExecutionId, x.position AS Position, x.metric_id AS MetricId, x.source AS Source,
                   x.unit AS Unit, x.measured AS Measured, x.threshold AS Threshold, x.verdict AS Verdict, x.note AS Note
            {string.Format(CultureInfo.InvariantCulture, own, "metric")}
            """, parameters, cancellationToken).ConfigureAwait(false), r => (r.RunId, r.ExecutionId), r => r.Position);
        var measurements = filter.SubjectsOnly ? [] : Group(await Query<MeasurementRow>(snapshot, $"""
            {picked}
            SELECT x.run_id AS RunId, x.execution_id AS ExecutionId, x.position AS Position, x.name AS Name, x.unit AS Unit,
                   x."values" AS ValuesJson, x.description AS Description
            {string.Format(CultureInfo.InvariantCulture, own, "measurement")}
            """, parameters, cancellationToken).ConfigureAwait(false), r => (r.RunId, r.ExecutionId), r => r.Position);
        var artifacts = filter.SubjectsOnly ? [] : Group(await Query<ArtifactRow>(snapshot, $"""
            {picked}
            SELECT x.run_id AS RunId, x.execution_id AS ExecutionId, x.position AS Position, x.kind AS Kind, x.name AS Name,
                   x.sha256 AS Sha256, a.size AS Size
            {string.Format(CultureInfo.InvariantCulture, own, "execution_artifact")} JOIN artifact a ON a.sha256 = x.sha256
            """, parameters, cancellationToken).ConfigureAwait(false), r => (r.RunId, r.ExecutionId), r => r.Position);

        return [.. executions.Select(e =>
        {
            var key = (e.RunId, e.ExecutionId);
            var productRows = products.GetValueOrDefault(key) ?? [];
            var subject = new ExecutionSubject(e.Band, e.OperatorProfile, e.IotProfile, e.IotSpecification, e.IotSpecVersion,
                e.FronthaulProfile, e.CaseId, e.CaseName, e.CaseStatus, e.CaseReference, checked((int)e.Repetition),
                [.. productRows.OrderBy(p => RoleOrder(p.Role)).ThenBy(p => p.Role, StringComparer.Ordinal)
                    .Select(p => new ProductRef(p.Role, p.ProductId, p.Vendor, p.Model, p.Hardware, p.Software, p.Firmware))]);
            var outcome = new VerdictRecord(VerdictNames.Parse(e.Verdict), checked((int)e.Attempts), e.Flaky != 0,
                [.. (reasons.GetValueOrDefault(key) ?? []).Select(r => r.Reason)], e.Bench, TimeSpan.FromTicks(e.DurationTicks))
            {
                StartedAt = e.StartedAt is null ? null : ParseTime(e.StartedAt),
            };
            return new ExecutionResult(e.RunId, e.ExecutionId, subject, outcome,
                [.. (metrics.GetValueOrDefault(key) ?? []).Select(m => new MetricRecord(m.MetricId, m.Source, m.Unit,
                    m.Measured is null ? null : Decimals.Parse(m.Measured), m.Threshold, VerdictNames.Parse(m.Verdict)) { Note = m.Note })])
            {
                Measurements = [.. (measurements.GetValueOrDefault(key) ?? []).Select(m => new Measurement(m.Name, m.Unit,
                    [.. JsonSerializer.Deserialize<string[]>(m.ValuesJson)!.Select(Decimals.Parse)]) { Description = m.Description })],
                Artifacts = [.. (artifacts.GetValueOrDefault(key) ?? []).Select(a =>
                    new ArtifactRef(ArtifactKinds.Parse(a.Kind), a.Name, a.Sha256, a.Size))],
            };
        })];
    }

    /// <summary>
    /// Records executions in ONE transaction (an import is all or nothing): each is stored, found already stored, or in
    /// conflict. <paramref name="runs"/> are registered in the same transaction first (with the O-RAN parts of an imported
    /// document that have no column, as JSON). Artifacts the results cite must be in the folder already. With
    /// <paramref name="allOrNothing"/>, any conflict rolls everything back (the outcomes say which).
    /// </summary>
    internal async Task<ImmutableArray<RecordOutcome>> RecordManyAsync(IReadOnlyList<(RunInfo Run, string? OranExtras)> runs,
        IReadOnlyList<ExecutionResult> results, CancellationToken cancellationToken, bool allOrNothing = false)
    {
        var normalized = results.Select(r => Validate(ResultFingerprint.Normalize(r))).ToList();
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (run, extras) in runs)
        {
            await InsertRunAsync(connection, transaction, run, extras, cancellationToken).ConfigureAwait(false);
        }

        var outcomes = ImmutableArray.CreateBuilder<RecordOutcome>(normalized.Count);
        foreach (var result in normalized)
        {
            outcomes.Add(await InsertExecutionAsync(connection, transaction, result, cancellationToken).ConfigureAwait(false));
        }

        if (allOrNothing && outcomes.Contains(RecordOutcome.Conflict))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcomes.MoveToImmutable();
    }

    internal async Task<string?> OranExtrasAsync(string runId, CancellationToken cancellationToken) =>
        (await GetRunRowAsync(runId, cancellationToken).ConfigureAwait(false))?.OranExtras;

    private static async Task InsertRunAsync(DbConnection connection, DbTransaction transaction, RunInfo run, string? oranExtras,
        CancellationToken cancellationToken)
    {
        foreach (string? text in new[] { run.RunId, run.CampaignId, run.CampaignDescription, run.PlanHash, run.Origin, oranExtras })
        {
            RefuseNul(text, "run " + run.RunId);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO campaign (campaign_id, description) VALUES (@CampaignId, @Description) ON CONFLICT DO NOTHING",
            new { run.CampaignId, Description = run.CampaignDescription }, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        int added = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO run (run_id, campaign_id, plan_hash, origin, started_at, finished_at, aborted, oran_extras)
            VALUES (@RunId, @CampaignId, @PlanHash, @Origin, @StartedAt, @FinishedAt, @Aborted, @OranExtras) ON CONFLICT DO NOTHING
            """, new
        {
            run.RunId, run.CampaignId, run.PlanHash, run.Origin, StartedAt = TimeText(run.StartedAt),
            FinishedAt = run.FinishedAt is { } f ? TimeText(f) : null, Aborted = run.Aborted ? 1L : 0L, OranExtras = oranExtras,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (added > 0)
        {
            await BumpVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false); // the runs a matrix offers
        }
    }

    private static async Task<RecordOutcome> InsertExecutionAsync(DbConnection connection, DbTransaction transaction,
        ExecutionResult result, CancellationToken cancellationToken)
    {
        string hash = ResultFingerprint.Of(result);
        var key = new { result.RunId, result.ExecutionId };
        var s = result.Subject;
        var o = result.Outcome;
        int inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO execution (run_id, execution_id, band, operator_profile, iot_profile, iot_specification, iot_spec_version,
                fronthaul_profile, case_id, case_name, case_status, case_reference, repetition, verdict, attempts, flaky, bench,
                duration_ticks, started_at, recorded_at, content_hash, o_du, o_ru, o_cu)
            VALUES (@RunId, @ExecutionId, @Band, @OperatorProfile, @IotProfile, @IotSpecification, @IotSpecVersion,
                @FronthaulProfile, @CaseId, @CaseName, @CaseStatus, @CaseReference, @Repetition, @Verdict, @Attempts, @Flaky, @Bench,
                @DurationTicks, @StartedAt, @RecordedAt, @ContentHash, @ODu, @ORu, @OCu)
            ON CONFLICT DO NOTHING
            """, new
        {
            ODu = s.Product("o-du")?.Id ?? "", ORu = s.Product("o-ru")?.Id ?? "", OCu = s.Product("o-cu")?.Id ?? "",
            result.RunId, result.ExecutionId, s.Band, s.OperatorProfile, s.IotProfile, s.IotSpecification, s.IotSpecVersion,
            s.FronthaulProfile, s.CaseId, s.CaseName, s.CaseStatus, s.CaseReference, Repetition = (long)s.Repetition,
            Verdict = o.Verdict.ToWireName(), Attempts = (long)o.Attempts, Flaky = o.Flaky ? 1L : 0L, o.Bench,
            DurationTicks = o.Duration.Ticks, StartedAt = o.StartedAt is { } t ? TimeText(t) : null,
            RecordedAt = TimeText(DateTimeOffset.UtcNow), ContentHash = hash,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 0)
        {
            var stored = await connection.QuerySingleAsync<StoredExecutionRow>(new CommandDefinition(
                "SELECT content_hash AS ContentHash, verdict AS Verdict FROM execution WHERE run_id = @RunId AND execution_id = @ExecutionId",
                key, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (stored.ContentHash == hash)
            {
                return RecordOutcome.AlreadyStored;
            }

            if (VerdictNames.Parse(stored.Verdict) != Verdict.Aborted)
            {
                return RecordOutcome.Conflict;
            }

            // An ABORTED execution did not finish: it is no result, and the run's re-run of it (a resume) replaces it.
            await DeleteExecutionAsync(connection, transaction, result.RunId, result.ExecutionId, cancellationToken)
                .ConfigureAwait(false);
            return await InsertExecutionAsync(connection, transaction, result, cancellationToken).ConfigureAwait(false);
        }

        // A result's parts go in one command: a multi-row INSERT per table, then its latest and the results version (over
        // a network to PostgreSQL the round trips are the cost of recording, with the commit's flush).
        object?[] Row(params object?[] values) => [result.RunId, result.ExecutionId, .. values];
        var parts = new StatementBatch();
        parts.Insert("execution_product", ["run_id", "execution_id", "role", "product_id", "vendor", "model", "hardware", "software", "firmware"],
            [.. s.Products.Select(p => Row(p.Role, p.Id, p.Vendor, p.Model, p.Hardware, p.Software, p.Firmware))]);
        parts.Insert("execution_reason", ["run_id", "execution_id", "position", "reason"], [.. o.Reasons.Select((r, i) => Row((long)i, r))]);
        parts.Insert("metric", ["run_id", "execution_id", "position", "metric_id", "source", "unit", "measured", "threshold", "verdict", "note"],
            [.. result.Metrics.Select((m, i) => Row((long)i, m.Id, m.Source, m.Unit,
                m.Measured is { } v ? Decimals.Format(v) : null, m.Threshold, m.Verdict.ToWireName(), m.Note))]);
        parts.Insert("measurement", ["run_id", "execution_id", "position", "name", "unit", "\"values\"", "description"],
            [.. result.Measurements.Select((m, i) => Row((long)i, m.Name, m.Unit,
                JsonSerializer.Serialize(m.Values.Select(Decimals.Format)), m.Description))]);
        parts.Insert("artifact", ["sha256", "size"],
            [.. result.Artifacts.DistinctBy(a => a.Sha256).Select(a => new object?[] { a.Sha256, a.Size })], "ON CONFLICT DO NOTHING");
        parts.Insert("execution_artifact", ["run_id", "execution_id", "position", "kind", "name", "sha256"],
            [.. result.Artifacts.Select((a, i) => Row((long)i, a.Kind.ToName(), a.Name, a.Sha256))]);
        parts.Add(o.Verdict == Verdict.Aborted ? "" : $"{KeepLatest};\n{KeepLatestPerVersions}",
            new { LatestRun = result.RunId, LatestExecution = result.ExecutionId });
        parts.Add(BumpVersion, null);
        foreach (var (sql, parameters) in parts.Commands())
        {
            await Execute(connection, transaction, sql, parameters, cancellationToken).ConfigureAwait(false);
        }

        return RecordOutcome.Stored;
    }

    /// <summary>The results version (V006): it grows in every transaction that stores a result or registers a run.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM results_version WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static Task<int> BumpVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Execute(connection, transaction, BumpVersion, new { }, cancellationToken);

    /// <summary>
    /// Makes the just-recorded result its execution's latest unless a newer run's result already is (a run recorded out
    /// of order, e.g. an import of an older run): the order of V004's build and of ListRunsAsync, compared by the database.
    /// </summary>
    private const string KeepLatest = """
        INSERT INTO latest_result (execution_id, run_id, run_started_at, band, operator_profile, o_du, o_ru, o_cu)
        SELECT e.execution_id, e.run_id, r.started_at, e.band, e.operator_profile, e.o_du, e.o_ru, e.o_cu
        FROM execution e JOIN run r ON r.run_id = e.run_id WHERE e.run_id = @LatestRun AND e.execution_id = @LatestExecution
        ON CONFLICT (execution_id) DO UPDATE SET run_id = excluded.run_id, run_started_at = excluded.run_started_at,
            band = excluded.band, operator_profile = excluded.operator_profile, o_du = excluded.o_du, o_ru = excluded.o_ru,
            o_cu = excluded.o_cu
        WHERE excluded.run_started_at > latest_result.run_started_at
           OR (excluded.run_started_at = latest_result.run_started_at AND excluded.run_id >= latest_result.run_id)
        """;

    /// <summary>The same for the latest result per set of versions tested (V008), with the parameters of KeepLatest.</summary>
    private const string KeepLatestPerVersions = """
        INSERT INTO latest_version_result (execution_id, o_du_software, o_ru_software, run_id, run_started_at, band, operator_profile)
        SELECT e.execution_id, COALESCE(pd.software, ''), COALESCE(pr.software, ''), e.run_id, r.started_at, e.band, e.operator_profile
        FROM execution e JOIN run r ON r.run_id = e.run_id
        LEFT JOIN execution_product pd ON pd.run_id = e.run_id AND pd.execution_id = e.execution_id AND pd.role = 'o-du'
        LEFT JOIN execution_product pr ON pr.run_id = e.run_id AND pr.execution_id = e.execution_id AND pr.role = 'o-ru'
        WHERE e.run_id = @LatestRun AND e.execution_id = @LatestExecution
        ON CONFLICT (execution_id, o_du_software, o_ru_software) DO UPDATE SET run_id = excluded.run_id,
            run_started_at = excluded.run_started_at, band = excluded.band, operator_profile = excluded.operator_profile
        WHERE excluded.run_started_at > latest_version_result.run_started_at
           OR (excluded.run_started_at = latest_version_result.run_started_at AND excluded.run_id >= latest_version_result.run_id)
        """;

    /// <summary>Grows the results version (V006) in the transaction that stores a result or registers a run.</summary>
    private const string BumpVersion = "UPDATE results_version SET version = version + 1 WHERE id = 1";

    /// <summary>Removes an execution with everything that hangs off it (children first: the keys reference it).</summary>
    private static async Task DeleteExecutionAsync(DbConnection connection, DbTransaction transaction, string runId,
        string executionId, CancellationToken cancellationToken)
    {
        var key = new { RunId = runId, ExecutionId = executionId };
        foreach (string table in ChildTables)
        {
            await Execute(connection, transaction, $"DELETE FROM {table} WHERE run_id = @RunId AND execution_id = @ExecutionId",
                key, cancellationToken).ConfigureAwait(false);
        }

        await Execute(connection, transaction, "DELETE FROM execution WHERE run_id = @RunId AND execution_id = @ExecutionId",
            key, cancellationToken).ConfigureAwait(false);
    }

    private ExecutionResult Validate(ExecutionResult result)
    {
        ArgumentException.ThrowIfNullOrEmpty(result.RunId);
        ArgumentException.ThrowIfNullOrEmpty(result.ExecutionId);
        RefuseNoOutcome(result.Outcome.Verdict, $"execution {result.ExecutionId}");
        foreach (var metric in result.Metrics)
        {
            RefuseNoOutcome(metric.Verdict, $"metric {metric.Id} of execution {result.ExecutionId}");
        }

        foreach (var unit in result.Metrics.Select(m => m.Unit).Concat(result.Measurements.Select(m => m.Unit)))
        {
            if (!Units.All.Contains(unit))
            {
                throw new ArgumentException($"unit '{unit}' of execution {result.ExecutionId} is not one of: {string.Join(", ", Units.All)}");
            }
        }

        foreach (string? text in Texts(result))
        {
            RefuseNul(text, result.ExecutionId);
        }

        if (result.Subject.Products.Select(p => p.Role).Distinct(StringComparer.Ordinal).Count() != result.Subject.Products.Length)
        {
            throw new ArgumentException($"execution {result.ExecutionId} names a product role twice");
        }

        foreach (var artifact in result.Artifacts)
        {
            if (!_artifacts.Contains(artifact.Sha256))
            {
                throw new ArgumentException($"artifact {artifact.Sha256} ('{artifact.Name}') of execution {result.ExecutionId} is not in the artifact folder");
            }
        }

        return result;
    }

    /// <summary>Every text of a result that goes into the database.</summary>
    private static IEnumerable<string?> Texts(ExecutionResult r)
    {
        var s = r.Subject;
        IEnumerable<string?> own =
        [
            r.RunId, r.ExecutionId, s.Band, s.OperatorProfile, s.IotProfile, s.IotSpecification, s.IotSpecVersion, s.FronthaulProfile,
            s.CaseId, s.CaseName, s.CaseStatus, s.CaseReference, r.Outcome.Bench,
        ];
        return own.Concat(r.Outcome.Reasons)
            .Concat(s.Products.SelectMany(p => new[] { p.Role, p.Id, p.Vendor, p.Model, p.Hardware, p.Software, p.Firmware }))
            .Concat(r.Metrics.SelectMany(m => new[] { m.Id, m.Source, m.Threshold, m.Note }))
            .Concat(r.Measurements.SelectMany(m => new[] { m.Name, m.Description }))
            .Concat(r.Artifacts.Select(a => a.Name));
    }

    /// <summary>
    /// Only an outcome (PASS, INCONCLUSIVE, FAIL, ABORTED, ERROR) is stored: NOT_SET means nothing was judged, and a
    /// recorder decides what that is (the analysis makes it INCONCLUSIVE) before it records.
    /// </summary>
    private static void RefuseNoOutcome(Verdict verdict, string owner)
    {
        if (!verdict.IsOutcome())
        {
            string name = verdict == Verdict.NotSet ? verdict.ToWireName() : ((int)verdict).ToString(CultureInfo.InvariantCulture);
            throw new ArgumentException(
                $"the verdict of {owner} is {name}: the results store keeps only PASS, INCONCLUSIVE, FAIL, ABORTED or ERROR");
        }
    }

    /// <summary>PostgreSQL text cannot hold U+0000; both databases refuse it so that they keep the same results.</summary>
    private static void RefuseNul(string? text, string owner)
    {
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"a text of {owner} contains U+0000, which the results store does not keep");
        }
    }

    private static (string Where, DynamicParameters Parameters) Where(ExecutionFilter filter)
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        void Add(string? value, string name, string condition)
        {
            if (value is not null)
            {
                where.Append(" AND ").Append(condition);
                parameters.Add(name, value);
            }
        }

        Add(filter.RunId, "FilterRun", "e.run_id = @FilterRun");
        Add(filter.CampaignId, "FilterCampaign", "r.campaign_id = @FilterCampaign");
        Add(filter.Band, "FilterBand", "e.band = @FilterBand");
        Add(filter.OperatorProfile, "FilterOperator", "e.operator_profile = @FilterOperator");
        Add(filter.CaseId, "FilterCase", "e.case_id = @FilterCase");
        Add(filter.Verdict?.ToWireName(), "FilterVerdict", "e.verdict = @FilterVerdict");
        Add(filter.Product, "FilterProduct", """
            EXISTS (SELECT 1 FROM execution_product fp WHERE fp.run_id = e.run_id AND fp.execution_id = e.execution_id
                    AND fp.product_id = @FilterProduct)
            """);
        Add(Pair(filter.ODu), "FilterODu", "e.o_du = @FilterODu");
        Add(Pair(filter.ORu), "FilterORu", "e.o_ru = @FilterORu");
        Add(Pair(filter.OCu), "FilterOCu", "e.o_cu = @FilterOCu");
        if (filter.LatestOnly)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM latest_result il WHERE il.run_id = e.run_id AND il.execution_id = e.execution_id)");
        }

        if (filter.LatestPerVersions)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM latest_version_result iv WHERE iv.run_id = e.run_id AND iv.execution_id = e.execution_id)");
        }

        if (filter.ExcludeLatest)
        {
            where.Append(" AND NOT EXISTS (SELECT 1 FROM latest_result xl WHERE xl.run_id = e.run_id AND xl.execution_id = e.execution_id)");
        }

        if (filter is { Limit: not null, Before: { } before })
        {
            where.Append("""
                 AND (r.started_at < @BeforeStarted OR (r.started_at = @BeforeStarted AND (e.run_id < @BeforeRun
                      OR (e.run_id = @BeforeRun AND e.execution_id < @BeforeExecution))))
                """);
            parameters.Add("BeforeStarted", TimeText(before.RunStartedAt));
            parameters.Add("BeforeRun", before.RunId);
            parameters.Add("BeforeExecution", before.ExecutionId);
        }

        Add(filter.Vendor, "FilterVendor", """
            EXISTS (SELECT 1 FROM execution_product fv WHERE fv.run_id = e.run_id AND fv.execution_id = e.execution_id
                    AND fv.vendor = @FilterVendor)
            """);
        return (where.ToString(), parameters);
    }

    /// <summary>
    /// Whether the latest-result table the filter names (<c>latest_result</c>, <c>latest_version_result</c>) can pick its
    /// results alone, named <c>e</c>: it has the run, execution, band and operator profile columns (<c>latest_result</c>
    /// the pair columns too) that the conditions of <see cref="Where"/> name, and the product and vendor conditions join by
    /// run and execution. A matrix or a comparison then reads the executions and their parts once instead of joining
    /// them twice (a million-result store's full matrix on PostgreSQL: 44 → 35 ms for the executions, 30 → 17 ms for
    /// their products; the products of an O-DU's latest results per set of versions: 1.1 s → 0.3 s).
    /// </summary>
    private static bool LatestTableHoldsTheFilter(ExecutionFilter filter) =>
        filter is { CampaignId: null, CaseId: null, Verdict: null, ExcludeLatest: false }
        && (filter.LatestOnly || filter is { LatestPerVersions: true, ODu: null, ORu: null, OCu: null });

    /// <summary>The column value of a pair filter: '' for <see cref="ExecutionFilter.NoProduct"/> (no product in that role).</summary>
    private static string? Pair(string? product) => product == ExecutionFilter.NoProduct ? "" : product;

    private async Task<RunRow?> GetRunRowAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            $"SELECT {RunColumns} FROM run r JOIN campaign c ON c.campaign_id = r.campaign_id WHERE r.run_id = @RunId",
            new { RunId = runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static RunInfo ToRun(RunRow row) => new(row.RunId, row.CampaignId, row.PlanHash, ParseTime(row.StartedAt))
    {
        CampaignDescription = row.CampaignDescription,
        Origin = row.Origin,
        FinishedAt = row.FinishedAt is null ? null : ParseTime(row.FinishedAt),
        Aborted = row.Aborted != 0,
    };

    private async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object parameters,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    private static async Task<List<T>> Query<T>(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)];

    /// <summary>
    /// A <c>picked</c> common table expression naming <paramref name="keys"/> (a page's executions) by value, with its
    /// parameters: what the page's reads join, so they cost the page, not the store. The keys travel as two parameters
    /// (PostgreSQL text arrays, SQLite one JSON array), not two per key: Microsoft.Data.Sqlite binds each named parameter
    /// by a search of the command's parameters, so a thousand keys' 2,000 parameters cost ~150 ms a query there.
    /// </summary>
    private (string Cte, DynamicParameters Parameters) Picked(IReadOnlyList<(string RunId, string ExecutionId)> keys)
    {
        var parameters = new DynamicParameters();
        if (Kind == DatabaseKind.Sqlite)
        {
            parameters.Add("PickedKeys", JsonSerializer.Serialize(keys.Select(k => new[] { k.RunId, k.ExecutionId })));
            return ("""
                WITH picked (run_id, execution_id) AS (
                    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@PickedKeys))
                """, parameters);
        }

        parameters.Add("PickedRuns", keys.Select(k => k.RunId).ToArray());
        parameters.Add("PickedExecutions", keys.Select(k => k.ExecutionId).ToArray());
        return ("WITH picked (run_id, execution_id) AS (SELECT * FROM unnest(@PickedRuns::text[], @PickedExecutions::text[]))", parameters);
    }

    private static async Task<List<T>> Query<T>(DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)];

    /// <summary>
    /// A read-only transaction whose reads all see one state of the store: PostgreSQL's REPEATABLE READ (one snapshot for
    /// the transaction), SQLite's deferred BEGIN (the WAL snapshot of its first read, kept to the end; no write lock).
    /// </summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    private static Dictionary<(string, string), List<T>> Group<T>(List<T> rows, Func<T, (string, string)> key,
        Func<T, long>? position = null) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => position is null ? g.ToList() : [.. g.OrderBy(position)]);

    private static int RoleOrder(string role) => ExecutionSubject.Roles.IndexOf(role) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>ISO 8601 UTC with 7 fraction digits: fixed width, so text order is time order.</summary>
    internal static string TimeText(DateTimeOffset time) =>
        ResultFingerprint.Time(time).UtcDateTime.ToString(TimeTextFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeTextFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time // what TimeText wrote (every time the store writes), without the general parser's guessing
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private const string TimeTextFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
