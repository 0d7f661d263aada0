using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;
using OranTestbed.Server.Dashboard;

namespace OranTestbed.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c> (or, for a browser's GET, the dashboard's login cookie holding it): the token's SHA-256 is looked up among the active accounts (see
/// <see cref="AccountTokens"/>). The token itself is never logged nor echoed: failure messages name no token. A missing
/// or unknown token gets 401 with <c>WWW-Authenticate: Bearer</c> (an expired token, or one a rotation retired, is told so), a known account without the role 403; both as RFC 7807
/// problem+json.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ResultsStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        string? token;
        if (string.IsNullOrEmpty(header))
        {
            // A browser: the dashboard's login cookie carries the same token (GET/HEAD only, see DashboardCookie).
            token = DashboardCookie.TokenOf(Request);
            if (token is null)
            {
                return AuthenticateResult.NoResult();
            }
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header is not a Bearer token");
        }
        else
        {
            token = header["Bearer ".Length..].Trim();
        }

        var check = await store.CheckTokenAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (check is not { State: TokenState.Valid, Account: { } account })
        {
            return AuthenticateResult.Fail(Why(check));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, account.Name), new(ClaimTypes.Role, account.Role.ToName()) };
        if (account.VendorId is { } vendor)
        {
            claims.Add(new Claim(AccessPolicies.VendorClaim, vendor));
        }

        if (check.EndsAt is { } ends)
        {
            // The dashboard warns before the token stops working; a rotation's grace ends before the account's expiry.
            claims.Add(new Claim(ends == account.TokenExpiresAt ? AccessPolicies.TokenExpiresClaim : AccessPolicies.TokenRetiresClaim,
                ends.ToString("O", CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Why a token does not work. Expiry and the end of a rotation's grace are said (only the holder of a real
    /// token can learn them); anything else is one message, so a guess learns nothing.</summary>
    internal static string Why(TokenCheck check) => check.State switch
    {
        TokenState.Expired => string.Create(CultureInfo.InvariantCulture,
            $"the token expired at {check.EndsAt:yyyy-MM-dd HH:mm:ss} UTC (an admin rotates it: oran-testbed accounts rotate)"),
        TokenState.Retired => string.Create(CultureInfo.InvariantCulture,
            $"the token was replaced by a rotation and its grace ended at {check.EndsAt:yyyy-MM-dd HH:mm:ss} UTC; use the new token"),
        _ => "unknown or revoked token",
    };

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"oran-testbed\"";
        var failure = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        string detail = string.IsNullOrEmpty(Request.Headers.Authorization)
            ? "this endpoint needs an API token: send 'Authorization: Bearer TOKEN' (oran-testbed accounts add prints one)"
            : "the API token is not valid: " + (failure.Failure?.Message ?? "unknown or revoked token");
        await ApiProblems.WriteAsync(Context, ApiProblems.Unauthorized(detail)).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Context.User.Identity?.IsAuthenticated == true ? Caller.Of(Context.User) : null;
        await ApiProblems.WriteAsync(Context, ApiProblems.Forbidden(
            $"the account '{caller?.Name}' (role {caller?.Role}) may not {Request.Method} {Request.Path}")).ConfigureAwait(false);
    }
}
