namespace OranTestbed.Results.Accounts;

/// <summary>Names of <see cref="AccountRole"/>s (<c>integrator</c>, <c>vendor</c>, <c>operator</c>, <c>admin</c>).</summary>
public static class AccountRoles
{
    public static readonly IReadOnlyList<string> Names = ["integrator", "vendor", "operator", "admin"];

    public static string ToName(this AccountRole role) => role switch
    {
        AccountRole.Integrator => "integrator",
        AccountRole.Vendor => "vendor",
        AccountRole.Operator => "operator",
        AccountRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static bool TryParse(string? name, out AccountRole role)
    {
        (bool known, role) = name switch
        {
            "integrator" => (true, AccountRole.Integrator),
            "vendor" => (true, AccountRole.Vendor),
            "operator" => (true, AccountRole.Operator),
            "admin" => (true, AccountRole.Admin),
            _ => (false, AccountRole.Operator),
        };
        return known;
    }
}
