using Dapper;
using OranTestbed.Results.Accounts;

namespace OranTestbed.Results.Store;

// Token rotation and the expiry of tokens made before V007 (table account_token).
public sealed partial class ResultsStore
{
    /// <summary>The longest grace a rotation gives the old token: long enough to redeploy a lab's agents, short enough
    /// that a rotation after a leak is not undone by a careless value.</summary>
    public static readonly TimeSpan LongestGrace = TimeSpan.FromDays(30);

    /// <summary>
    /// Issues <paramref name="name"/> a new token (returned, the only time it exists outside the caller) working for
    /// <paramref name="lifetime"/>; the account's earlier tokens keep working for <paramref name="grace"/> (zero: they stop
    /// now), never longer than they would have anyway (their expiry and any earlier, shorter grace stand). Null when no
    /// active account has that name.
    /// </summary>
    public async Task<(Account Account, string Token)?> RotateTokenAsync(string name, TimeSpan grace, TokenLifetime lifetime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grace, LongestGrace);
        var now = Now();
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM account a WHERE a.name = @Name AND a.revoked_at IS NULL",
            new { Name = name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        // Times are stored as fixed-width UTC text (TimeText), so text order is time order on both databases.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE account_token SET retires_at = @RetiresAt
            WHERE account = @Name AND (retires_at IS NULL OR retires_at > @RetiresAt)
            """, new { Name = name, RetiresAt = TimeText(now + grace) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        string token = AccountTokens.NewToken();
        var expiresAt = await InsertTokenAsync(connection, transaction, name, token, now, lifetime, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (ToAccount(row) with { TokenExpiresAt = expiresAt }, token);
    }

    /// <summary>Gives the tokens V007 carried over from before it (expiry_pending) the default lifetime from now: the
    /// first open after the upgrade. Idempotent and safe when several processes open the store at once.</summary>
    private async Task SettlePendingExpiriesAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        // Look first: a store opened read-only (a CLI reading a shared file) must not need a write.
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM account_token WHERE expiry_pending = 1", cancellationToken: cancellationToken)).ConfigureAwait(false) == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE account_token SET expires_at = @ExpiresAt, expiry_pending = 0 WHERE expiry_pending = 1",
            new { ExpiresAt = TimeText(TokenLifetime.Default.ExpiresAt(now)!.Value) }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }
}
