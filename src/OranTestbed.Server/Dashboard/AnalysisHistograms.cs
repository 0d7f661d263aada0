using System.Collections.Immutable;
using System.Text.Json;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Timing;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The timing windows of a stored analyzer report (<c>analysis.json</c>, <see cref="AnalysisReportJson"/>: <c>windows</c>
/// keyed by name, each with <c>checked</c>, <c>earliestUs</c>/<c>latestUs</c>, counts and the 1 µs <c>histogram</c>
/// [[binUs, count], …]), drawn by the analyzer's own SVG writer (<see cref="AnalysisHtmlWriter.HistogramSvg"/>).
/// </summary>
internal static class AnalysisHistograms
{
    /// <summary>Reports larger than this are not drawn (they are still downloadable).</summary>
    public const long MaxReportBytes = 64L << 20;

    public sealed record Window(string Name, bool Checked, string? Reason, WindowLimits? Limits, long Early, long OnTime, long Late,
        long Underflow, long Overflow, ImmutableArray<HistogramBin> Histogram)
    {
        public string Svg() => AnalysisHtmlWriter.HistogramSvg(Name, Limits!.Value, Histogram);
    }

    /// <summary>The windows of the report, or an empty list when it has none; throws <see cref="InvalidOperationException"/>
    /// when a window is malformed.</summary>
    public static ImmutableArray<Window> Read(JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object || !report.TryGetProperty("windows", out var windows)
            || windows.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Window>();
        foreach (var window in windows.EnumerateObject())
        {
            var w = window.Value;
            bool isChecked = w.TryGetProperty("checked", out var c) && c.ValueKind == JsonValueKind.True;
            WindowLimits? limits = Number(w, "earliestUs") is { } earliest && Number(w, "latestUs") is { } latest
                ? new WindowLimits((long)Math.Round(earliest * 1000), (long)Math.Round(latest * 1000))
                : null;
            var bins = ImmutableArray.CreateBuilder<HistogramBin>();
            if (w.TryGetProperty("histogram", out var histogram) && histogram.ValueKind == JsonValueKind.Array)
            {
                foreach (var bin in histogram.EnumerateArray())
                {
                    bins.Add(new HistogramBin(bin[0].GetInt32(), bin[1].GetInt64()));
                }
            }

            result.Add(new Window(window.Name, isChecked && limits is not null,
                w.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
                limits, Count(w, "early"), Count(w, "onTime"), Count(w, "late"), Count(w, "underflow"), Count(w, "overflow"),
                bins.ToImmutable()));
        }

        return result.ToImmutable();
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static long Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
