using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The operator dashboard's place: server-rendered pages under <c>/</c> (matrix heatmap, drill-down, run comparison)
/// go in this folder and register here. Until then <c>/</c> is a plain page pointing at the API and its description.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Content("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>OranTestbed results</title></head>
            <body><h1>OranTestbed results server</h1>
            <p>The API is under <code>/api/v1/</code> (token needed), described at <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
            </body></html>
            """, "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
