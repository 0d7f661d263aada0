using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OranTestbed.Server.Api;

namespace OranTestbed.Server.Logging;

/// <summary>
/// URLs end up in logs, proxies and browser histories, so credentials never travel in them: a request whose query
/// string names one (<c>access_token</c>, <c>token</c>, <c>api_key</c>...) is refused with 400 before authentication,
/// and the request log (this class's, in place of ASP.NET Core's hosting log, which writes whole URLs) names the path
/// only, never the query string.
/// </summary>
internal static class RequestLogging
{
    /// <summary>ASP.NET Core's request-starting/finished lines carry the full URL, query string included.</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>ASP.NET Core's routing, whose Debug lines quote the request path.</summary>
    public const string RoutingCategory = "Microsoft.AspNetCore.Routing";

    private static readonly string[] CredentialParameters =
        ["access_token", "token", "api_key", "apikey", "api-key", "key", "auth", "authorization", "bearer", "password", "secret"];

    public static void UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OranTestbed.Server.Requests");
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // A token pasted into a path (by mistake) must not reach the log with it.
            string path = Audit.AuditTargets.Redact(request.PathBase.Add(request.Path).ToString());
            if (CredentialIn(request.Query) is { } parameter)
            {
                ServerLog.CredentialInUrlRefused(logger, request.Method, path, parameter);
                await ApiProblems.WriteAsync(context, ApiProblems.BadRequest("credential-in-url",
                    $"the query string carries a credential ('{parameter}'): send it as 'Authorization: Bearer TOKEN' instead "
                    + "(URLs are kept in logs, proxies and browser histories; consider that token exposed and revoke it)"))
                    .ConfigureAwait(false);
                return;
            }

            long start = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                int status = context.Response.StatusCode;
                ServerLog.RequestFinished(logger, request.Method, path, status, elapsedMs);
            }
        });
    }

    private static string? CredentialIn(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            foreach (string name in CredentialParameters)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }
        }

        return null;
    }
}
