using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Dashboard;

/// <summary>Executions as a table: verdict, case, execution (linked), run, product versions, failing metrics, reasons.</summary>
internal static class ExecutionTable
{
    public static void Write(HtmlBuilder html, string id, IEnumerable<ExecutionResult> executions)
    {
        html.Append($"<table class=\"list executions\" id=\"{id}\"><tr><th>Verdict</th><th>Case</th><th>Execution</th><th>Run</th>")
            .Append($"<th>Versions</th><th>Failing metrics</th><th>Reasons</th></tr>\n");
        foreach (var e in executions)
        {
            html.Append($"<tr class=\"execution\" data-run=\"{e.RunId}\" data-execution=\"{e.ExecutionId}\">")
                .Append($"<td>{DashboardPage.VerdictBadge(e.Outcome.Verdict)}{new Markup(e.Outcome.Flaky ? " (flaky)" : "")}</td>")
                .Append($"<td>{e.Subject.CaseId}<br><small>{e.Subject.CaseName} · repetition {e.Subject.Repetition}</small></td>")
                .Append($"<td><a href=\"{DashboardPaths.Execution(e.RunId, e.ExecutionId)}\">{e.ExecutionId}</a></td>")
                .Append($"<td><a href=\"{DashboardPaths.MatrixOf(e.RunId)}\">{e.RunId}</a></td><td>");
            List(html, e.Subject.Products.Select(p => $"{p.Id} {p.Software}".TrimEnd()));
            html.Append($"</td><td>");
            List(html, e.Metrics.Where(m => m.Verdict != Verdict.Pass).Select(DashboardText.Metric));
            html.Append($"</td><td>");
            List(html, e.Outcome.Reasons);
            html.Append($"</td></tr>\n");
        }

        html.Append($"</table>\n");
    }

    public static void List(HtmlBuilder html, IEnumerable<string> items)
    {
        html.Append($"<ul class=\"reasons\">");
        foreach (string item in items)
        {
            html.Append($"<li>{item}</li>");
        }

        html.Append($"</ul>");
    }
}
