using System.Globalization;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Dashboard;

/// <summary>Plain texts of the pages (encoded when written): a metric in one line, a value with its unit.</summary>
internal static class DashboardText
{
    /// <summary>"dl-throughput = 812.5 Mbps (>= 800Mbps) FAIL — note", as the matrix exports write it.</summary>
    public static string Metric(MetricRecord m) =>
        $"{m.Id} = {Measured(m)} ({m.Threshold}) {m.Verdict.ToWireName()}" + (m.Note is null ? "" : $" — {m.Note}");

    public static string Measured(MetricRecord m) =>
        m.Measured is { } v ? $"{Decimals.Format(v)} {m.Unit}" : "not measured";

    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
