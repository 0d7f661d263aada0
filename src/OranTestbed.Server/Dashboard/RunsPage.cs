using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary><c>GET /runs</c>: the visible runs, newest first, with their verdict counts, a link to each run's matrix and
/// to its comparison with the run before it.</summary>
internal static class RunsPage
{
    public static async Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var data = DashboardData.For(context, store);
        var runs = await data.RunsAsync().ConfigureAwait(false);
        var byRun = (await data.ExecutionsAsync(ExecutionFilter.All).ConfigureAwait(false)).ToLookup(e => e.RunId, StringComparer.Ordinal);
        return DashboardPage.Render(context, "Runs", html =>
        {
            html.Append($"<table class=\"list\" id=\"runs\"><tr><th>Run</th><th>Campaign</th><th>Origin</th><th>Started</th><th>Finished</th>")
                .Append($"<th>Executions</th><th>PASS</th><th>FAIL</th><th>other</th><th>Compare</th></tr>\n");
            for (int i = runs.Length - 1; i >= 0; i--)
            {
                var run = runs[i];
                var executions = byRun[run.RunId].ToList();
                int pass = executions.Count(e => e.Outcome.Verdict == Verdict.Pass), fail = executions.Count(e => e.Outcome.Verdict == Verdict.Fail);
                string finished = run.FinishedAt is { } f ? f.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "running";
                html.Append($"<tr data-run=\"{run.RunId}\"><td><a href=\"{DashboardPaths.MatrixOf(run.RunId)}\">{run.RunId}</a></td>")
                    .Append($"<td>{run.CampaignId}<br><small>{run.CampaignDescription}</small></td><td>{run.Origin}</td>")
                    .Append($"<td>{run.StartedAt:u}</td><td>{finished}{(run.Aborted ? " (aborted)" : "")}</td>")
                    .Append($"<td>{executions.Count}</td><td>{pass}</td><td>{fail}</td><td>{executions.Count - pass - fail}</td><td>");
                if (i > 0)
                {
                    html.Append($"<a href=\"{DashboardPaths.CompareRuns(runs[i - 1].RunId, run.RunId)}\">with {runs[i - 1].RunId}</a>");
                }

                html.Append($"</td></tr>\n");
            }

            html.Append($"</table>\n");
        });
    }
}
