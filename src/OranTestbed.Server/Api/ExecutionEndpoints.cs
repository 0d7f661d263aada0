using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Api;

/// <summary><c>GET /api/v1/executions?…</c> (filters) and <c>GET /api/v1/executions/{run}/{id}</c>.</summary>
internal static class ExecutionEndpoints
{
    public static void MapExecutionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/executions", ListAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("executions")
            .WithSummary("Executions matching every filter given (a vendor: its own only), with metrics, evidence and evidence checks")
            .WithDescription("Filters: run, campaign, band, operator (operator profile id), product (VENDOR/PRODUCT in any role), "
                + "case, verdict (PASS, FAIL, INCONCLUSIVE, ABORTED, ERROR), flagged (true: only executions whose evidence check flagged them).")
            .Produces<IReadOnlyList<ExecutionDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/executions/{run}/{id}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("executions")
            .WithSummary("One execution of a run")
            .Produces<ExecutionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IReadOnlyList<ExecutionDto>> ListAsync(HttpContext context, [FromServices] ResultsStore store,
        string? run = null, string? campaign = null, string? band = null, string? @operator = null, string? product = null,
        string? @case = null, string? verdict = null, bool? flagged = null)
    {
        Verdict? wanted = null;
        if (verdict is not null)
        {
            wanted = VerdictNames.TryParse(verdict, out var v)
                ? v
                : throw ApiProblems.BadRequest("bad-query", $"verdict '{verdict}' is not one of PASS, FAIL, INCONCLUSIVE, ABORTED, ERROR");
        }

        var filter = Caller.Of(context.User).Scope(new ExecutionFilter
        {
            RunId = run, CampaignId = campaign, Band = band, OperatorProfile = @operator, Product = product, CaseId = @case, Verdict = wanted,
        });
        var executions = await store.ListExecutionsAsync(filter, context.RequestAborted).ConfigureAwait(false);
        var checks = await store.ListEvidenceChecksAsync(filter, context.RequestAborted).ConfigureAwait(false);
        return [.. executions
            .Select(e => (e, check: checks.GetValueOrDefault((e.RunId, e.ExecutionId))))
            .Where(x => flagged is null || (x.check?.Status == EvidenceStatus.Flagged) == flagged)
            .Select(x => ExecutionDto.Of(x.e, x.check))];
    }

    private static async Task<ExecutionDto> GetAsync(string run, string id, HttpContext context, [FromServices] ResultsStore store)
    {
        var filter = Caller.Of(context.User).Scope(new ExecutionFilter { RunId = run });
        var execution = (await store.ListExecutionsAsync(filter, context.RequestAborted).ConfigureAwait(false))
            .FirstOrDefault(e => e.ExecutionId == id)
            ?? throw ApiProblems.NotFound($"no execution '{id}' of run '{run}' this account may see");
        var checks = await store.ListEvidenceChecksAsync(filter, context.RequestAborted).ConfigureAwait(false);
        return ExecutionDto.Of(execution, checks.GetValueOrDefault((run, id)));
    }
}
