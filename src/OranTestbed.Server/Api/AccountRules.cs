using OranTestbed.Plans;
using OranTestbed.Results.Accounts;

namespace OranTestbed.Server.Api;

/// <summary>What a new account must be (shared by <c>POST /api/v1/accounts</c> and <c>oran-testbed accounts add</c>).</summary>
public static class AccountRules
{
    /// <summary>Checks a new account's name, role and vendor (a vendor id of the lab plan, loaded only when needed);
    /// throws <see cref="ApiProblemException"/> (422) saying what is wrong.</summary>
    public static (AccountRole Role, string? Vendor) Validate(string name, string roleName, string? vendor, Func<TestPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            throw ApiProblems.Unprocessable("bad-account", "an account name is 1..100 printable characters");
        }

        if (!AccountRoles.TryParse(roleName, out var role))
        {
            throw ApiProblems.Unprocessable("bad-account", $"role '{roleName}' is not one of {string.Join(", ", AccountRoles.Names)}");
        }

        if (role == AccountRole.Vendor && (vendor is null || plan().Lab.FindVendor(vendor) is null))
        {
            throw ApiProblems.Unprocessable("bad-account",
                $"a vendor account needs a vendor id of the lab ({string.Join(", ", plan().Lab.Vendors.Select(v => v.Id))}); got '{vendor}'");
        }

        if (role != AccountRole.Vendor && vendor is not null)
        {
            throw ApiProblems.Unprocessable("bad-account", "only a vendor account is bound to a vendor");
        }

        return (role, vendor);
    }
}
