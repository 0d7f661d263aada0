using System.Globalization;
using System.Text;
using System.Xml;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Exports;

/// <summary>Texts the exports share: a metric in one line, durations in seconds, setups in order, XML-safe text.</summary>
internal static class ExportText
{
    /// <summary>"dl-throughput = 812.5 Mbps (>= 800Mbps) PASS — note".</summary>
    public static string Metric(MetricRecord m)
    {
        string value = m.Measured is { } v ? $"{Decimals.Format(v)} {m.Unit}" : "not measured";
        return $"{m.Id} = {value} ({m.Threshold}) {m.Verdict.ToWireName()}" + (m.Note is null ? "" : $" — {m.Note}");
    }

    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Setup(ExecutionResult e) => $"{e.Subject.Band} / {e.Subject.OperatorProfile}";

    /// <summary>Executions per band × operator profile, each group ordered by combination, case and repetition.</summary>
    public static IEnumerable<IGrouping<string, ExecutionResult>> BySetup(IEnumerable<ExecutionResult> executions) =>
        executions
            .OrderBy(e => e.Subject.Band, StringComparer.Ordinal).ThenBy(e => e.Subject.OperatorProfile, StringComparer.Ordinal)
            .ThenBy(e => e.Subject.Combination, StringComparer.Ordinal).ThenBy(e => e.Subject.CaseId, StringComparer.Ordinal)
            .ThenBy(e => e.Subject.Repetition).ThenBy(e => e.RunId, StringComparer.Ordinal)
            .GroupBy(Setup);

    /// <summary>Replaces characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates) with U+FFFD.</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }
}
