namespace OranTestbed.Server.Api.Contracts;

/// <summary>The optional body of <c>POST /api/v1/accounts/{name}/rotate</c>: how long the old token keeps working
/// (<c>grace</c>, e.g. <c>24h</c>, <c>0s</c>; absent: 24h) and the new token's lifetime (<c>expires</c>; absent: 365d).</summary>
public sealed record RotateTokenDto(string? Grace = null, string? Expires = null);
