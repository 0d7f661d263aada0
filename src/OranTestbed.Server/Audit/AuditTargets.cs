using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Audit;
using OranTestbed.Server.Api;

namespace OranTestbed.Server.Audit;

/// <summary>Which audit action a request is (by its method and route, in this one place) and what it names: the
/// upload's status URL for an upload, else the path and query. Text shaped like a token is cut out of the target, so
/// a token pasted into a URL never reaches the audit table (a query parameter named like a credential is refused
/// before this, see RequestLogging).</summary>
internal static partial class AuditTargets
{
    private const int MaxTarget = 2000;

    /// <summary>The action of the request, or null when it is not audited (the OpenAPI document, unknown routes).</summary>
    public static string? ActionOf(HttpContext context)
    {
        string method = context.Request.Method;
        string? route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (route is null)
        {
            return null;
        }

        bool get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        bool post = HttpMethods.IsPost(method);
        string api = ApiPaths.Root;
        return route switch
        {
            _ when post && route == api + "/results" => AuditActions.Upload,
            _ when get && route == api + "/results/{run}" => AuditActions.Export,
            _ when get && route == api + "/uploads/{id}" => AuditActions.ReadUpload,
            _ when get && route == api + "/runs" => AuditActions.ReadRuns,
            _ when get && route == api + "/runs/{id}" => AuditActions.ReadRun,
            _ when get && route == api + "/executions" => AuditActions.ReadExecutions,
            _ when get && route == api + "/executions/{run}/{id}" => AuditActions.ReadExecution,
            _ when get && route == api + "/artifacts/{sha256}" => AuditActions.ArtifactDownload,
            _ when get && route == api + "/accounts" => AuditActions.ReadAccounts,
            _ when post && route == api + "/accounts" => AuditActions.AccountCreate,
            _ when post && route == api + "/accounts/{name}/rotate" => AuditActions.AccountRotate,
            _ when HttpMethods.IsDelete(method) && route == api + "/accounts/{name}" => AuditActions.AccountRevoke,
            _ when get && route == api + "/audit" => AuditActions.ReadAudit,
            _ when post && route == Dashboard.DashboardPaths.Login => AuditActions.Login,
            _ when get && route.StartsWith(api, StringComparison.Ordinal) => AuditActions.Read,
            _ when get && !route.StartsWith("/openapi", StringComparison.Ordinal) && route != Dashboard.DashboardPaths.Login
                => AuditActions.DashboardPage,
            _ => null,
        };
    }

    public static string TargetOf(HttpContext context, string action)
    {
        var request = context.Request;
        string target = action == AuditActions.Upload && context.Response.Headers.ContentLocation.ToString() is { Length: > 0 } href
            ? href
            : request.PathBase.Add(request.Path) + request.QueryString.ToString();
        target = Redact(target);
        return target.Length > MaxTarget ? target[..MaxTarget] + "…" : target;
    }

    /// <summary><paramref name="text"/> (a path, a query) with anything token-shaped cut out: what may be kept or logged.</summary>
    public static string Redact(string text) => TokenShaped().Replace(text, "otb_[redacted]");

    // otb_ and the base64url alphabet, however it was escaped in the URL: anything that could be a token or part of one.
    [GeneratedRegex("otb_[A-Za-z0-9_%-]*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShaped();
}
