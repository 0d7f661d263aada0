using Microsoft.AspNetCore.Http;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The browser's credential: the account's own API token, set by <c>POST /login</c> in a cookie that scripts cannot
/// read (HttpOnly), that no other site's page sends (SameSite=Strict), Secure over https, for the session only. The
/// token handler accepts it for GET and HEAD only: pages and evidence downloads are reads, and every state-changing
/// API call (uploads, accounts) still needs an explicit <c>Authorization: Bearer</c> header, so a cookie can never be
/// ridden to write anything (CSRF).
/// </summary>
internal static class DashboardCookie
{
    public const string Name = "oran-testbed-token";

    /// <summary>The token of a GET/HEAD request's cookie, else null.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        return request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;
    }

    public static void Set(HttpContext context, string token) =>
        context.Response.Cookies.Append(Name, token, Options(context));

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
