using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Model;
using OranTestbed.Results.OranJson;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;
using OranTestbed.Server.Uploads;

namespace OranTestbed.Server.Api;

/// <summary><c>POST /api/v1/results</c> (upload) and <c>GET /api/v1/results/{run}</c> (O-RAN JSON export).</summary>
internal static class ResultsEndpoints
{
    public static void MapResultsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/results", UploadAsync)
            .RequireAuthorization(AccessPolicies.Upload)
            .WithTags("results")
            .WithSummary("Upload O-RAN ALLIANCE test-results JSON, optionally with an artifacts archive")
            .WithDescription($"""
                Body: the document as application/json, or multipart/form-data with the part '{UploadReceiver.DocumentPart}' (the JSON)
                and optionally '{UploadReceiver.ArchivePart}' (a .zip or .tar.gz holding the files the document's artifact paths name,
                e.g. artifacts/SHA256). Integrators upload any combination; a vendor only combinations including one of its products.
                Validated whole before anything is stored: 400 malformed JSON or archive, 413 too large, 415 other media types,
                422 schema errors and unknown products (each error with its JSON pointer), 403 out of the vendor's scope, 409 a
                different result already stored. 201 when something new was stored, 200 when it all was stored before (a repeated
                upload names the same upload). The answer is the upload as GET /api/v1/uploads/ID shows it (href, also in
                Content-Location): stored and queued with status 'accepted'; the captures are re-analysed in the background
                (accepted → analysing → verified | flagged | failed), so poll href for each execution's evidence check.
                """)
            .Accepts<string>("application/json", "multipart/form-data")
            .Produces<UploadSummaryDto>(StatusCodes.Status201Created)
            .Produces<UploadSummaryDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();

        api.MapGet("/results/{run}", ExportAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("results")
            .WithSummary("A run's results as an O-RAN ALLIANCE test-results document (a vendor gets its executions only)")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, [FromServices] UploadProcessor processor)
    {
        var (summary, created) = await processor.ProcessAsync(context.Request, Caller.Of(context.User), context.RequestAborted)
            .ConfigureAwait(false);
        // The body is the upload's state now; its status URL is where the verification's progress is read.
        context.Response.Headers.ContentLocation = summary.Href;
        return created
            ? TypedResults.Created(summary.Runs.Count > 0 ? ApiPaths.Run(summary.Runs[0]) : ApiPaths.Root, summary)
            : TypedResults.Ok(summary);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(string run, HttpContext context,
        [FromServices] ResultsStore store)
    {
        var filter = Caller.Of(context.User).Scope(new ExecutionFilter { RunId = run });
        if ((await store.ListExecutionsAsync(filter, context.RequestAborted).ConfigureAwait(false)).IsEmpty)
        {
            throw ApiProblems.NotFound($"no run '{run}' with executions this account may see");
        }

        string json = await OranResultsExporter.ExportAsync(store, filter, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Content(json, "application/json");
    }
}
