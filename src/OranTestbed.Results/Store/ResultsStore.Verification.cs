using Dapper;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Store;

// The results server's upload journal (migration V003) and its verification queue (V005): an upload is journaled and
// queued in one transaction, then a background worker claims, analyses and completes it.
public sealed partial class ResultsStore
{
    private const string UploadColumns = """
        q.upload_id AS UploadId, q.sha256 AS Sha256, q.account AS Account, a.vendor_id AS AccountVendor, q.status AS Status,
        u.summary AS Receipt, q.accepted_at AS AcceptedAt, q.started_at AS StartedAt, q.finished_at AS FinishedAt,
        q.attempts AS Attempts, q.reason AS Reason
        FROM verification_queue q JOIN upload u ON u.sha256 = q.sha256 AND u.account = q.account
        JOIN account a ON a.name = q.account
        """;

    /// <summary>
    /// Journals an accepted upload with its <paramref name="receipt"/> (JSON) and queues its verification, both in one
    /// transaction, so an upload is never answered as accepted without its place in the queue. The same content from the
    /// same account arriving twice at once is one upload: both callers get the first.
    /// </summary>
    public async Task<UploadVerification> AcceptUploadAsync(string sha256, string account, string receipt,
        CancellationToken cancellationToken = default)
    {
        RefuseNul(receipt, "the receipt of upload " + sha256);
        string now = TimeText(DateTimeOffset.UtcNow);
        await using (var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            int journaled = await Execute(connection, transaction, """
                INSERT INTO upload (sha256, account, received_at, summary) VALUES (@Sha256, @Account, @Now, @Receipt)
                ON CONFLICT DO NOTHING
                """, new { Sha256 = sha256, Account = account, Now = now, Receipt = receipt }, cancellationToken).ConfigureAwait(false);
            if (journaled == 1)
            {
                // Version 7: time-ordered, so ids sort roughly as they were accepted; random enough not to be guessed.
                await Execute(connection, transaction, """
                    INSERT INTO verification_queue (upload_id, sha256, account, status, accepted_at)
                    VALUES (@UploadId, @Sha256, @Account, @Status, @Now)
                    """, new
                {
                    UploadId = Guid.CreateVersion7().ToString("N"), Sha256 = sha256, Account = account,
                    Status = UploadVerification.StatusName(VerificationStatus.Accepted), Now = now,
                }, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FindUploadAsync(sha256, account, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"upload {sha256} of {account} was journaled but cannot be read back");
    }

    /// <summary>The upload of this content by this account (a repeat is answered with it), or null.</summary>
    public async Task<UploadVerification?> FindUploadAsync(string sha256, string account, CancellationToken cancellationToken = default) =>
        await QueryUploadAsync("q.sha256 = @Sha256 AND q.account = @Account", new { Sha256 = sha256, Account = account }, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The upload with this id, or null.</summary>
    public async Task<UploadVerification?> GetUploadAsync(string uploadId, CancellationToken cancellationToken = default) =>
        await QueryUploadAsync("q.upload_id = @UploadId", new { UploadId = uploadId }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Takes the upload accepted first that no worker holds and marks it analysing (one attempt more), or null when none
    /// waits. Safe with several workers and servers on one store: the status changes only if it is still accepted.
    /// </summary>
    public async Task<UploadVerification?> ClaimNextVerificationAsync(CancellationToken cancellationToken = default)
    {
        string accepted = UploadVerification.StatusName(VerificationStatus.Accepted);
        while (true)
        {
            string? id;
            int taken;
            await using (var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                id = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                    "SELECT upload_id FROM verification_queue WHERE status = @Accepted ORDER BY accepted_at, upload_id LIMIT 1",
                    new { Accepted = accepted }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (id is null)
                {
                    return null;
                }

                taken = await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE verification_queue SET status = @Analysing, started_at = @Now, attempts = attempts + 1
                    WHERE upload_id = @UploadId AND status = @Accepted
                    """, new
                {
                    UploadId = id, Accepted = accepted, Analysing = UploadVerification.StatusName(VerificationStatus.Analysing),
                    Now = TimeText(DateTimeOffset.UtcNow),
                }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            if (taken == 1)
            {
                return await GetUploadAsync(id, cancellationToken).ConfigureAwait(false);
            }

            // another worker took it between the two statements: look for the next one
        }
    }

    /// <summary>Puts every upload left analysing back in the queue (what a server does as it starts: a worker that held
    /// one died with the previous process). Returns how many.</summary>
    public async Task<int> RequeueInterruptedVerificationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE verification_queue SET status = @Accepted, started_at = NULL WHERE status = @Analysing",
            new
            {
                Accepted = UploadVerification.StatusName(VerificationStatus.Accepted),
                Analysing = UploadVerification.StatusName(VerificationStatus.Analysing),
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Hands an upload back to the queue unfinished (the server is stopping); the attempt does not count.</summary>
    public async Task ReleaseVerificationAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE verification_queue SET status = @Accepted, started_at = NULL, attempts = attempts - 1
            WHERE upload_id = @UploadId AND status = @Analysing
            """, new
        {
            UploadId = uploadId, Accepted = UploadVerification.StatusName(VerificationStatus.Accepted),
            Analysing = UploadVerification.StatusName(VerificationStatus.Analysing),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends an upload's verification: its new evidence <paramref name="checks"/> (an execution keeps its first check) and
    /// its final <paramref name="status"/> with the <paramref name="reason"/>, in one transaction.
    /// </summary>
    public async Task CompleteVerificationAsync(string uploadId, VerificationStatus status, string? reason,
        IReadOnlyList<EvidenceCheck> checks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (status is VerificationStatus.Accepted or VerificationStatus.Analysing)
        {
            throw new ArgumentException($"'{UploadVerification.StatusName(status)}' does not end a verification", nameof(status));
        }

        RefuseNul(reason, "the verification of upload " + uploadId);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var check in checks)
        {
            await InsertEvidenceCheckAsync(connection, transaction, check, cancellationToken).ConfigureAwait(false);
        }

        int updated = await Execute(connection, transaction,
            "UPDATE verification_queue SET status = @Status, finished_at = @Now, reason = @Reason WHERE upload_id = @UploadId",
            new { UploadId = uploadId, Status = UploadVerification.StatusName(status), Now = TimeText(DateTimeOffset.UtcNow), Reason = reason },
            cancellationToken).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"upload {uploadId} is not in the verification queue");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadVerification?> QueryUploadAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Query<UploadVerificationRow>(connection, $"SELECT {UploadColumns} WHERE {where}", parameters, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : ToUploadVerification(rows[0]);
    }

    private static UploadVerification ToUploadVerification(UploadVerificationRow r) =>
        new(r.UploadId, r.Sha256, r.Account, r.AccountVendor, UploadVerification.ParseStatus(r.Status), r.Receipt, ParseTime(r.AcceptedAt),
            r.StartedAt is null ? null : ParseTime(r.StartedAt), r.FinishedAt is null ? null : ParseTime(r.FinishedAt), (int)r.Attempts,
            r.Reason);
}
