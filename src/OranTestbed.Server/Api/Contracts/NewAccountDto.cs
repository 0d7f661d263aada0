namespace OranTestbed.Server.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/accounts</c>: a name, a role (integrator, vendor, operator, admin) and, for a
/// vendor, the lab vendor id.</summary>
public sealed record NewAccountDto(string Name, string Role, string? Vendor);
