namespace OranTestbed.Server.Api.Contracts;

/// <summary>A new account with its token: shown this once, stored only as a hash.</summary>
public sealed record CreatedAccountDto(AccountDto Account, string Token);
