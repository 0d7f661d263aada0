namespace OranTestbed.Results.Accounts;

/// <summary>An account of the results server (never its token: only the token's hash is stored, and not shown).</summary>
public sealed record Account(string Name, AccountRole Role, string? VendorId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>When the account's current token expires (null: never, an admin's explicit choice).</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }
}
