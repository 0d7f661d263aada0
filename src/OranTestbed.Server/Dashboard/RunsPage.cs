using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary><c>GET /runs[?before=CURSOR]</c>: the visible runs, newest first, <see cref="Page"/> at a time, with their
/// verdict counts (counted by the store), a link to each run's matrix and to its comparison with the run before it.</summary>
internal static class RunsPage
{
    public const int Page = 50;

    public static async Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        string? beforeText = MatrixFilter.Value(context.Request, "before");
        var before = ExecutionCursor.TryParse(beforeText);
        if (beforeText is not null && before is null)
        {
            return DashboardPage.Render(context, "Runs", html =>
                html.Append($"<p class=\"message\">'before' is not a page cursor of this page.</p>\n"), StatusCodes.Status400BadRequest);
        }

        var data = DashboardData.For(context, store);
        var scope = data.Caller.IsVendor ? data.Caller.Scope(ExecutionFilter.All) : null;
        // One more than a page: the run before the page's oldest, to compare with, and the sign there is an older page.
        var runs = await store.ListRunsAsync(scope, Page + 1, before, data.Aborted).ConfigureAwait(false);
        var counts = await store.CountVerdictsAsync(data.Caller.Scope(ExecutionFilter.All), [.. runs.Take(Page).Select(r => r.RunId)],
            data.Aborted).ConfigureAwait(false);
        long Count(string run, Verdict verdict) => counts.GetValueOrDefault((run, verdict));
        return DashboardPage.Render(context, "Runs", html =>
        {
            html.Append($"<table class=\"list\" id=\"runs\"><tr><th>Run</th><th>Campaign</th><th>Origin</th><th>Started</th><th>Finished</th>")
                .Append($"<th>Executions</th><th>PASS</th><th>FAIL</th><th>other</th><th>Compare</th></tr>\n");
            for (int i = 0; i < Math.Min(Page, runs.Length); i++)
            {
                var run = runs[i];
                long all = counts.Where(c => c.Key.RunId == run.RunId).Sum(c => c.Value);
                long pass = Count(run.RunId, Verdict.Pass), fail = Count(run.RunId, Verdict.Fail);
                string finished = run.FinishedAt is { } f ? f.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "running";
                html.Append($"<tr data-run=\"{run.RunId}\"><td><a href=\"{DashboardPaths.MatrixOf(run.RunId)}\">{run.RunId}</a></td>")
                    .Append($"<td>{run.CampaignId}<br><small>{run.CampaignDescription}</small></td><td>{run.Origin}</td>")
                    .Append($"<td>{run.StartedAt:u}</td><td>{finished}{(run.Aborted ? " (aborted)" : "")}</td>")
                    .Append($"<td>{all}</td><td>{pass}</td><td>{fail}</td><td>{all - pass - fail}</td><td>");
                if (i + 1 < runs.Length)
                {
                    html.Append($"<a href=\"{DashboardPaths.CompareRuns(runs[i + 1].RunId, run.RunId)}\">with {runs[i + 1].RunId}</a>");
                }

                html.Append($"</td></tr>\n");
            }

            html.Append($"</table>\n");
            if (runs.Length > Page)
            {
                var last = runs[Page - 1];
                html.Append($"<p><a id=\"older\" href=\"{DashboardPaths.With(DashboardPaths.Runs, ("before", new ExecutionCursor(last.StartedAt, last.RunId, "").Encode()))}\">older runs →</a></p>\n");
            }
        });
    }
}
