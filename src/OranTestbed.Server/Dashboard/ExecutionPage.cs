using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Api;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// <c>GET /executions/{run}/{id}</c>: what was tested (products and versions, case, profiles), how it ended (verdict,
/// reasons, attempts), its metrics and measurements, the server's evidence check, the evidence files (downloads through
/// <c>GET /api/v1/artifacts/{sha256}</c>, with the API's access rules) and, per analyzer report, the timing windows with
/// their 1 µs histograms as SVG.
/// </summary>
internal static class ExecutionPage
{
    public static async Task<IResult> RenderAsync(string run, string id, HttpContext context, [FromServices] ResultsStore store)
    {
        var data = DashboardData.For(context, store);
        var filter = new ExecutionFilter { RunId = run };
        var execution = (await data.ExecutionsAsync(filter).ConfigureAwait(false)).FirstOrDefault(e => e.ExecutionId == id);
        if (execution is null)
        {
            return DashboardPage.Render(context, "Execution", html =>
                html.Append($"<p class=\"message\">No execution '{id}' of run '{run}' that this account may see.</p>\n"), StatusCodes.Status404NotFound);
        }

        var check = (await data.EvidenceChecksAsync(filter).ConfigureAwait(false)).GetValueOrDefault((run, id));
        var s = execution.Subject;
        return DashboardPage.Render(context, $"{s.CaseId} on {s.Combination}", html =>
        {
            Summary(html, execution, check);
            Products(html, execution);
            Metrics(html, execution);
            Evidence(html, execution);
            Histograms(html, execution, store);
        });
    }

    private static void Summary(HtmlBuilder html, ExecutionResult e, EvidenceCheck? check)
    {
        var s = e.Subject;
        var o = e.Outcome;
        html.Append($"<p id=\"verdict\">{DashboardPage.VerdictBadge(o.Verdict)} after {o.Attempts} attempt(s){(o.Flaky ? " (flaky)" : "")}")
            .Append($" on bench {o.Bench}, {DashboardText.Seconds(o.Duration)} s{(o.StartedAt is { } at ? ", started " + at.ToString("u", CultureInfo.InvariantCulture) : "")}</p>\n");
        if (!o.Reasons.IsEmpty)
        {
            html.Append($"<h2>Reasons</h2>\n<div id=\"reasons\">");
            ExecutionTable.List(html, o.Reasons);
            html.Append($"</div>\n");
        }

        html.Append($"<table class=\"list\" id=\"subject\">")
            .Append($"<tr><th>Run</th><td><a href=\"{DashboardPaths.MatrixOf(e.RunId)}\">{e.RunId}</a></td></tr>")
            .Append($"<tr><th>Execution</th><td>{e.ExecutionId}</td></tr>")
            .Append($"<tr><th>Band / operator profile</th><td>{s.Band} / {s.OperatorProfile}</td></tr>")
            .Append($"<tr><th>Case</th><td>{s.CaseId}: {s.CaseName} ({s.CaseStatus}), repetition {s.Repetition}<br><small>{s.CaseReference}</small></td></tr>")
            .Append($"<tr><th>IOT profile</th><td>{s.IotProfile} ({s.IotSpecification} v{s.IotSpecVersion})</td></tr>")
            .Append($"<tr><th>Fronthaul profile</th><td>{s.FronthaulProfile}</td></tr>");
        if (check is not null)
        {
            html.Append($"<tr><th>Evidence check</th><td id=\"evidence-check\">{EvidenceCheck.StatusName(check.Status)}: {check.Reason}</td></tr>");
        }

        html.Append($"</table>\n");
    }

    private static void Products(HtmlBuilder html, ExecutionResult e)
    {
        html.Append($"<h2>Products</h2>\n<table class=\"list\" id=\"products\"><tr><th>Role</th><th>Product</th><th>Model</th><th>Hardware</th><th>Software</th><th>Firmware</th></tr>\n");
        foreach (var p in e.Subject.Products)
        {
            html.Append($"<tr><td>{p.Role}</td><td>{p.Id}</td><td>{p.Model}</td><td>{p.Hardware}</td><td>{p.Software}</td><td>{p.Firmware}</td></tr>\n");
        }

        html.Append($"</table>\n");
    }

    private static void Metrics(HtmlBuilder html, ExecutionResult e)
    {
        html.Append($"<h2>Metrics</h2>\n<table class=\"list\" id=\"metrics\"><tr><th>Metric</th><th>Source</th><th>Measured</th><th>Threshold</th><th>Verdict</th><th>Note</th></tr>\n");
        foreach (var m in e.Metrics)
        {
            html.Append($"<tr data-metric=\"{m.Id}\"><td>{m.Id}</td><td>{m.Source}</td><td>{DashboardText.Measured(m)}</td>")
                .Append($"<td>{m.Threshold}</td><td>{DashboardPage.VerdictBadge(m.Verdict)}</td><td>{m.Note}</td></tr>\n");
        }

        html.Append($"</table>\n");
        if (!e.Measurements.IsEmpty)
        {
            html.Append($"<h2>Measurements</h2>\n<table class=\"list\" id=\"measurements\"><tr><th>Name</th><th>Unit</th><th>Values</th><th>Description</th></tr>\n");
            foreach (var m in e.Measurements)
            {
                string values = string.Join(", ", m.Values.Take(50).Select(v => v.ToString(CultureInfo.InvariantCulture)))
                    + (m.Values.Length > 50 ? $", … ({m.Values.Length} values)" : "");
                html.Append($"<tr><td>{m.Name}</td><td>{m.Unit}</td><td>{values}</td><td>{m.Description}</td></tr>\n");
            }

            html.Append($"</table>\n");
        }
    }

