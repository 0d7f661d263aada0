using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Auth;

namespace OranTestbed.Server.Api;

/// <summary><c>GET /api/v1/artifacts/{sha256}</c>: an evidence file by content address. A vendor gets only files its
/// own executions cite; others are 404 to it (as if absent: their existence is not revealed).</summary>
internal static class ArtifactEndpoints
{
    public static void MapArtifactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/artifacts/{sha256}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("artifacts")
            .WithSummary("Download an evidence file (capture, report, log) by its SHA-256")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(string sha256, HttpContext context, [FromServices] ResultsStore store)
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw ApiProblems.BadRequest("bad-sha256", $"'{sha256}' is not a lower-case hex SHA-256");
        }

        var caller = Caller.Of(context.User);
        bool visible = caller.IsVendor
            ? await store.IsArtifactCitedAsync(sha256, caller.Scope(ExecutionFilter.All), context.RequestAborted).ConfigureAwait(false)
            : store.HasArtifactContent(sha256);
        if (!visible || !store.HasArtifactContent(sha256))
        {
            throw ApiProblems.NotFound($"no evidence file {sha256} this account may see");
        }

        return TypedResults.File(store.OpenArtifact(sha256), "application/octet-stream", sha256, enableRangeProcessing: true);
    }
}
