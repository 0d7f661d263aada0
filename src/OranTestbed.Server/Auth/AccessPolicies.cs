namespace OranTestbed.Server.Auth;

/// <summary>
/// Authorization policies of the API: <see cref="Read"/> any valid account (vendors then see only their combinations,
/// see <see cref="Caller"/>), <see cref="Upload"/> integrators and vendors, <see cref="Admin"/> account management.
/// Operators only read.
/// </summary>
internal static class AccessPolicies
{
    public const string Read = "read";
    public const string Upload = "upload";
    public const string Admin = "admin";

    public const string IntegratorRole = "integrator";
    public const string VendorRole = "vendor";
    public const string AdminRole = "admin";

    /// <summary>The claim carrying a vendor account's lab vendor id.</summary>
    public const string VendorClaim = "oran-testbed/vendor";

    /// <summary>When the presented token expires (absent: never).</summary>
    public const string TokenExpiresClaim = "oran-testbed/token-expires";

    /// <summary>When the presented token, replaced by a rotation, stops working (the end of the grace).</summary>
    public const string TokenRetiresClaim = "oran-testbed/token-retires";
}
