using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// A self-contained HTML page of an <see cref="AnalysisReport"/> (issue 3 §5): a verdict banner with its reasons,
/// the packet and sequence tables, per window a summary and its 1 µs histogram of packet − air time as an inline SVG
/// bar chart (the window edges as vertical lines; bars coloured early / on time / late), the per-flow sequence table,
/// the findings table and free-form notes. No script, no external resource: it opens from a file or a CI artifact.
/// Every text taken from the report is HTML-encoded.
/// </summary>
public static class AnalysisHtmlWriter
{
    private const int ChartWidth = 760;
    private const int ChartHeight = 180;
    private const int PlotLeft = 50;
    private const int PlotRight = 10;
    private const int PlotTop = 10;
    private const int PlotBottom = 30;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static void Write(TextWriter output, AnalysisReport report, string title,
        IReadOnlyList<string>? notes = null, VerdictOutcome? verdict = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(title);
        var v = verdict ?? report.Verdict;
        string wire = v.Value.ToWireName();
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<title>{E(title)}: {E(wire)}</title>");
        output.WriteLine("""
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.2em}
            td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}
            th{background:#f3f3f3} td.l,th.l{text-align:left}
            .verdict{padding:.6em 1em;font-size:1.3em;font-weight:bold;color:#fff;border-radius:4px}
            .PASS{background:#2e7d32}.FAIL{background:#c62828}.INCONCLUSIVE{background:#ef6c00}
            .ERROR,.ABORTED,.NOT_SET{background:#555}
            svg{background:#fafafa;border:1px solid #ddd}
            </style></head><body>
            """);
        output.WriteLine($"<h1>{E(title)}</h1>");
        output.WriteLine($"<div class=\"verdict {E(wire)}\" id=\"verdict\">Verdict: {E(wire)}</div>");
        output.WriteLine("<ul>");
        foreach (string reason in v.Reasons)
        {
            output.WriteLine($"<li>{E(reason)}</li>");
        }

        output.WriteLine("</ul>");
        if (notes is { Count: > 0 })
        {
            output.WriteLine("<h2>Notes</h2><ul>");
            foreach (string note in notes)
            {
                output.WriteLine($"<li>{E(note)}</li>");
            }

            output.WriteLine("</ul>");
        }

        var p = report.Packets;
        output.WriteLine("<h2>Packets</h2><table><tr><th>total</th><th>C-plane</th><th>U-plane</th><th>PTP</th><th>other</th><th>malformed</th></tr>");
        output.WriteLine(Invariant($"<tr><td>{p.Total}</td><td>{p.CPlane}</td><td>{p.UPlane}</td><td>{p.Ptp}</td><td>{p.Other}</td><td>{p.Malformed}</td></tr></table>"));
        WriteWindows(output, report.Timing);
        WriteSequence(output, report);
        WriteTimeError(output, report.Ptp);
        WriteOruConfiguration(output, report.OruConfiguration);
        WriteFindings(output, report);
        output.WriteLine("</body></html>");
    }

