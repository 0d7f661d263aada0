using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Exports;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Matrices;

/// <summary>
/// Matrices as JSON (with the drill-down: each cell's latest executions, their failing metrics, reasons and evidence
/// hashes), CSV (one row per cell) and a single-file HTML heatmap (inline CSS, every text HTML-encoded).
/// </summary>
public static class MatrixFormats
{
    public static string Json(ImmutableArray<InteropMatrix> matrices)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var matrix in matrices)
            {
                json.WriteStartObject();
                json.WriteString("band", matrix.Band);
                json.WriteString("operatorProfile", matrix.OperatorProfile);
                json.WriteStartArray("cells");
                foreach (var (du, ru, cell) in Ordered(matrix))
                {
                    json.WriteStartObject();
                    json.WriteString("oDu", du);
                    json.WriteString("oRu", ru);
                    json.WriteString("state", MatrixCell.StateName(cell.State));
                    json.WriteString("label", cell.Label);
                    json.WriteNumber("executions", cell.Executions);
                    json.WriteStartObject("counts");
                    foreach (var verdict in VerdictNames.Outcomes)
                    {
                        json.WriteNumber(verdict.ToWireName(), cell.Count(verdict));
                    }

                    json.WriteEndObject();
                    json.WriteNumber("flaky", cell.Flaky);
                    json.WriteStartArray("versions");
                    cell.Versions.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    if (cell.Incompatible is { } why)
                    {
                        json.WriteString("incompatible", why);
                    }

                    json.WriteStartArray("latest");
                    foreach (var e in cell.Latest)
                    {
                        WriteExecution(json, e);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Csv(ImmutableArray<InteropMatrix> matrices)
    {
        var csv = new StringBuilder("band,operator_profile,o_du,o_ru,state,passed,executions,flaky,versions,incompatible\r\n");
        foreach (var matrix in matrices)
        {
            foreach (var (du, ru, cell) in Ordered(matrix))
            {
                csv.AppendJoin(',', new[]
                {
                    matrix.Band, matrix.OperatorProfile, du, ru, MatrixCell.StateName(cell.State),
                    cell.Count(Verdict.Pass).ToString(CultureInfo.InvariantCulture),
                    cell.Executions.ToString(CultureInfo.InvariantCulture), cell.Flaky.ToString(CultureInfo.InvariantCulture),
                    string.Join("; ", cell.Versions), cell.Incompatible ?? string.Empty,
                }.Select(CsvExport.Field)).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    public static string Html(string title, ImmutableArray<InteropMatrix> matrices)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title))
            .Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(E(title)).Append("</h1>\n");
        foreach (var matrix in matrices)
        {
            html.Append("<h2>").Append(E(matrix.Band)).Append(" × ").Append(E(matrix.OperatorProfile))
                .Append("</h2>\n<table class=\"matrix\"><tr><th>O-DU \\ O-RU</th>");
            foreach (var ru in matrix.ORus)
            {
                html.Append("<th>").Append(E(ru)).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var du in matrix.ODus)
            {
                html.Append("<tr><th>").Append(E(du)).Append("</th>");
                foreach (var ru in matrix.ORus)
                {
                    if (!matrix.Cells.TryGetValue((du, ru), out var cell))
                    {
                        html.Append("<td class=\"none\">-</td>");
                        continue;
                    }

                    var tip = cell.Incompatible ?? string.Join("\n", cell.Versions);
                    html.Append("<td class=\"").Append(CssClass(cell.State)).Append("\" title=\"").Append(E(tip)).Append("\">")
                        .Append(E(cell.Label)).Append(cell.Flaky > 0 ? " <span class=\"flaky\">*</span>" : string.Empty)
                        .Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The CSS class of a state (the dashboard shares the colours).</summary>
    public static string CssClass(MatrixState state) => state switch
    {
        MatrixState.Pass => "pass",
        MatrixState.Fail => "fail",
        MatrixState.Inconclusive => "inconclusive",
        MatrixState.NotRun => "not-run",
        _ => "incompatible",
    };

    public const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24}
        table.matrix{border-collapse:collapse;margin:.5rem 0 1.5rem}
        table.matrix th,table.matrix td{border:1px solid #c9d1d9;padding:.4rem .6rem;text-align:center;font-size:.9rem}
        table.matrix th{background:#f0f3f6}
        .pass{background:#2da44e;color:#fff}.fail{background:#cf222e;color:#fff}.inconclusive{background:#d4a72c}
        .not-run{background:#eaeef2;color:#57606a}.incompatible{background:#8c959f;color:#fff}.none{color:#8c959f}
        .flaky{font-weight:bold}
        """;

    private static IEnumerable<(string ODu, string ORu, MatrixCell Cell)> Ordered(InteropMatrix matrix) =>
        from du in matrix.ODus from ru in matrix.ORus where matrix.Cells.ContainsKey((du, ru)) select (du, ru, matrix.Cells[(du, ru)]);

    private static void WriteExecution(Utf8JsonWriter json, ExecutionResult e)
    {
        json.WriteStartObject();
        json.WriteString("runId", e.RunId);
        json.WriteString("executionId", e.ExecutionId);
        json.WriteString("case", e.Subject.CaseId);
        json.WriteString("combination", e.Subject.Combination);
        json.WriteString("verdict", e.Outcome.Verdict.ToWireName());
        json.WriteBoolean("flaky", e.Outcome.Flaky);
        json.WriteStartArray("reasons");
        e.Outcome.Reasons.ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteStartArray("failingMetrics");
        foreach (var m in e.Metrics.Where(m => m.Verdict != Verdict.Pass))
        {
            json.WriteStringValue(ExportText.Metric(m));
        }

        json.WriteEndArray();
        json.WriteStartArray("evidence");
        foreach (var a in e.Artifacts)
        {
            json.WriteStartObject();
            json.WriteString("name", a.Name);
            json.WriteString("sha256", a.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
