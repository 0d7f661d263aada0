using System.Text;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Exports;

/// <summary>
/// One CSV row per execution (RFC 4180: CRLF line ends, a header, fields with a comma, quote, CR or LF quoted with
/// quotes doubled). Values are written verbatim, as stored; a spreadsheet user should import rather than open files
/// from untrusted uploads (formula injection).
/// </summary>
public static class CsvExport
{
    private static readonly string[] Header =
    [
        "run_id", "execution_id", "band", "operator_profile", "iot_profile", "fronthaul_profile", "o_du", "o_du_software",
        "o_ru", "o_ru_software", "o_cu", "o_cu_software", "case_id", "case_status", "repetition", "verdict", "flaky", "attempts",
        "bench", "duration_s", "started_at", "reasons", "failing_metrics",
    ];

    public static string Write(IEnumerable<ExecutionResult> executions)
    {
        ArgumentNullException.ThrowIfNull(executions);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var e in executions)
        {
            var s = e.Subject;
            var o = e.Outcome;
            Row(csv,
            [
                e.RunId, e.ExecutionId, s.Band, s.OperatorProfile, s.IotProfile, s.FronthaulProfile,
                s.Product("o-du")?.Id ?? "", s.Product("o-du")?.Software ?? "", s.Product("o-ru")?.Id ?? "", s.Product("o-ru")?.Software ?? "",
                s.Product("o-cu")?.Id ?? "", s.Product("o-cu")?.Software ?? "", s.CaseId, s.CaseStatus,
                s.Repetition.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Verdict.ToWireName(), o.Flaky ? "true" : "false",
                o.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Bench, ExportText.Seconds(o.Duration),
                o.StartedAt is { } t ? Store.ResultsStore.TimeText(t) : "", string.Join("; ", o.Reasons),
                string.Join("; ", e.Metrics.Where(m => m.Verdict != Verdict.Pass).Select(ExportText.Metric)),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>A field as RFC 4180 §2 writes it.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Row(StringBuilder csv, string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            csv.Append(i == 0 ? "" : ",").Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }
}
