using System.Collections.Immutable;
using System.Data.Common;
using Dapper;
using OranTestbed.Results.Accounts;

namespace OranTestbed.Results.Store;

// The results server's accounts (table account, V002) and their tokens (account_token, V007). Tokens are never
// stored, only their hash.
public sealed partial class ResultsStore
{
    private const string AccountColumns =
        "a.name AS Name, a.role AS Role, a.vendor_id AS VendorId, a.created_at AS CreatedAt, a.revoked_at AS RevokedAt";

    // The expiry of the account's current token (the newest one no rotation has retired).
    private const string CurrentExpiry = """
        (SELECT t.expires_at FROM account_token t WHERE t.account = a.name AND t.retires_at IS NULL
         ORDER BY t.issued_at DESC LIMIT 1) AS TokenExpiresAt
        """;

    /// <summary>Creates an account whose token works for <see cref="TokenLifetime.Default"/>.</summary>
    public Task<(Account Account, string Token)> CreateAccountAsync(string name, AccountRole role, string? vendorId,
        CancellationToken cancellationToken = default) =>
        CreateAccountAsync(name, role, vendorId, TokenLifetime.Default, cancellationToken);

    /// <summary>Creates an account and returns it with its token: the only time the token exists outside the caller.
    /// Throws <see cref="InvalidOperationException"/> when the name is taken (also by a revoked account).</summary>
    public async Task<(Account Account, string Token)> CreateAccountAsync(string name, AccountRole role, string? vendorId,
        TokenLifetime lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(lifetime);
        RefuseNul(name, "account");
        RefuseNul(vendorId, "account " + name);
        if ((role == AccountRole.Vendor) != (vendorId is not null))
        {
            throw new ArgumentException(role == AccountRole.Vendor
                ? "a vendor account needs the vendor id it speaks for"
                : "only a vendor account is bound to a vendor id");
        }

        string token = AccountTokens.NewToken();
        var now = Now();
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account (name, role, vendor_id, token_hash, created_at) VALUES (@Name, @Role, @VendorId, @TokenHash, @CreatedAt)
            ON CONFLICT DO NOTHING
            """, new { Name = name, Role = role.ToName(), VendorId = vendorId, TokenHash = AccountTokens.Hash(token), CreatedAt = TimeText(now) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 0)
        {
            throw new InvalidOperationException($"an account named '{name}' exists already (revoked accounts keep their name)");
        }

        var expiresAt = await InsertTokenAsync(connection, transaction, name, token, now, lifetime, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (new Account(name, role, vendorId, now, null) { TokenExpiresAt = expiresAt }, token);
    }

    /// <summary>The active account holding <paramref name="token"/> while the token works, or null (unknown, revoked,
    /// expired, retired or malformed token).</summary>
    public async Task<Account?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        await CheckTokenAsync(token, cancellationToken).ConfigureAwait(false) is { State: TokenState.Valid, Account: { } account }
            ? account
            : null;

    /// <summary>Whether <paramref name="token"/> works now, and if not whether it expired or was rotated out (said only
    /// for a token some active account really holds).</summary>
    public async Task<TokenCheck> CheckTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!AccountTokens.LooksLikeToken(token))
        {
            return TokenCheck.Unknown;
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition($"""
            SELECT {AccountColumns}, t.expires_at AS ExpiresAt, t.retires_at AS RetiresAt
            FROM account_token t JOIN account a ON a.name = t.account
            WHERE t.token_hash = @Hash AND a.revoked_at IS NULL
            """, new { Hash = AccountTokens.Hash(token) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return TokenCheck.Unknown;
        }

        var now = Now();
        DateTimeOffset? expires = row.ExpiresAt is null ? null : ParseTime(row.ExpiresAt);
        DateTimeOffset? retires = row.RetiresAt is null ? null : ParseTime(row.RetiresAt);
        var account = ToAccount(row) with { TokenExpiresAt = expires };
        return (expires, retires) switch
        {
            (_, { } r) when now >= r && (expires is null || r <= expires) => new TokenCheck(TokenState.Retired, account, r),
            ({ } e, _) when now >= e => new TokenCheck(TokenState.Expired, account, e),
            _ => new TokenCheck(TokenState.Valid, account, retires is { } r && (expires is null || r < expires) ? r : expires),
        };
    }

    public async Task<ImmutableArray<Account>> ListAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns}, {CurrentExpiry} FROM account a ORDER BY a.name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToAccount)];
    }

    /// <summary>Revokes an account's tokens (the row stays); false when no active account has that name.</summary>
    public async Task<bool> RevokeAccountAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE account SET revoked_at = @Now WHERE name = @Name AND revoked_at IS NULL",
            new { Name = name, Now = TimeText(Now()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0;
    }

    private static async Task<DateTimeOffset?> InsertTokenAsync(DbConnection connection, DbTransaction transaction, string account,
        string token, DateTimeOffset now, TokenLifetime lifetime, CancellationToken cancellationToken)
    {
        var expiresAt = lifetime.ExpiresAt(now);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_token (token_hash, account, issued_at, expires_at) VALUES (@Hash, @Account, @IssuedAt, @ExpiresAt)
            """, new { Hash = AccountTokens.Hash(token), Account = account, IssuedAt = TimeText(now), ExpiresAt = expiresAt is { } e ? TimeText(e) : null },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return expiresAt is { } x ? ParseTime(TimeText(x)) : null;
    }

    private DateTimeOffset Now() => ParseTime(TimeText(Options.Clock.GetUtcNow()));

    private static Account ToAccount(AccountRow row) =>
        new(row.Name, AccountRoles.TryParse(row.Role, out var role) ? role : throw new FormatException($"unknown role '{row.Role}'"),
            row.VendorId, ParseTime(row.CreatedAt), row.RevokedAt is null ? null : ParseTime(row.RevokedAt))
        {
            TokenExpiresAt = row.TokenExpiresAt is null ? null : ParseTime(row.TokenExpiresAt),
        };
}