    private static void Evidence(HtmlBuilder html, ExecutionResult e)
    {
        html.Append($"<h2>Evidence</h2>\n<table class=\"list\" id=\"evidence\"><tr><th>File</th><th>Kind</th><th>Bytes</th><th>SHA-256</th></tr>\n");
        foreach (var a in e.Artifacts)
        {
            string file = Path.GetFileName(a.Name.Replace('\\', '/'));
            html.Append($"<tr data-sha256=\"{a.Sha256}\"><td><a class=\"artifact\" href=\"{ApiPaths.Artifact(a.Sha256)}\" download=\"{file}\">{a.Name}</a></td>")
                .Append($"<td>{a.Kind.ToName()}</td><td>{a.Size}</td><td><code>{a.Sha256}</code></td></tr>\n");
        }

        html.Append($"</table>\n");
    }

    private static void Histograms(HtmlBuilder html, ExecutionResult e, ResultsStore store)
    {
        var reports = e.Artifacts.Where(a => a.Kind == ArtifactKind.AnalysisReport && a.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && store.HasArtifactContent(a.Sha256)).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        html.Append($"<h2>Timing windows</h2>\n<p>Histograms of packet time − air time in 1 µs bins; dashed lines are the window edges, ")
            .Append($"bars blue before the window, green inside, red after.</p>\n");
        foreach (var report in reports)
        {
            html.Append($"<h3>{report.Name}</h3>\n");
            if (report.Size > AnalysisHistograms.MaxReportBytes)
            {
                html.Append($"<p>Too large to draw here ({report.Size} bytes): download it above.</p>\n");
                continue;
            }

            try
            {
                using var stream = store.OpenArtifact(report.Sha256);
                using var json = JsonDocument.Parse(stream);
                Windows(html, AnalysisHistograms.Read(json.RootElement));
                TimeErrors(html, AnalysisTimeErrors.Read(json.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                html.Append($"<p class=\"message\">The report could not be read: {ex.Message}</p>\n");
            }
        }
    }

    /// <summary>The S-plane time error of each PTP master in the capture (issue 17): figures, checks, TE over time and
    /// MTIE/TDEV of dTE_L against the mask; a master that could not be evaluated says why.</summary>
    private static void TimeErrors(HtmlBuilder html, IReadOnlyList<AnalysisTimeErrors.Clock> clocks)
    {
        if (clocks.Count == 0)
        {
            return;
        }

        html.Append($"<h2>S-plane time error</h2>\n<p>Two-way time error at the tap (tap clock − master clock + half the path asymmetry), ")
            .Append($"mean path delay, and MTIE/TDEV of the 0.1 Hz low-passed TE against the profile's mask (dashed).</p>\n");
        foreach (var clock in clocks)
        {
            html.Append($"<section class=\"time-error\" data-clock=\"{clock.Name}\"><h3>{clock.Name}</h3>\n");
            if (!clock.Evaluated)
            {
                html.Append($"<p>Not evaluated: {clock.Reason}</p></section>\n");
                continue;
            }

            html.Append($"<p>{clock.Pairs} pairs; two-way mean {clock.TwoWayMeanNs:0.#} ns, max |TE| {clock.MaxAbsTwoWayNs:0.#} ns, ")
                .Append($"mean path delay {clock.MeanPathDelayNs:0.#} ns</p>\n");
            if (clock.Checks.Length > 0)
            {
                html.Append($"<ul class=\"te-checks\">");
                foreach (string check in clock.Checks)
                {
                    html.Append($"<li>{check}</li>");
                }

                html.Append($"</ul>\n");
            }

            html.Append($"{new Markup(clock.OverTimeSvg())}{new Markup(clock.MtieSvg())}{new Markup(clock.TdevSvg())}</section>\n");
        }
    }

    private static void Windows(HtmlBuilder html, IReadOnlyList<AnalysisHistograms.Window> windows)
    {
        html.Append($"<table class=\"list windows\"><tr><th>Window</th><th>Earliest µs</th><th>Latest µs</th><th>Early</th><th>On time</th><th>Late</th></tr>\n");
        foreach (var w in windows)
        {
            if (w.Checked)
            {
                html.Append($"<tr><td>{w.Name}</td><td>{w.Limits!.Value.EarliestNs / 1000.0:0.###}</td><td>{w.Limits!.Value.LatestNs / 1000.0:0.###}</td>")
                    .Append($"<td>{w.Early}</td><td>{w.OnTime}</td><td>{w.Late}</td></tr>\n");
            }
            else
            {
                html.Append($"<tr><td>{w.Name}</td><td colspan=\"5\">not checked: {w.Reason}</td></tr>\n");
            }
        }

        html.Append($"</table>\n");
        foreach (var w in windows.Where(w => w.Checked && !w.Histogram.IsEmpty))
        {
            html.Append($"<figure class=\"window\" data-window=\"{w.Name}\"><figcaption>{w.Name}</figcaption>{new Markup(w.Svg())}");
            if (w.Underflow > 0 || w.Overflow > 0)
            {
                html.Append($"<p>Outside the histogram range: {w.Underflow} below, {w.Overflow} above.</p>");
            }

            html.Append($"</figure>\n");
        }
    }
}