    private static void WriteWindows(TextWriter output, TimingReport timing)
    {
        output.WriteLine("<h2>Timing windows</h2>");
        if (timing.NotCheckedReason is { } reason)
        {
            output.WriteLine($"<p>Not checked: {E(reason)}</p>");
            return;
        }

        output.WriteLine($"<p>Tap: {E(timing.Tap?.ToString() ?? "unknown")}; frameId inconsistent with the timestamp: "
            + Invariant($"{timing.FrameIdMismatch}; air time not computable: {timing.Unresolved}. Offsets are packet time − air time (negative = before air time).</p>"));
        output.WriteLine("<table><tr><th class=\"l\">window</th><th>earliest µs</th><th>latest µs</th><th>early</th><th>on time</th><th>late</th><th>min µs</th><th>mean µs</th><th>max µs</th><th>p99 µs</th></tr>");
        foreach (var w in timing.Windows)
        {
            if (!w.Checked)
            {
                output.WriteLine($"<tr><td class=\"l\">{E(w.Name)}</td><td class=\"l\" colspan=\"9\">not checked: {E(w.Reason ?? "")}</td></tr>");
                continue;
            }

            var o = w.Offsets;
            output.WriteLine(Invariant(
                $"<tr><td class=\"l\">{E(w.Name)}</td><td>{Us(w.Limits?.EarliestNs / 1000.0)}</td><td>{Us(w.Limits?.LatestNs / 1000.0)}</td><td>{o.Early}</td><td>{o.OnTime}</td><td>{o.Late}</td><td>{Us(o.MinUs)}</td><td>{Us(o.MeanUs)}</td><td>{Us(o.MaxUs)}</td><td>{Us(o.Percentiles?.P99Us)}</td></tr>"));
        }

        output.WriteLine("</table>");
        foreach (var w in timing.Windows)
        {
            if (w.Checked)
            {
                output.WriteLine($"<h3>{E(w.Name)}</h3>");
                WriteHistogram(output, w);
            }
        }
    }

    private static void WriteHistogram(TextWriter output, WindowReport window)
    {
        output.WriteLine(HistogramSvg(window.Name, window.Limits!.Value, window.Histogram));
        if (window.Underflow > 0 || window.Overflow > 0)
        {
            output.WriteLine(Invariant($"<p>Outside the histogram range: {window.Underflow} below, {window.Overflow} above.</p>"));
        }
    }

