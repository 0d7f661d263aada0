using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.Runs;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Orchestration.Results;

/// <summary>
/// The results of one run as a SQLite file (<c>runs/RUN-ID/results.db</c>) until the results store of [RESULTS]
/// takes over: one row per execution with what was tested (band, operator profile, IOT profile, products, case) and its
/// durable outcome, written as each result is journaled (a resume fills in the rest). Parameterised statements only.
/// </summary>
public sealed class RunResultsStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS run (
            run_id TEXT PRIMARY KEY, campaign TEXT NOT NULL, plan_hash TEXT NOT NULL, executions INTEGER NOT NULL,
            aborted INTEGER, closed_at TEXT);
        CREATE TABLE IF NOT EXISTS execution (
            execution_id TEXT PRIMARY KEY, band TEXT NOT NULL, operator_profile TEXT NOT NULL, iot_profile TEXT NOT NULL,
            o_du TEXT NOT NULL, o_ru TEXT NOT NULL, o_cu TEXT, case_id TEXT NOT NULL, repetition INTEGER NOT NULL,
            verdict TEXT, attempts INTEGER, flaky INTEGER, bench TEXT, duration_ms INTEGER, evidence TEXT, reasons TEXT);
        """;

    private readonly SqliteConnection _connection;
    private readonly FrozenDictionary<string, Execution> _executions;

    private RunResultsStore(SqliteConnection connection, FrozenDictionary<string, Execution> executions)
    {
        _connection = connection;
        _executions = executions;
    }

    /// <summary>Opens (creating) the file and registers the run and its planned executions.</summary>
    public static RunResultsStore Open(string file, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        var store = new RunResultsStore(connection, request.Executions.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal));
        store.Execute(Schema);
        using var transaction = connection.BeginTransaction();
        store.Execute("INSERT OR IGNORE INTO run (run_id, campaign, plan_hash, executions) VALUES ($1, $2, $3, $4)",
            request.RunId, request.Expansion.Campaign.Id, request.PlanHash, request.Executions.Length);
        foreach (var e in request.Executions)
        {
            store.Execute("""
                INSERT OR IGNORE INTO execution (execution_id, band, operator_profile, iot_profile, o_du, o_ru, o_cu, case_id, repetition)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, e.Id, e.Setup.Band.Id, e.Setup.Operator.Id, e.Setup.IotProfile.Name, e.Products.ODu.Id,
                e.Products.ORu.Id, e.Products.OCu?.Id, e.Case.Id, e.Repetition);
        }

        transaction.Commit();
        return store;
    }

    public void Record(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_executions.ContainsKey(record.ExecutionId))
        {
            return;
        }

        Execute("""
            UPDATE execution SET verdict = $2, attempts = $3, flaky = $4, bench = $5, duration_ms = $6, evidence = $7,
                reasons = $8 WHERE execution_id = $1
            """, record.ExecutionId, record.Verdict.ToWireName(), record.Attempts, record.Flaky ? 1 : 0, record.BenchId,
            (long)record.Duration.TotalMilliseconds, record.EvidenceFolder, string.Join("\n", record.Reasons));
    }

    public void Close(RunCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        Execute("UPDATE run SET aborted = $2, closed_at = $3 WHERE run_id = $1", completed.RunId, completed.Aborted ? 1 : 0,
            DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>Execution ids of a finished run whose verdict is not PASS (for <c>run --only-failed</c>).</summary>
    public static IReadOnlyList<string> NotPassed(string file)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT execution_id FROM execution WHERE verdict IS NULL OR verdict <> 'PASS' ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), parameters[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
