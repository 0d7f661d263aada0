using System.Collections.Immutable;
using Dapper;
using OranTestbed.Results.Accounts;

namespace OranTestbed.Results.Store;

// The results server's accounts (table account, migration V002). Tokens are never stored, only their hash.
public sealed partial class ResultsStore
{
    private const string AccountColumns =
        "name AS Name, role AS Role, vendor_id AS VendorId, created_at AS CreatedAt, revoked_at AS RevokedAt";

    /// <summary>Creates an account and returns it with its token: the only time the token exists outside the caller.
    /// Throws <see cref="InvalidOperationException"/> when the name is taken (also by a revoked account).</summary>
    public async Task<(Account Account, string Token)> CreateAccountAsync(string name, AccountRole role, string? vendorId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RefuseNul(name, "account");
        RefuseNul(vendorId, "account " + name);
        if ((role == AccountRole.Vendor) != (vendorId is not null))
        {
            throw new ArgumentException(role == AccountRole.Vendor
                ? "a vendor account needs the vendor id it speaks for"
                : "only a vendor account is bound to a vendor id");
        }

        string token = AccountTokens.NewToken();
        var now = DateTimeOffset.UtcNow;
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        int inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account (name, role, vendor_id, token_hash, created_at) VALUES (@Name, @Role, @VendorId, @TokenHash, @CreatedAt)
            ON CONFLICT DO NOTHING
            """, new { Name = name, Role = role.ToName(), VendorId = vendorId, TokenHash = AccountTokens.Hash(token), CreatedAt = TimeText(now) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 0)
        {
            throw new InvalidOperationException($"an account named '{name}' exists already (revoked accounts keep their name)");
        }

        return (new Account(name, role, vendorId, ParseTime(TimeText(now)), null), token);
    }

    /// <summary>The active account holding <paramref name="token"/>, or null (unknown, revoked or malformed token).</summary>
    public async Task<Account?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!AccountTokens.LooksLikeToken(token))
        {
            return null;
        }

        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM account WHERE token_hash = @Hash AND revoked_at IS NULL",
            new { Hash = AccountTokens.Hash(token) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<ImmutableArray<Account>> ListAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM account ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(ToAccount)];
    }

    /// <summary>Revokes an account's token (the row stays); false when no active account has that name.</summary>
    public async Task<bool> RevokeAccountAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        int changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE account SET revoked_at = @Now WHERE name = @Name AND revoked_at IS NULL",
            new { Name = name, Now = TimeText(DateTimeOffset.UtcNow) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0;
    }

    private static Account ToAccount(AccountRow row) =>
        new(row.Name, AccountRoles.TryParse(row.Role, out var role) ? role : throw new FormatException($"unknown role '{row.Role}'"),
            row.VendorId, ParseTime(row.CreatedAt), row.RevokedAt is null ? null : ParseTime(row.RevokedAt));
}
