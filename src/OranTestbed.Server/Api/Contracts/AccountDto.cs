using OranTestbed.Results.Accounts;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>An account (never its token): <c>tokenExpiresAt</c> is when its current token stops working (absent: never).</summary>
public sealed record AccountDto(string Name, string Role, string? Vendor, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? TokenExpiresAt)
{
    public static AccountDto Of(Account a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AccountDto(a.Name, a.Role.ToName(), a.VendorId, a.CreatedAt, a.RevokedAt, a.TokenExpiresAt);
    }
}
