using System.Globalization;
using System.Net;
using System.Text;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Exports;

/// <summary>
/// A static, single-file HTML report: inline CSS, no script, no external asset (it opens from a mail attachment or a CI
/// artifact store). A summary of verdict counts, then per band × operator profile a table of executions with products
/// and versions, verdict, attempts, reasons, metrics and evidence (name, kind, SHA-256). All text is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
        th,td{border:1px solid #c9d1d9;padding:.3rem .5rem;vertical-align:top;text-align:left;font-size:.9rem}
        th{background:#f0f3f6}
        .PASS{background:#d7f5dd}.FAIL{background:#ffd9d9}.INCONCLUSIVE{background:#fff3c4}.ERROR,.ABORTED{background:#e8d9ff}
        .flaky{font-weight:bold;color:#9a6700}
        code{font-size:.8rem}
        ul{margin:0;padding-left:1.1rem}
        """;

    public static string Write(string title, IEnumerable<RunInfo> runs, IEnumerable<ExecutionResult> executions)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(executions);
        var all = executions.ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");

        html.Append("<h2>Runs</h2>\n<table><tr><th>Run</th><th>Campaign</th><th>Origin</th><th>Started</th><th>Finished</th></tr>\n");
        foreach (var run in runs)
        {
            html.Append("<tr><td>").Append(E(run.RunId)).Append("</td><td>").Append(E(run.CampaignId)).Append("</td><td>")
                .Append(E(run.Origin)).Append("</td><td>").Append(E(Store.ResultsStore.TimeText(run.StartedAt))).Append("</td><td>")
                .Append(run.FinishedAt is { } f ? E(Store.ResultsStore.TimeText(f)) + (run.Aborted ? " (aborted)" : "") : "running")
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Summary</h2>\n<table><tr>");
        var verdicts = VerdictNames.Outcomes;
        foreach (var v in verdicts)
        {
            html.Append("<th class=\"").Append(v.ToWireName()).Append("\">").Append(v.ToWireName()).Append("</th>");
        }

        html.Append("<th>flaky</th><th>total</th></tr>\n<tr>");
        foreach (var v in verdicts)
        {
            html.Append("<td>").Append(all.Count(e => e.Outcome.Verdict == v).ToString(CultureInfo.InvariantCulture)).Append("</td>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<td>{all.Count(e => e.Outcome.Flaky)}</td><td>{all.Count}</td></tr>\n</table>\n");

        foreach (var setup in ExportText.BySetup(all))
        {
            var first = setup.First().Subject;
            html.Append("<h2>").Append(E(setup.Key)).Append("</h2>\n<p>IOT profile ").Append(E(first.IotProfile)).Append(" (")
                .Append(E(first.IotSpecification)).Append(' ').Append(E(first.IotSpecVersion)).Append("), fronthaul profile ")
                .Append(E(first.FronthaulProfile)).Append("</p>\n")
                .Append("<table><tr><th>Case</th><th>Products</th><th>Verdict</th><th>Reasons</th><th>Metrics</th><th>Evidence</th></tr>\n");
            foreach (var e in setup)
            {
                Row(html, e);
            }

            html.Append("</table>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Row(StringBuilder html, ExecutionResult e)
    {
        var s = e.Subject;
        var o = e.Outcome;
        html.Append("<tr id=\"").Append(E(e.RunId + "-" + e.ExecutionId)).Append("\"><td>").Append(E(s.CaseId)).Append(" #")
            .Append(s.Repetition.ToString(CultureInfo.InvariantCulture)).Append("<br>").Append(E(s.CaseName)).Append("<br><code>")
            .Append(E(e.ExecutionId)).Append("</code></td><td><ul>");
        foreach (var p in s.Products)
        {
            html.Append("<li>").Append(E(p.Role)).Append(' ').Append(E(p.Id)).Append(" — SW ").Append(E(p.Software)).Append(", FW ")
                .Append(E(p.Firmware)).Append(", HW ").Append(E(p.Hardware)).Append("</li>");
        }

        html.Append("</ul></td><td class=\"").Append(o.Verdict.ToWireName()).Append("\">").Append(o.Verdict.ToWireName())
            .Append(o.Flaky ? " <span class=\"flaky\">flaky</span>" : "")
            .Append(CultureInfo.InvariantCulture, $"<br>{o.Attempts} attempt(s), {ExportText.Seconds(o.Duration)} s<br>bench ")
            .Append(E(o.Bench)).Append("</td><td>");
        List(html, o.Reasons);
        html.Append("</td><td>");
        List(html, e.Metrics.Select(ExportText.Metric).Concat(e.Measurements.Select(m =>
            $"{m.Name}: {string.Join(", ", m.Values.Select(Decimals.Format))} {m.Unit}")));
        html.Append("</td><td>");
        List(html, e.Artifacts.Select(a => $"{a.Kind.ToName()} {a.Name} ({a.Size} bytes, SHA-256 {a.Sha256})"));
        html.Append("</td></tr>\n");
    }

    private static void List(StringBuilder html, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<ul>");
        foreach (string item in list)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
