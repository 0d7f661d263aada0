using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /cells?band=&amp;operator=&amp;du=&amp;ru=[&amp;ocu=&amp;run=]</c>: the drill-down of one matrix cell: the latest
/// result of each of its executions (what the cell judges), then the earlier results of the same combination.
/// </summary>
internal static class CellPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var request = context.Request;
        string? band = MatrixFilter.Value(request, "band"), op = MatrixFilter.Value(request, "operator");
        string? du = MatrixFilter.Value(request, "du"), ru = MatrixFilter.Value(request, "ru");
        if (band is null || op is null || du is null || ru is null)
        {
            return DashboardPage.Render(context, "Cell", html =>
                html.Append($"<p class=\"message\">A cell is named by band, operator, du and ru.</p>\n"), StatusCodes.Status400BadRequest);
        }

        var data = DashboardData.For(context, store);
        var filter = MatrixFilter.Of(request) with { Band = band, OperatorProfile = op };
        var runs = await data.RunsAsync().ConfigureAwait(false);
        var results = await data.ExecutionsAsync(new ExecutionFilter { Band = band, OperatorProfile = op }).ConfigureAwait(false);
        var matrix = MatrixPage.Build(results, runs, filter).SingleOrDefault();
        string title = $"{du} × {ru} on {band} × {op}";
        if (matrix is null || !matrix.Cells.TryGetValue((du, ru), out var cell))
        {
            return DashboardPage.Render(context, title, html =>
                html.Append($"<p class=\"message\">No results of this combination that this account may see.</p>\n"), StatusCodes.Status404NotFound);
        }

        var rank = runs.Select((r, i) => (r.RunId, i)).ToDictionary(x => x.RunId, x => x.i, StringComparer.Ordinal);
        var latest = cell.Latest.Select(e => (e.RunId, e.ExecutionId)).ToHashSet();
        var earlier = results
            .Where(e => e.Subject.Product("o-du")?.Id == du && e.Subject.Product("o-ru")?.Id == ru && !latest.Contains((e.RunId, e.ExecutionId)))
            .Where(e => filter.OCu is null || (e.Subject.Product("o-cu")?.Id ?? Results.Matrices.MatrixQuery.NoOCu) == filter.OCu)
            .OrderByDescending(e => rank.GetValueOrDefault(e.RunId, -1)).ThenBy(e => e.ExecutionId, StringComparer.Ordinal)
            .ToList();
        return DashboardPage.Render(context, title, html =>
        {
            html.Append($"<p>State: <span class=\"verdict {Results.Matrices.MatrixFormats.CssClass(cell.State)}\" id=\"cell-state\">{cell.Label}</span>")
                .Append($" · versions tested: {string.Join(", ", cell.Versions)}</p>\n")
                .Append($"<h2>Latest results ({cell.Latest.Length})</h2>\n");
            ExecutionTable.Write(html, "latest", cell.Latest.OrderBy(e => e.Subject.CaseId, StringComparer.Ordinal).ThenBy(e => e.Subject.Repetition));
            if (earlier.Count > 0)
            {
                html.Append($"<h2>Earlier results ({earlier.Count})</h2>\n");
                ExecutionTable.Write(html, "earlier", earlier);
            }

            html.Append($"<p><a href=\"{DashboardPaths.With(DashboardPaths.Matrix, ("band", band), ("operator", op), ("ocu", filter.OCu), ("run", filter.Run))}\">back to the matrix</a></p>\n");
        });
    }
}
