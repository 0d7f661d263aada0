namespace OranTestbed.Server.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/accounts</c>: a name, a role (integrator, vendor, operator, admin) and, for a
/// vendor, the lab vendor id; <c>expires</c>: the token's lifetime (<c>90d</c>, <c>24h</c>, or <c>never</c>; absent: 365d).</summary>
public sealed record NewAccountDto(string Name, string Role, string? Vendor, string? Expires = null);
