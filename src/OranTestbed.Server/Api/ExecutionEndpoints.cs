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
                + "case, verdict (PASS, FAIL, INCONCLUSIVE, ABORTED, ERROR), flagged (true: only executions whose evidence check flagged them), "
                + "latest (true: only the latest result of each execution, what the matrices judge). Newest runs first, "
                + $"limit per page (1..{ListQuery.MaxLimit}, default {ListQuery.DefaultLimit}); the next page is the Link header's rel=\"next\" "
                + "(RFC 8288). Unknown parameters and values that are no id are 400.")
            .Produces<IReadOnlyList<ExecutionDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/executions/{run}/{id}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("executions")
            .WithSummary("One execution of a run")
            .Produces<ExecutionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IReadOnlyList<ExecutionDto>> ListAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var query = ListQuery.Of(context.Request, "run", "campaign", "band", "operator", "product", "case", "verdict", "flagged", "latest");
        string? verdict = query.Single("verdict");
        Verdict? wanted = null;
        if (verdict is not null)
        {
            wanted = VerdictNames.TryParse(verdict, out var v)
                ? v
                : throw ApiProblems.BadRequest("bad-query", $"query parameter 'verdict' is not one of PASS, FAIL, INCONCLUSIVE, ABORTED, ERROR");
        }

        bool? flagged = Flag(query, "flagged");
        var filter = Caller.Of(context.User).Scope(new ExecutionFilter
        {
            RunId = query.Text("run"), CampaignId = query.Id("campaign"), Band = query.Id("band"), OperatorProfile = query.Id("operator"),
            Product = query.Id("product"), CaseId = query.Id("case"), Verdict = wanted, LatestOnly = Flag(query, "latest") == true,
            Limit = query.Limit + 1, Before = query.Cursor,
        });
        var page = await store.ListExecutionsAsync(filter, context.RequestAborted).ConfigureAwait(false);
        if (page.Length > query.Limit && await store.GetRunAsync(page[query.Limit - 1].RunId, context.RequestAborted).ConfigureAwait(false) is { } run)
        {
            context.Response.Headers.Link = query.NextLink(ExecutionCursor.After(page[query.Limit - 1], run.StartedAt).Encode());
        }

        var shown = page.Take(query.Limit).ToList();
        var checks = await store.ListEvidenceChecksAsync([.. shown.Select(e => (e.RunId, e.ExecutionId))], context.RequestAborted)
            .ConfigureAwait(false); // the page's checks only: the filter's would be the whole history's
        return [.. shown
            .Select(e => (e, check: checks.GetValueOrDefault((e.RunId, e.ExecutionId))))
            .Where(x => flagged is null || (x.check?.Status == EvidenceStatus.Flagged) == flagged)
            .Select(x => ExecutionDto.Of(x.e, x.check))];
    }

    private static bool? Flag(ListQuery<ExecutionCursor> query, string name) => query.Single(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw ApiProblems.BadRequest("bad-query", $"query parameter '{name}' is true or false"),
    };

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
