using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The frame of every dashboard page: title, navigation, who is signed in, the matrix colours of
/// <see cref="MatrixFormats.Style"/>, and headers that forbid any script or outside resource (Content-Security-Policy
/// without script-src: the pages have no JavaScript, so an injected one could not run either), framing and caching.
/// </summary>
internal static class DashboardPage
{
    private const string Style = """
        nav{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #d0d7de;padding-bottom:.5rem;margin-bottom:1rem}
        nav .who{margin-left:auto;color:#57606a}
        nav form{display:inline;margin:0}
        table.list{border-collapse:collapse;margin:.5rem 0 1.5rem}
        table.list th,table.list td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        table.list th{background:#f0f3f6}
        table.matrix td a{color:inherit;text-decoration:none;display:block}
        form.filters{display:flex;gap:.8rem;flex-wrap:wrap;align-items:end;margin-bottom:1rem}
        form.filters label{display:flex;flex-direction:column;font-size:.85rem}
        .verdict{font-weight:bold;padding:.1rem .4rem;border-radius:3px}
        .error,.aborted{background:#6e7781;color:#fff}
        .message{padding:.5rem .8rem;border-left:4px solid #cf222e;background:#fff5f5}
        ul.reasons{margin:0;padding-left:1.1rem}
        svg.histogram{background:#fafafa;border:1px solid #ddd;display:block;margin:.3rem 0 1rem}
        """;

    public static IResult Render(HttpContext context, string title, Action<HtmlBuilder> body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var html = new HtmlBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} · OranTestbed</title>\n")
            .Append($"<style>{new Markup(MatrixFormats.Style)}{new Markup(Style)}</style>\n</head>\n<body>\n");
        Navigation(html, context.User);
        TokenNotice(html, context);
        html.Append($"<h1>{title}</h1>\n");
        body(html);
        html.Append($"</body>\n</html>\n");
        Secure(context.Response);
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The CSS class of a verdict (PASS/FAIL/INCONCLUSIVE share the matrix colours).</summary>
    public static string VerdictClass(Verdict verdict) => verdict switch
    {
        Verdict.Pass => MatrixFormats.CssClass(MatrixState.Pass),
        Verdict.Fail => MatrixFormats.CssClass(MatrixState.Fail),
        Verdict.Inconclusive => MatrixFormats.CssClass(MatrixState.Inconclusive),
        Verdict.Aborted => "aborted",
        _ => "error",
    };

    public static Markup VerdictBadge(Verdict verdict)
    {
        var html = new HtmlBuilder();
        html.Append($"<span class=\"verdict {VerdictClass(verdict)}\">{verdict.ToWireName()}</span>");
        return new Markup(html.ToString());
    }

    private static void Navigation(HtmlBuilder html, ClaimsPrincipal user)
    {
        html.Append($"<nav><a href=\"{DashboardPaths.Matrix}\">Matrix</a><a href=\"{DashboardPaths.Runs}\">Runs</a>")
            .Append($"<a href=\"{DashboardPaths.Compare}\">Compare</a><a href=\"{DashboardPaths.Readiness}\">Readiness</a>");
        if (user.Identity?.IsAuthenticated == true)
        {
            var caller = Auth.Caller.Of(user);
            html.Append($"<span class=\"who\">{caller.Name} ({caller.Role}{(caller.IsVendor ? " " + caller.VendorId : "")})</span>")
                .Append($"<form method=\"post\" action=\"{DashboardPaths.Logout}\"><button type=\"submit\">Log out</button></form>");
        }

        html.Append($"</nav>\n");
    }

    /// <summary>How long before its token stops working the dashboard says so on every page.</summary>
    public static readonly TimeSpan TokenNoticeAhead = TimeSpan.FromDays(14);

    /// <summary>
    /// A notice on every page while the signed-in token has less than <see cref="TokenNoticeAhead"/> to live: expiring
    /// (rotate it before then: an admin with <c>accounts rotate</c>, or the account itself through the API) or replaced by
    /// a rotation (log in with the new token before the grace ends), so nobody learns it from a 401.
    /// </summary>
    private static void TokenNotice(HtmlBuilder html, HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        string? retires = context.User.FindFirstValue(Auth.AccessPolicies.TokenRetiresClaim);
        if ((retires ?? context.User.FindFirstValue(Auth.AccessPolicies.TokenExpiresClaim)) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ends))
        {
            return;
        }

        var left = ends - context.RequestServices.GetRequiredService<ResultsStore>().Options.Clock.GetUtcNow();
        if (left >= TokenNoticeAhead)
        {
            return;
        }

        string name = Auth.Caller.Of(context.User).Name;
        string when = string.Create(CultureInfo.InvariantCulture, $"{ends.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({Left(left)})");
        if (retires is not null)
        {
            html.Append($"<p class=\"message\" id=\"token-notice\">This token was replaced by a rotation and stops working on {when}: log in with the new token.</p>\n");
        }
        else
        {
            html.Append($"<p class=\"message\" id=\"token-notice\">This token expires on {when}: rotate it before then (an admin: <code>oran-testbed accounts rotate {name}</code>; the account itself: <code>POST /api/v1/accounts/{name}/rotate</code>).</p>\n");
        }
    }

    private static string Left(TimeSpan left) => left.TotalDays >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"in {(int)left.TotalDays} days")
        : left.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"in {(int)left.TotalHours} hours") : "within 2 hours";

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with forms, which the login's CSRF
        // check could not tell from a foreign page's.
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }
}
