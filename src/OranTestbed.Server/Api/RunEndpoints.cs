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
            .WithSummary("The runs, oldest first (a vendor: those with an execution of its products)")
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
        var caller = Caller.Of(context.User);
        var runs = caller.IsVendor
            ? await store.ListRunsAsync(caller.Scope(ExecutionFilter.All), context.RequestAborted).ConfigureAwait(false)
            : await store.ListRunsAsync(context.RequestAborted).ConfigureAwait(false);
        return [.. runs.Select(RunDto.Of)];
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
