using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Api;

/// <summary><c>GET /api/v1/runs</c> and <c>GET /api/v1/runs/{id}</c> (a vendor sees the runs holding its combinations).</summary>
internal static class RunEndpoints
{
    public static void MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/runs", ListAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("runs")
            .WithSummary("The runs, newest first, one page (a vendor: those with an execution of its products)")
            .WithDescription($"limit per page (1..{ListQuery.MaxLimit}, default {ListQuery.DefaultLimit}); the next page is the Link "
                + "header's rel=\"next\" (RFC 8288). Unknown parameters are 400.")
            .Produces<IReadOnlyList<RunDto>>();
        api.MapGet("/runs/{id}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("runs")
            .WithSummary("A run and its executions (a vendor: its own only)")
            .Produces<RunDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IReadOnlyList<RunDto>> ListAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var query = ListQuery.Of(context.Request);
        var caller = Caller.Of(context.User);
        var page = await store.ListRunsAsync(caller.IsVendor ? caller.Scope(ExecutionFilter.All) : null, query.Limit + 1,
            query.Cursor, context.RequestAborted).ConfigureAwait(false);
        if (page.Length > query.Limit)
        {
            var last = page[query.Limit - 1];
            context.Response.Headers.Link = query.NextLink(new ExecutionCursor(last.StartedAt, last.RunId, "").Encode());
        }

        return [.. page.Take(query.Limit).Select(RunDto.Of)];
    }

    private static async Task<RunDetailDto> GetAsync(string id, HttpContext context, [FromServices] ResultsStore store)
    {
        var caller = Caller.Of(context.User);
        var run = await store.GetRunAsync(id, context.RequestAborted).ConfigureAwait(false);
        var filter = caller.Scope(new ExecutionFilter { RunId = id });
        var executions = run is null ? [] : await store.ListExecutionsAsync(filter, context.RequestAborted).ConfigureAwait(false);
        if (run is null || (caller.IsVendor && executions.IsEmpty))
        {
            throw ApiProblems.NotFound($"no run '{id}' this account may see");
        }

        var checks = await store.ListEvidenceChecksAsync(filter, context.RequestAborted).ConfigureAwait(false);
        return new RunDetailDto(RunDto.Of(run),
            [.. executions.Select(e => ExecutionSummaryDto.Of(e, checks.GetValueOrDefault((e.RunId, e.ExecutionId))))],
            ApiPaths.OranResults(id));
    }
}
