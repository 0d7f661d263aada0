using OranTestbed.Plans;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;

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

    /// <summary>A token lifetime of the text form <c>90d</c>/<c>24h</c>/<c>never</c> (absent: the default, 365 days).
    /// Only an admin may choose <c>never</c> or more than the default (an account rotating its own token may not lengthen
    /// its life); throws <see cref="ApiProblemException"/> (422) saying what is wrong.</summary>
    public static TokenLifetime Lifetime(string? text, bool byAdmin)
    {
        if (text is null)
        {
            return TokenLifetime.Default;
        }

        if (!TokenLifetime.TryParse(text, out var lifetime))
        {
            throw ApiProblems.Unprocessable("bad-account", $"expires '{text}' is not 'never' or a duration like 90d, 24h, 30m (at most 3650d)");
        }

        if (!byAdmin && (!lifetime.Expires || lifetime.Duration > TokenLifetime.Default.Duration))
        {
            throw ApiProblems.Forbidden($"only an admin may give a token more than {TokenLifetime.Default} or no expiry");
        }

        return lifetime;
    }

    /// <summary>A rotation's grace of the text form <c>24h</c>, <c>0s</c> (absent: 24 hours, time to redeploy a lab's
    /// agents), at most 30 days.</summary>
    public static TimeSpan Grace(string? text)
    {
        if (text is null)
        {
            return DefaultGrace;
        }

        return TokenLifetime.TryParseDuration(text, out var grace) && grace <= ResultsStore.LongestGrace
            ? grace
            : throw ApiProblems.Unprocessable("bad-account", $"grace '{text}' is not a duration like 24h, 30m, 0s of at most 30d");
    }

    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);
}
