using System.Collections.Immutable;
using Dapper;
using OranTestbed.Results.Audit;

namespace OranTestbed.Results.Store;

// The audit log (table audit_event, V007): who uploaded and who read what.
public sealed partial class ResultsStore
{
    /// <summary>Appends an event stamped now (committed when this returns; a failure throws, it is never swallowed here).</summary>
    public async Task<AuditEvent> RecordAuditAsync(string? account, string action, string target, int outcome,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(target);
        RefuseNul(account, "audit event");
        RefuseNul(target, "audit event");
        var entry = new AuditEvent(Guid.CreateVersion7(Options.Clock.GetUtcNow()).ToString("D"), Now(), account, action, target, outcome);
        await _auditWriter.Value.AddAsync(entry).WaitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>Events recorded at the same time go in one transaction (<see cref="GroupCommit{T}"/>).</summary>
    private async Task CommitAuditAsync(IReadOnlyList<AuditEvent> entries)
    {
        await using var connection = await ConnectAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var insert = new StatementBatch();
        insert.Insert("audit_event", ["id", "at", "account", "action", "target", "outcome"],
            [.. entries.Select(e => new object?[] { e.Id, TimeText(e.At), e.Account, e.Action, e.Target, (long)e.Outcome })]);
        foreach (var (sql, parameters) in insert.Commands())
        {
            await Execute(connection, transaction, sql, parameters, CancellationToken.None).ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the events recorded before <paramref name="before"/> (a retention's end), oldest first, in transactions of
    /// <paramref name="batch"/> events so that recording new ones never waits long behind it; the number deleted.
    /// </summary>
    public async Task<long> PruneAuditAsync(DateTimeOffset before, int batch = 5_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        long removed = 0;
        while (true)
        {
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            int deleted = await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE at < @Before ORDER BY at, id LIMIT @Batch)
                """, new { Before = TimeText(before), Batch = (long)batch }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            removed += deleted;
            if (deleted < batch)
            {
                return removed;
            }
        }
    }

    /// <summary>A page of the audit log, newest first (see <see cref="AuditQuery"/>).</summary>
    public async Task<ImmutableArray<AuditEvent>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var where = new List<string>();
        if (query.Account is not null)
        {
            where.Add("account = @Account");
        }

        if (query.Action is not null)
        {
            where.Add("action = @Action");
        }

        if (query.Before is not null)
        {
            // Fixed-width UTC text (TimeText): text order is time order; the id breaks ties within one instant.
            where.Add("(at < @BeforeAt OR (at = @BeforeAt AND id < @BeforeId))");
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition($"""
            SELECT id AS Id, at AS At, account AS Account, action AS Action, target AS Target, outcome AS Outcome
            FROM audit_event {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY at DESC, id DESC LIMIT @Limit
            """, new
        {
            query.Account, query.Action, query.Limit,
            BeforeAt = query.Before is { } b ? TimeText(b.At) : null, BeforeId = query.Before?.Id,
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new AuditEvent(r.Id, ParseTime(r.At), r.Account, r.Action, r.Target, (int)r.Outcome))];
    }
}
