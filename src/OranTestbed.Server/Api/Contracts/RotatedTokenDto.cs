namespace OranTestbed.Server.Api.Contracts;

/// <summary>A rotation's answer: the account, its new token (shown this once, stored only as a hash) and when the old
/// token stops working.</summary>
public sealed record RotatedTokenDto(AccountDto Account, string Token, DateTimeOffset OldTokenRetiresAt);
