using System.Security.Claims;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Auth;

/// <summary>The authenticated account of a request: its name, role and, for a vendor, the lab vendor id that scopes
/// everything it reads and uploads.</summary>
internal sealed record Caller(string Name, string Role, string? VendorId)
{
    public bool IsVendor => VendorId is not null;

    public static Caller Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string name = user.Identity?.Name ?? throw new InvalidOperationException("an unauthenticated request reached an endpoint");
        string role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        return new Caller(name, role, role == AccessPolicies.VendorRole ? user.FindFirstValue(AccessPolicies.VendorClaim) ?? "" : null);
    }

    /// <summary><paramref name="filter"/> narrowed to what this caller may see (a vendor: executions with one of its products).</summary>
    public ExecutionFilter Scope(ExecutionFilter filter) => VendorId is null ? filter : filter with { Vendor = VendorId };
}
