using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Results.Matrices;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /compare?before=RUN&amp;after=RUN</c>: <see cref="ResultsComparison"/> of two visible runs test by test
/// (regressions, fixes, other changes, newly covered, dropped). Without runs it proposes the two newest.
/// </summary>
internal static class ComparePage
{
    public static async Task<IResult> RenderAsync(HttpContext context, [FromServices] ResultsStore store)
    {
        var data = DashboardData.For(context, store);
        var runs = await data.RunsAsync().ConfigureAwait(false);
        string? before = MatrixFilter.Value(context.Request, "before"), after = MatrixFilter.Value(context.Request, "after");
        if (before is null && after is null && runs.Length >= 2)
        {
            (before, after) = (runs[^2].RunId, runs[^1].RunId);
        }

        ResultsComparison? comparison = null;
        if (before is not null && after is not null && runs.Any(r => r.RunId == before) && runs.Any(r => r.RunId == after))
        {
            comparison = ResultsComparison.Compare(
                await data.ExecutionsAsync(new ExecutionFilter { RunId = before }).ConfigureAwait(false),
                await data.ExecutionsAsync(new ExecutionFilter { RunId = after }).ConfigureAwait(false));
        }

        int status = comparison is null && (before is not null || after is not null) ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        return DashboardPage.Render(context, "Compare runs", html =>
        {
            html.Append($"<form class=\"filters\" method=\"get\" action=\"{DashboardPaths.Compare}\">");
            RunSelect(html, "before", "Before", before, runs);
            RunSelect(html, "after", "After", after, runs);
            html.Append($"<button type=\"submit\" id=\"compare\">Compare</button></form>\n");
            if (comparison is null)
            {
                html.Append(status == StatusCodes.Status404NotFound
                    ? new Markup("<p class=\"message\">Choose two runs that this account may see.</p>\n")
                    : new Markup("<p>Choose two runs.</p>\n"));
                return;
            }

            html.Append($"<p id=\"summary\">{comparison.Regressions.Length} regression(s), {comparison.Fixes.Length} fix(es), ")
                .Append($"{comparison.Changed.Length} other change(s), {comparison.Unchanged} unchanged, ")
                .Append($"{comparison.NewlyCovered.Length} newly covered, {comparison.Dropped.Length} dropped.</p>\n");
            Changes(html, "regressions", "Regressions", comparison.Regressions);
            Changes(html, "fixes", "Fixes", comparison.Fixes);
            Changes(html, "changed", "Other changes", comparison.Changed);
            Section(html, "new", "Newly covered", comparison.NewlyCovered);
            Section(html, "dropped", "Dropped", comparison.Dropped);
        }, status);
    }

    private static void RunSelect(HtmlBuilder html, string name, string label, string? current, IEnumerable<RunInfo> runs)
    {
        html.Append($"<label>{label}<select name=\"{name}\" id=\"{name}\"><option value=\"\"></option>");
        foreach (var run in runs.Reverse())
        {
            html.Append($"<option value=\"{run.RunId}\"{new Markup(run.RunId == current ? " selected" : "")}>{run.RunId} ({run.CampaignId})</option>");
        }

        html.Append($"</select></label>\n");
    }

    private static void Changes(HtmlBuilder html, string id, string title, IReadOnlyList<ResultsComparison.Change> changes)
    {
        html.Append($"<h2>{title} ({changes.Count})</h2>\n");
        if (changes.Count == 0)
        {
            return;
        }

        html.Append($"<table class=\"list\" id=\"{id}\"><tr><th>Case</th><th>Combination</th><th>Setup</th><th>Before</th><th>After</th><th>Versions after</th><th>Reasons after</th></tr>\n");
        foreach (var c in changes)
        {
            var s = c.After.Subject;
            html.Append($"<tr><td>{s.CaseId} #{s.Repetition}</td><td>{s.Combination}</td><td>{s.Band} / {s.OperatorProfile}</td>")
                .Append($"<td><a href=\"{DashboardPaths.Execution(c.Before.RunId, c.Before.ExecutionId)}\">{DashboardPage.VerdictBadge(c.Before.Outcome.Verdict)}</a></td>")
                .Append($"<td><a href=\"{DashboardPaths.Execution(c.After.RunId, c.After.ExecutionId)}\">{DashboardPage.VerdictBadge(c.After.Outcome.Verdict)}</a></td><td>");
            ExecutionTable.List(html, s.Products.Select(p => $"{p.Id} {p.Software}".TrimEnd()));
            html.Append($"</td><td>");
            ExecutionTable.List(html, c.After.Outcome.Reasons);
            html.Append($"</td></tr>\n");
        }

        html.Append($"</table>\n");
    }

    private static void Section(HtmlBuilder html, string id, string title, IReadOnlyList<ExecutionResult> executions)
    {
        html.Append($"<h2>{title} ({executions.Count})</h2>\n");
        if (executions.Count > 0)
        {
            ExecutionTable.Write(html, id, executions);
        }
    }
}
