using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Store;

// What the results server keeps beside the results (migration V003): the evidence checks. The upload journal and its
// verification queue are in ResultsStore.Verification.cs.
public sealed partial class ResultsStore
{
    /// <summary>Stores an evidence check; an execution keeps its first check (the evidence is immutable).</summary>
    public async Task RecordEvidenceCheckAsync(EvidenceCheck check, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertEvidenceCheckAsync(connection, transaction, check, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertEvidenceCheckAsync(DbConnection connection, DbTransaction transaction, EvidenceCheck check,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        RefuseNul(check.Reason, check.ExecutionId);
        RefuseNoOutcome(check.Claimed, $"the claim of execution {check.ExecutionId}");
        if (check.Analyzed is { } analyzed)
        {
            RefuseNoOutcome(analyzed, $"the evidence check of execution {check.ExecutionId}");
        }

        await Execute(connection, transaction, """
            INSERT INTO evidence_check (run_id, execution_id, status, claimed_verdict, analyzed_verdict, fronthaul_profile, captures,
                reason, checked_at)
            VALUES (@RunId, @ExecutionId, @Status, @Claimed, @Analyzed, @FronthaulProfile, @Captures, @Reason, @CheckedAt)
            ON CONFLICT DO NOTHING
            """, new
        {
            check.RunId, check.ExecutionId, Status = EvidenceCheck.StatusName(check.Status), Claimed = check.Claimed.ToWireName(),
            Analyzed = check.Analyzed?.ToWireName(), check.FronthaulProfile, Captures = string.Join(' ', check.Captures), check.Reason,
            CheckedAt = TimeText(check.CheckedAt),
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The evidence checks of <paramref name="executions"/> (a page of them: at most 10,000), by (run, execution).</summary>
    public async Task<ImmutableDictionary<(string RunId, string ExecutionId), EvidenceCheck>> ListEvidenceChecksAsync(
        IReadOnlyList<(string RunId, string ExecutionId)> executions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(executions.Count, 10_000);
        if (executions.Count == 0)
        {
            return ImmutableDictionary<(string, string), EvidenceCheck>.Empty;
        }

        var (picked, parameters) = Picked(executions);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return ToChecks(await Query<EvidenceCheckRow>(connection, $"""
            {picked}
            SELECT {EvidenceCheckColumns}
            FROM picked k {(Kind == DatabaseKind.Sqlite ? "CROSS JOIN" : "JOIN")} evidence_check c ON c.run_id = k.run_id AND c.execution_id = k.execution_id
            """, parameters, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The evidence checks of the executions matching <paramref name="filter"/>, by (run, execution).</summary>
    public async Task<ImmutableDictionary<(string RunId, string ExecutionId), EvidenceCheck>> ListEvidenceChecksAsync(
        ExecutionFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter ?? ExecutionFilter.All);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return ToChecks(await Query<EvidenceCheckRow>(connection, $"""
            SELECT {EvidenceCheckColumns}
            FROM evidence_check c JOIN execution e ON e.run_id = c.run_id AND e.execution_id = c.execution_id
            JOIN run r ON r.run_id = e.run_id WHERE {where}
            """, parameters, cancellationToken).ConfigureAwait(false));
    }

    private const string EvidenceCheckColumns = """
        c.run_id AS RunId, c.execution_id AS ExecutionId, c.status AS Status, c.claimed_verdict AS Claimed,
        c.analyzed_verdict AS Analyzed, c.fronthaul_profile AS FronthaulProfile, c.captures AS Captures, c.reason AS Reason,
        c.checked_at AS CheckedAt
        """;

    private static ImmutableDictionary<(string RunId, string ExecutionId), EvidenceCheck> ToChecks(IEnumerable<EvidenceCheckRow> rows) =>
        rows.ToImmutableDictionary(r => (r.RunId, r.ExecutionId), r => new EvidenceCheck(r.RunId, r.ExecutionId,
            EvidenceCheck.ParseStatus(r.Status), VerdictNames.Parse(r.Claimed), r.Analyzed is null ? null : VerdictNames.Parse(r.Analyzed),
            r.FronthaulProfile, [.. r.Captures.Split(' ', StringSplitOptions.RemoveEmptyEntries)], r.Reason, ParseTime(r.CheckedAt)));

    /// <summary>Whether an execution matching <paramref name="filter"/> cites the evidence file <paramref name="sha256"/>
    /// (how the server decides whether a vendor may download it).</summary>
    public async Task<bool> IsArtifactCitedAsync(string sha256, ExecutionFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter);
        parameters.Add("ArtifactSha", sha256);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var found = await Query<long>(connection, $"""
            SELECT 1 FROM execution_artifact x JOIN execution e ON e.run_id = x.run_id AND e.execution_id = x.execution_id
            JOIN run r ON r.run_id = e.run_id WHERE x.sha256 = @ArtifactSha AND {where} LIMIT 1
            """, parameters, cancellationToken).ConfigureAwait(false);
        return found.Count > 0;
    }
}