    /// <summary>A window's 1 µs histogram as an inline SVG bar chart over the span of the bins and the window edges (plus
    /// a margin); public so that the results dashboard draws the histograms of stored reports the same way.</summary>
    public static string HistogramSvg(string windowName, WindowLimits limits, IReadOnlyList<HistogramBin> histogram)
    {
        ArgumentNullException.ThrowIfNull(windowName);
        ArgumentNullException.ThrowIfNull(histogram);
        double earliest = limits.EarliestNs / 1000.0, latest = limits.LatestNs / 1000.0;
        double lo = earliest, hi = latest;
        long peak = 1;
        foreach (var bin in histogram)
        {
            lo = Math.Min(lo, bin.BinUs);
            hi = Math.Max(hi, bin.BinUs + 1);
            peak = Math.Max(peak, bin.Count);
        }

        double margin = Math.Max(5, (hi - lo) * 0.05);
        lo -= margin;
        hi += margin;
        double plotWidth = ChartWidth - PlotLeft - PlotRight, plotHeight = ChartHeight - PlotTop - PlotBottom;
        double X(double us) => PlotLeft + ((us - lo) / (hi - lo) * plotWidth);
        double baseline = PlotTop + plotHeight;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"histogram\" data-window=\"{E(windowName)}\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\">"));
        svg.Append(Invariant($"<title>{E(windowName)}: histogram of packet − air time (1 µs bins)</title>"));
        svg.Append(Invariant($"<line x1=\"{PlotLeft}\" y1=\"{baseline:0.#}\" x2=\"{ChartWidth - PlotRight}\" y2=\"{baseline:0.#}\" stroke=\"#888\"/>"));
        double barWidth = Math.Max(1, plotWidth / (hi - lo));
        foreach (var bin in histogram)
        {
            double h = Math.Max(1, bin.Count * plotHeight / peak);
            string colour = bin.BinUs + 1 <= earliest ? "#1565c0" : bin.BinUs > latest ? "#c62828" : "#2e7d32";
            svg.Append(Invariant(
                $"<rect x=\"{X(bin.BinUs):0.##}\" y=\"{baseline - h:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>[{bin.BinUs}, {bin.BinUs + 1}) µs: {bin.Count}</title></rect>"));
        }

        foreach (var (edge, label) in new[] { (earliest, "earliest"), (latest, "latest") })
        {
            svg.Append(Invariant(
                $"<line class=\"edge\" x1=\"{X(edge):0.##}\" y1=\"{PlotTop}\" x2=\"{X(edge):0.##}\" y2=\"{baseline:0.#}\" stroke=\"#000\" stroke-dasharray=\"4 3\"><title>{label} edge {edge:0.###} µs</title></line>"));
            svg.Append(Invariant(
                $"<text x=\"{X(edge):0.##}\" y=\"{ChartHeight - 16}\" font-size=\"11\" text-anchor=\"middle\">{edge:0.###}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{PlotLeft}\" y=\"{ChartHeight - 2}\" font-size=\"11\">{lo:0.#} µs</text>"));
        svg.Append(Invariant($"<text x=\"{ChartWidth - PlotRight}\" y=\"{ChartHeight - 2}\" font-size=\"11\" text-anchor=\"end\">{hi:0.#} µs</text>"));
        svg.Append(Invariant($"<text x=\"4\" y=\"{PlotTop + 10}\" font-size=\"11\">{peak}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>S-plane time error per master clock: the figures (or why not evaluated), TE over time, MTIE/TDEV vs mask.</summary>
    private static void WriteTimeError(TextWriter output, SPlane.PtpReport ptp)
    {
        var masters = ptp.Clocks.Where(c => c.TimeError.IsMaster).ToList();
        if (masters.Count == 0)
        {
            return;
        }

        output.WriteLine("<h2>S-plane time error</h2>");
        output.WriteLine($"<p>{E(SPlane.TimeErrorReport.AsymmetryNote)}.</p>");
        foreach (var clock in masters)
        {
            string name = Invariant($"{SPlane.PtpReportJson.ClockIdentity(clock.PortIdentity.ClockIdentity)}-{clock.PortIdentity.PortNumber} domain {clock.Domain}");
            var te = clock.TimeError;
            output.WriteLine($"<h3>{E(name)}</h3>");
            if (!te.Evaluated)
            {
                output.WriteLine($"<p>Not evaluated: {E(te.Reason ?? "")}</p>");
                continue;
            }

            output.WriteLine("<table><tr><th>pairs</th><th>mean TE ns</th><th>max|TE| ns</th><th>mean path delay ns</th><th>cTE ns</th><th>max|TE_L| ns</th><th>capture clock</th><th>FPP fwd %</th><th>FPP rev %</th></tr>");
            output.WriteLine(Invariant(
                $"<tr><td>{te.Pairs}</td><td>{te.TwoWayMeanNs:0.###}</td><td>{te.MaxAbsTwoWayNs:0.###}</td><td>{te.MeanPathDelayNs:0.###}</td><td>{te.CteNs:0.###}</td><td>{te.MaxAbsLowPassNs:0.###}</td><td>{E(te.CaptureTimeScale ?? "")}</td><td>{te.FppForwardPercent:0.#}</td><td>{te.FppReversePercent:0.#}</td></tr></table>"));
            if (!te.Checks.IsEmpty)
            {
                output.WriteLine("<table><tr><th class=\"l\">rule</th><th class=\"l\">metric</th><th>limit ns</th><th>measured ns</th><th class=\"l\">result</th></tr>");
                foreach (var check in te.Checks)
                {
                    output.WriteLine(Invariant($"<tr><td class=\"l\">{E(check.RuleId)}</td><td class=\"l\">{E(check.Metric)}</td><td>{check.LimitNanoseconds}</td><td>{check.Nanoseconds:0.###}</td><td class=\"l\">{(check.Pass ? "pass" : "FAIL")}</td></tr>"));
                }

                output.WriteLine("</table>");
            }

            output.WriteLine(TimeErrorSvg.OverTime(name, te.Series));
            output.WriteLine(TimeErrorSvg.AgainstMask(name, "MTIE", te.DteMtie, te.MtieMask));
            output.WriteLine(TimeErrorSvg.AgainstMask(name, "TDEV", te.DteTdev, te.TdevMask));
        }
    }

    private static void WriteSequence(TextWriter output, AnalysisReport report)
    {
        var s = report.Sequence;
        output.WriteLine("<h2>Sequence</h2><table><tr><th class=\"l\">flow</th><th>received</th><th>lost</th><th>duplicate</th><th>out of order</th><th>incomplete fragments</th></tr>");
        output.WriteLine(Invariant($"<tr><td class=\"l\">all</td><td>{s.Received}</td><td>{s.Lost}</td><td>{s.Duplicate}</td><td>{s.OutOfOrder}</td><td>{s.FragmentsIncomplete}</td></tr>"));
        foreach (var f in s.Flows)
        {
            string name = Invariant($"eAxC {f.Flow.Eaxc} {(f.Flow.Plane == Flows.MessagePlane.CPlane ? "C" : "U")}-plane {(f.Flow.Direction == Flows.DataDirection.Downlink ? "DL" : "UL")}");
            output.WriteLine(Invariant($"<tr><td class=\"l\">{E(name)}</td><td>{f.Received}</td><td>{f.Lost}</td><td>{f.Duplicate}</td><td>{f.OutOfOrder}</td><td>{f.FragmentsIncomplete}</td></tr>"));
        }

        output.WriteLine("</table>");
    }

    /// <summary>"O-RU configuration (M-plane)": the source and, per aspect, what the O-RU says, what the capture shows, the verdict.</summary>
    private static void WriteOruConfiguration(TextWriter output, OruConfig.OruConfigurationReport oru)
    {
        if (!oru.Enabled)
        {
            return;
        }

        output.WriteLine("<h2 id=\"oru-configuration\">O-RU configuration (M-plane)</h2>");
        output.WriteLine($"<p>Source: {E(oru.SourceText)}</p>");
        output.WriteLine("<table><tr><th class=\"l\">aspect</th><th class=\"l\">O-RU says</th><th class=\"l\">capture shows</th><th class=\"l\">verdict</th><th class=\"l\">first frames</th></tr>");
        foreach (var a in oru.Aspects)
        {
            string examples = string.Join(", ", a.Examples.Select(e => e.ToString(CultureInfo.InvariantCulture)));
            string shows = a.Reason is { } reason ? $"{a.CaptureShows} (not evaluated: {reason})" : a.CaptureShows;
            output.WriteLine($"<tr><td class=\"l\">{E(a.Name)}</td><td class=\"l\">{E(a.OruSays)}</td><td class=\"l\">{E(shows)}</td><td class=\"l\">{E(a.VerdictName)}</td><td class=\"l\">{E(examples)}</td></tr>");
        }

        output.WriteLine("</table>");
    }

    private static void WriteFindings(TextWriter output, AnalysisReport report)
    {
        output.WriteLine("<h2>Findings</h2>");
        if (report.Findings.IsEmpty)
        {
            output.WriteLine("<p>None.</p>");
            return;
        }

        output.WriteLine("<table><tr><th class=\"l\">rule</th><th class=\"l\">severity</th><th>count</th><th class=\"l\">first frames</th><th class=\"l\">description</th><th class=\"l\">clause</th></tr>");
        foreach (var f in report.Findings)
        {
            string examples = string.Join(", ", f.Examples.Select(e => e.ToString(CultureInfo.InvariantCulture)));
            output.WriteLine(Invariant(
                $"<tr><td class=\"l\">{E(f.Rule.Id)}</td><td class=\"l\">{E(Rules.RuleSeverityNames.Of(f.Severity))}</td><td>{f.Count}</td><td class=\"l\">{E(examples)}</td><td class=\"l\">{E(f.Detail ?? f.Rule.Description)}</td><td class=\"l\">{E(f.Rule.Clause)}</td></tr>"));
        }

        output.WriteLine("</table>");
    }

    private static string Us(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    private static string E(string text) => Html.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
