using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OranTestbed.Server.Api;

/// <summary>
/// RFC 7807 problem+json answers: <c>type</c> <c>urn:oran-testbed:problem:KIND</c>, a title, the detail in words and,
/// for a refused upload, <c>errors</c>: each with the JSON <c>pointer</c> (RFC 6901) or archive <c>entry</c> it concerns.
/// </summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:oran-testbed:problem:";

    public static ApiProblemException Unauthorized(string detail) => new(401, "unauthorized", "Authentication required", detail);

    public static ApiProblemException Forbidden(string detail, ImmutableArray<ProblemError> errors = default) =>
        new(403, "forbidden", "Not allowed for this account", detail, errors);

    public static ApiProblemException NotFound(string detail) => new(404, "not-found", "Not found", detail);

    public static ApiProblemException BadRequest(string kind, string detail, ImmutableArray<ProblemError> errors = default) =>
        new(400, kind, "Bad request", detail, errors);

    public static ApiProblemException TooLarge(string detail, ImmutableArray<ProblemError> errors = default) =>
        new(413, "too-large", "Content too large", detail, errors);

    public static ApiProblemException Unprocessable(string kind, string detail, ImmutableArray<ProblemError> errors = default) =>
        new(422, kind, "Results refused", detail, errors);

    public static ApiProblemException TooManyRequests(string detail) => new(429, "too-many-requests", "Too many requests", detail);

    /// <summary>Gives the problems ASP.NET writes itself (415 from content-type matching, 404 of unknown routes, 500)
    /// our type and a detail, so that every error of the server reads the same.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var details = context.ProblemDetails;
        if (details.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        details.Type = TypePrefix + details.Status switch
        {
            404 => "not-found",
            405 => "method-not-allowed",
            415 => "unsupported-media-type",
            >= 500 => "internal-error",
            _ => "http-" + details.Status,
        };
        details.Detail ??= details.Status == 415
            ? "send the O-RAN results JSON as application/json, or multipart/form-data with the parts 'results' and 'artifacts'"
            : $"{details.Title} ({context.HttpContext.Request.Method} {context.HttpContext.Request.Path})";
    }

    public static ProblemDetails ToDetails(ApiProblemException problem, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var details = new ProblemDetails
        {
            Type = TypePrefix + problem.Kind,
            Title = problem.Title,
            Status = problem.Status,
            Detail = problem.Message,
            Instance = context.Request.Path,
        };
        if (!problem.Errors.IsEmpty)
        {
            details.Extensions["errors"] = problem.Errors;
        }

        return details;
    }

    public static IResult ToResult(ApiProblemException problem, HttpContext context)
    {
        var details = ToDetails(problem, context);
        return TypedResults.Problem(details);
    }

    public static Task WriteAsync(HttpContext context, ApiProblemException problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = problem.Status;
        return context.Response.WriteAsJsonAsync(ToDetails(problem, context), (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json", context.RequestAborted);
    }
}
