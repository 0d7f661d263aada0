using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Accounts;
using OranTestbed.Results.Store;
using OranTestbed.Server.Audit;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /login</c> (a form where people paste their API token), <c>POST /login</c> (checks the token, sets
/// <see cref="DashboardCookie"/>, returns to the page asked for when it is local) and <c>POST /logout</c>.
/// CSRF: both POSTs change only the browser's own session, and both refuse a request whose <c>Origin</c> (or, without
/// it, <c>Sec-Fetch-Site</c>) shows another site's page sent it, so nobody can log a victim into the attacker's account
/// or out of theirs; the cookie itself is SameSite=Strict and authenticates GET/HEAD only. Without either header
/// (curl, scripts) the request is not a browser's and cannot carry a victim's cookie anyway. No antiforgery token
/// is needed, so the pages stay free of state and script.
/// </summary>
internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(DashboardPaths.Login, (HttpContext context) =>
            Form(context, MatrixFilter.Value(context.Request, "return"), null, StatusCodes.Status200OK)).ExcludeFromDescription();
        routes.MapPost(DashboardPaths.Login, LoginAsync).ExcludeFromDescription().DisableAntiforgery();
        routes.MapPost(DashboardPaths.Logout, Logout).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> LoginAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        if (!FromThisSite(context.Request))
        {
            return Form(context, null, "refused: this form was sent from another site", StatusCodes.Status403Forbidden);
        }

        if (!context.Request.HasFormContentType)
        {
            return Form(context, null, "send the login form", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string token = form["token"].ToString().Trim();
        string? back = form["return"].ToString();
        var check = token.Length == 0 ? TokenCheck.Unknown : await store.CheckTokenAsync(token, context.RequestAborted).ConfigureAwait(false);
        context.Items[AuditTrail.AccountItem] = check.Account?.Name;
        if (check.State != TokenState.Valid)
        {
            return Form(context, back, TokenAuthenticationHandler.Why(check), StatusCodes.Status401Unauthorized);
        }

        DashboardCookie.Set(context, token);
        return TypedResults.Redirect(DashboardPaths.IsLocal(back) ? back! : DashboardPaths.Matrix);
    }

    private static IResult Logout(HttpContext context)
    {
        if (!FromThisSite(context.Request))
        {
            return Form(context, null, "refused: this form was sent from another site", StatusCodes.Status403Forbidden);
        }

        DashboardCookie.Clear(context);
        return TypedResults.Redirect(DashboardPaths.Login);
    }

    /// <summary>Whether a browser says the request comes from a page of this server (Origin equals scheme://host, or
    /// Sec-Fetch-Site is same-origin / none); true when it says nothing (not a browser).</summary>
    internal static bool FromThisSite(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        string? site = request.Headers["Sec-Fetch-Site"];
        if (!string.IsNullOrEmpty(origin) && origin != "null")
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        }

        // "Origin: null" (a privacy-sensitive context, e.g. under a no-referrer policy) proves nothing: then the browser's
        // Sec-Fetch-Site must say same-origin.
        return origin == "null" ? site is "same-origin" : string.IsNullOrEmpty(site) || site is "same-origin" or "none";
    }

    private static IResult Form(HttpContext context, string? back, string? message, int status)
    {
        return DashboardPage.Render(context, "Sign in", html =>
        {
            if (message is not null)
            {
                html.Append($"<p class=\"message\" id=\"login-error\">{message}</p>\n");
            }

            html.Append($"<form method=\"post\" action=\"{DashboardPaths.Login}\">\n")
                .Append($"<p><label>API token <input type=\"password\" name=\"token\" id=\"token\" autocomplete=\"off\" size=\"60\" required></label></p>\n")
                .Append($"<input type=\"hidden\" name=\"return\" value=\"{(DashboardPaths.IsLocal(back) ? back : DashboardPaths.Matrix)}\">\n")
                .Append($"<p><button type=\"submit\" id=\"sign-in\">Sign in</button></p>\n</form>\n")
                .Append($"<p>The token is the one <code>oran-testbed accounts add</code> printed. It is kept in a cookie that scripts cannot read, for this browser session.</p>\n");
        }, status);
    }
}
