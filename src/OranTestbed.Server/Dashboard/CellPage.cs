using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /cells?band=&amp;operator=&amp;du=&amp;ru=[&amp;ocu=&amp;run=&amp;before=]</c>: the drill-down of one matrix cell:
/// the latest result of each of its executions (what the cell judges), then the earlier results of the same
/// combination, newest first, <see cref="EarlierPage"/> at a time (<c>before</c> = the cursor of the previous page's
/// last): both read from the store by the cell's pair, so the page costs what it shows, not what the store holds.
/// </summary>
internal static class CellPage
{
    public const int EarlierPage = 50;

    public static Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store, [FromServices] PagePartCache cache)
        => cache.RenderAsync(context, store, data => BuildAsync(context.Request, data));

    private static async Task<PagePartCache.Part> BuildAsync(HttpRequest request, DashboardData data)
    {
        // Every value of the request is read before the first await: the request is the first reader's.
        string? band = MatrixFilter.Value(request, "band"), op = MatrixFilter.Value(request, "operator");
        string? du = MatrixFilter.Value(request, "du"), ru = MatrixFilter.Value(request, "ru");
        string? beforeText = MatrixFilter.Value(request, "before");
        var before = ExecutionCursor.TryParse(beforeText);
        var html = new HtmlBuilder();
        if (band is null || op is null || du is null || ru is null || (beforeText is not null && before is null))
        {
            html.Append($"<p class=\"message\">A cell is named by band, operator, du and ru (and 'before' is a page cursor of this page).</p>\n");
            return new PagePartCache.Part(html.ToString(), StatusCodes.Status400BadRequest, "Cell");
        }

        var filter = MatrixFilter.Of(request) with { Band = band, OperatorProfile = op };
        var pair = new ExecutionFilter { Band = band, OperatorProfile = op, ODu = du, ORu = ru, OCu = filter.OCu };
        var runs = await data.RunsAsync().ConfigureAwait(false);
        var judged = await data.ExecutionsAsync(pair with { LatestOnly = filter.Run is null, RunId = filter.Run }).ConfigureAwait(false);
        var matrix = InteropMatrix.Build(judged, [.. runs.Select(r => r.RunId)], filter.Query).SingleOrDefault();
        string title = $"{du} × {ru} on {band} × {op}";
        if (matrix is null || !matrix.Cells.TryGetValue((du, ru), out var cell))
        {
            html.Append($"<p class=\"message\">No results of this combination that this account may see.</p>\n");
            return new PagePartCache.Part(html.ToString(), StatusCodes.Status404NotFound, title);
        }

        // The earlier results: every other result of the pair (with a run filter, the other runs' too), one page.
        var page = await data.ExecutionsAsync(pair with { ExcludeLatest = filter.Run is null, Limit = EarlierPage + 1, Before = before })
            .ConfigureAwait(false);
        var earlier = page.Take(EarlierPage).Where(e => e.RunId != filter.Run).ToList();
        var started = runs.ToDictionary(r => r.RunId, r => r.StartedAt, StringComparer.Ordinal);
        string? older = page.Length > EarlierPage && started.TryGetValue(page[EarlierPage - 1].RunId, out var at)
            ? DashboardPaths.CellPage(filter, band, op, du, ru, ExecutionCursor.After(page[EarlierPage - 1], at).Encode())
            : null;
        html.Append($"<p>State: <span class=\"verdict {MatrixFormats.CssClass(cell.State)}\" id=\"cell-state\">{cell.Label}</span>")
            .Append($" · versions tested: {string.Join(", ", cell.Versions)}</p>\n")
            .Append($"<h2>Latest results ({cell.Latest.Length})</h2>\n");
        ExecutionTable.Write(html, "latest", cell.Latest.OrderBy(e => e.Subject.CaseId, StringComparer.Ordinal).ThenBy(e => e.Subject.Repetition));
        if (earlier.Count > 0)
        {
            html.Append($"<h2>Earlier results{(before is null ? "" : " (continued)")}, newest first</h2>\n");
            ExecutionTable.Write(html, "earlier", earlier);
        }

        if (older is not null)
        {
            html.Append($"<p><a id=\"older\" href=\"{older}\">older results →</a></p>\n");
        }

        html.Append($"<p><a href=\"{DashboardPaths.With(DashboardPaths.Matrix, ("band", band), ("operator", op), ("ocu", filter.OCu), ("run", filter.Run))}\">back to the matrix</a></p>\n");
        return new PagePartCache.Part(html.ToString(), StatusCodes.Status200OK, title);
    }
}
