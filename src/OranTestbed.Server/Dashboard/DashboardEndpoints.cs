using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The operator dashboard: server-rendered pages without script or outside resource. <c>/</c> the matrix heatmap with
/// its filters, <c>/cells</c> a cell's executions, <c>/executions/{run}/{id}</c> one execution with its metrics,
/// evidence and timing histograms, <c>/compare</c> two runs, <c>/runs</c> the runs,
/// <c>/readiness</c> which combinations an operator can deploy per need and band; <c>/login</c> and <c>/logout</c>.
/// A page asked without a valid token (cookie or Bearer) redirects to <c>/login</c>, which comes back afterwards.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapLoginEndpoints();
        var pages = routes.MapGroup("").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return TypedResults.Redirect(DashboardPaths.LoginReturningTo(http.Request.Path + http.Request.QueryString));
            }

            return await next(context).ConfigureAwait(false);
        });
        pages.MapGet(DashboardPaths.Matrix, MatrixPage.RenderAsync);
        pages.MapGet(DashboardPaths.Cells, CellPage.RenderAsync);
        pages.MapGet("/executions/{run}/{id}", ExecutionPage.RenderAsync);
        pages.MapGet(DashboardPaths.Compare, ComparePage.RenderAsync);
        pages.MapGet(DashboardPaths.Runs, RunsPage.RenderAsync);
        pages.MapGet(DashboardPaths.Readiness, ReadinessPage.RenderAsync);
        return routes;
    }
}
