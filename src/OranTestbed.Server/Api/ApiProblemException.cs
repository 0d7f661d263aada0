using System.Collections.Immutable;

namespace OranTestbed.Server.Api;

/// <summary>A request refused with a 4xx: becomes an RFC 7807 problem+json (see <see cref="ApiProblems"/>). Thrown
/// before anything is stored.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string kind, string title, string detail, ImmutableArray<ProblemError> errors = default)
        : base(detail)
    {
        Status = status;
        Kind = kind;
        Title = title;
        Errors = errors.IsDefault ? [] : errors;
    }

    public ApiProblemException()
        : this(400, "bad-request", "Bad request", "bad request")
    {
    }

    public ApiProblemException(string message)
        : this(400, "bad-request", "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Kind = "bad-request";
        Title = "Bad request";
        Errors = [];
    }

    public int Status { get; }

    /// <summary>The problem type's last segment (<c>urn:oran-testbed:problem:KIND</c>).</summary>
    public string Kind { get; }

    public string Title { get; }

    public ImmutableArray<ProblemError> Errors { get; }
}
