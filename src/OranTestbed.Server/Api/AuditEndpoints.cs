using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Audit;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Api;

/// <summary><c>GET /api/v1/audit?account=&amp;action=&amp;limit=&amp;cursor=</c>: the audit log for admins, newest first.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync)
            .RequireAuthorization(AccessPolicies.Admin)
            .WithTags("accounts")
            .WithSummary("The audit log: who uploaded, read, exported, downloaded, signed in and changed accounts (admins only)")
            .WithDescription($"Newest first. Filters: account (a name), action ({string.Join(", ", AuditActions.All)}). limit per page "
                + $"(1..{ListQuery.MaxLimit}, default {ListQuery.DefaultLimit}); the next page is the Link header's rel=\"next\" (RFC 8288).")
            .Produces<IReadOnlyList<AuditEventDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IReadOnlyList<AuditEventDto>> ListAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var query = ListQuery<AuditCursor>.Of(context.Request, AuditCursor.TryParse, "account", "action");
        string? action = query.Single("action");
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            throw ApiProblems.BadRequest("bad-query", $"query parameter 'action' is not one of {string.Join(", ", AuditActions.All)}");
        }

        var page = await store.ListAuditAsync(new AuditQuery
        {
            Account = query.Text("account"), Action = action, Limit = query.Limit + 1, Before = query.Cursor,
        }, context.RequestAborted).ConfigureAwait(false);
        if (page.Length > query.Limit)
        {
            context.Response.Headers.Link = query.NextLink(AuditCursor.After(page[query.Limit - 1]).Encode());
        }

        return [.. page.Take(query.Limit).Select(AuditEventDto.Of)];
    }
}
