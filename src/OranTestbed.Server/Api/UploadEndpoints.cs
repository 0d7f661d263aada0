using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api.Contracts;
using OranTestbed.Server.Auth;
using OranTestbed.Server.Uploads;

namespace OranTestbed.Server.Api;

/// <summary><c>GET /api/v1/uploads/{id}</c>: an accepted upload and how far its evidence verification got.</summary>
internal static class UploadEndpoints
{
    public static void MapUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/uploads/{id}", GetAsync)
            .RequireAuthorization(AccessPolicies.Read)
            .WithTags("results")
            .WithSummary("An accepted upload with its verification status and evidence checks (a vendor: its own uploads only)")
            .WithDescription("""
                The href of an upload's answer. status: accepted (stored, queued), analysing (its captures are being re-analysed),
                verified (no execution flagged), flagged (an execution's evidence does not support its claim: see its evidence),
                failed (the server could not analyse it: see reason). The last three are final. A vendor account sees the uploads
                of its vendor's accounts; any other upload is 404 to it.
                """)
            .Produces<UploadSummaryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<UploadSummaryDto> GetAsync(string id, HttpContext context, [FromServices] ResultsStore store)
    {
        var caller = Caller.Of(context.User);
        var upload = await store.GetUploadAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (upload is null || (caller.IsVendor && upload.AccountVendor != caller.VendorId))
        {
            throw ApiProblems.NotFound($"no upload '{id}' this account may see");
        }

        return await UploadAnswer.ReadAsync(store, upload, context.RequestAborted).ConfigureAwait(false);
    }
}
