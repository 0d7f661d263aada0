using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OranTestbed.Server.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: one registration per area (results, uploads, runs, executions, artifacts, accounts, audit; the
/// matrix endpoints go beside them as <c>MapMatrixEndpoints</c>). Every endpoint needs a token; any
/// <see cref="ApiProblemException"/> becomes its problem+json.
/// </summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(ApiPaths.Root).AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (ApiProblemException problem)
            {
                return ApiProblems.ToResult(problem, context.HttpContext);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return ApiProblems.ToResult(ApiProblems.TooLarge("the upload is larger than this server accepts"), context.HttpContext);
            }
        });
        api.MapResultsEndpoints();
        api.MapUploadEndpoints();
        api.MapRunEndpoints();
        api.MapExecutionEndpoints();
        api.MapArtifactEndpoints();
        api.MapAccountEndpoints();
        api.MapAuditEndpoints();
        return routes;
    }
}
