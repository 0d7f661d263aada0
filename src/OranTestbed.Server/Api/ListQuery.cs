using System.Globalization;
using Microsoft.AspNetCore.Http;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api;

/// <summary>
/// The query string of an API list, checked before anything is read: every key known, every plan id filter an id
/// (letters, digits and <c>- _ . / : + @</c>, at most <see cref="MaxIdLength"/>: band, operator, product, case and
/// campaign ids are plan ids), a run id printable text (uploaded documents name their runs as they like, and the store
/// keeps them verbatim), <c>limit</c> 1..<see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>), <c>cursor</c>
/// one this server gave. Anything else is a 400 naming the parameter: a filter that could match no stored id is an
/// error to be told, not an empty page.
/// </summary>
internal static class ListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxIdLength = 200;

    /// <summary>An executions or runs list (their cursors are <see cref="ExecutionCursor"/>s).</summary>
    public static ListQuery<ExecutionCursor> Of(HttpRequest request, params string[] filters) =>
        ListQuery<ExecutionCursor>.Of(request, ExecutionCursor.TryParse, filters);
}

/// <summary>A checked list query (see <see cref="ListQuery"/>) whose <c>cursor</c> is a <typeparamref name="TCursor"/>.</summary>
internal sealed class ListQuery<TCursor>
    where TCursor : class
{
    private const string Paging = "limit, cursor";

    private readonly HttpRequest _request;

    private ListQuery(HttpRequest request) => _request = request;

    public int Limit { get; private init; } = ListQuery.DefaultLimit;

    public TCursor? Cursor { get; private init; }

    /// <summary>Checks <paramref name="request"/>'s keys against <paramref name="filters"/> (and limit, and a cursor that
    /// <paramref name="parseCursor"/> recognises).</summary>
    public static ListQuery<TCursor> Of(HttpRequest request, Func<string?, TCursor?> parseCursor, params string[] filters)
    {
        ArgumentNullException.ThrowIfNull(parseCursor);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (key, _) in request.Query)
        {
            if (!filters.Contains(key, StringComparer.Ordinal) && key is not ("limit" or "cursor"))
            {
                throw Bad(key.Length > 40 ? key[..40] + "…" : key,
                    $"is not a parameter of this list (known: {string.Join(", ", filters)}, {Paging})");
            }
        }

        var keys = new ListQuery<TCursor>(request);
        string? limit = keys.Single("limit");
        string? cursor = keys.Single("cursor");
        return new ListQuery<TCursor>(request)
        {
            Limit = limit is null ? ListQuery.DefaultLimit
                : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= ListQuery.MaxLimit ? n
                : throw Bad("limit", $"must be a whole number from 1 to {ListQuery.MaxLimit}"),
            Cursor = cursor is null ? null
                : parseCursor(cursor) ?? throw Bad("cursor", "is not a cursor of this list (take it from the Link header)"),
        };
    }

    /// <summary>The filter <paramref name="name"/> as an id, or null when absent.</summary>
    public string? Id(string name)
    {
        string? value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (value.Length > ListQuery.MaxIdLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '+' or '@'))
        {
            throw Bad(name, $"is not an id (letters, digits and - _ . / : + @, at most {ListQuery.MaxIdLength} characters)");
        }

        return value;
    }

    /// <summary>The filter <paramref name="name"/> as printable text (a stored run id), or null when absent.</summary>
    public string? Text(string name)
    {
        string? value = Single(name);
        if (value is not null && (value.Length > ListQuery.MaxIdLength || value.Any(char.IsControl)))
        {
            throw Bad(name, $"is not an id (printable, at most {ListQuery.MaxIdLength} characters)");
        }

        return value;
    }

    /// <summary>The one value of <paramref name="name"/> (empty = absent); given twice is an error.</summary>
    public string? Single(string name)
    {
        var values = _request.Query[name];
        if (values.Count > 1)
        {
            throw Bad(name, "is given more than once");
        }

        return string.IsNullOrEmpty(values.ToString()) ? null : values.ToString();
    }

    /// <summary>The <c>Link</c> header value of the next page: this request with <c>cursor</c> replaced by <paramref name="next"/>.</summary>
    public string NextLink(string next)
    {
        var parameters = _request.Query.Where(q => q.Key != "cursor")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"cursor={next}");
        return $"<{_request.PathBase}{_request.Path}?{string.Join('&', parameters)}>; rel=\"next\"";
    }

    private static ApiProblemException Bad(string parameter, string why) =>
        ApiProblems.BadRequest("bad-query", $"query parameter '{parameter}' {why}");
}
