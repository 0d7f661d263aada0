using System.Text.Json.Serialization;

namespace OranTestbed.Server.Api;

/// <summary>One error of a refused request: where (the JSON pointer in the document, or the entry of the artifacts
/// archive) and what is wrong there. <see cref="Location"/> is written as <c>pointer</c>.</summary>
public sealed record ProblemError(
    [property: JsonPropertyName("pointer")] string? Location,
    [property: JsonPropertyName("entry")] string? Entry,
    [property: JsonPropertyName("message")] string Message)
{
    public static ProblemError At(string location, string message) => new(location, null, message);

    public static ProblemError InArchive(string entry, string message) => new(null, entry, message);
}
