using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.SPlane;

namespace OranTestbed.Server.Dashboard;

/// <summary>
/// The S-plane time error of a stored analyzer report (<c>analysis.json</c>: <c>ptp.clocks[].timeError</c>, see
/// <see cref="TimeErrorReportJson"/>) for every master clock, drawn by the analyzer's own SVG writer
/// (<see cref="TimeErrorSvg"/>): TE over time and dTE_L MTIE/TDEV against the mask.
/// </summary>
internal static class AnalysisTimeErrors
{
    public sealed record Clock(string Name, bool Evaluated, string? Reason, int Pairs, double? TwoWayMeanNs, double? MaxAbsTwoWayNs,
        double? MeanPathDelayNs, ImmutableArray<(long TimeNs, double TeNs)> Series, ImmutableArray<TimeErrorPoint> DteMtie,
        ImmutableArray<TimeErrorPoint> DteTdev, TimeErrorMaskResult? MtieMask, TimeErrorMaskResult? TdevMask,
        ImmutableArray<string> Checks)
    {
        public string OverTimeSvg() => TimeErrorSvg.OverTime(Name, Series);

        public string MtieSvg() => TimeErrorSvg.AgainstMask(Name, "MTIE", DteMtie, MtieMask);

        public string TdevSvg() => TimeErrorSvg.AgainstMask(Name, "TDEV", DteTdev, TdevMask);
    }

    /// <summary>The clocks that sent Sync (masters), evaluated or with the reason they were not; empty when the report
    /// has no PTP block. Throws <see cref="InvalidOperationException"/> or <see cref="FormatException"/> when a value
    /// has the wrong type.</summary>
    public static ImmutableArray<Clock> Read(JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object || !report.TryGetProperty("ptp", out var ptp) || ptp.ValueKind != JsonValueKind.Object
            || !ptp.TryGetProperty("clocks", out var clocks) || clocks.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Clock>();
        foreach (var clock in clocks.EnumerateArray())
        {
            if (!clock.TryGetProperty("timeError", out var te) || te.ValueKind != JsonValueKind.Object
                || (Text(te, "reason") is { } why && why.StartsWith("this port sent no Sync", StringComparison.Ordinal)))
            {
                continue;
            }

            string name = $"{Text(clock, "portIdentity")} domain {clock.GetProperty("domain").GetInt32().ToString(CultureInfo.InvariantCulture)}";
            result.Add(new Clock(name, te.TryGetProperty("evaluated", out var e) && e.ValueKind == JsonValueKind.True, Text(te, "reason"),
                te.TryGetProperty("pairs", out var pairs) && pairs.ValueKind == JsonValueKind.Number ? pairs.GetInt32() : 0,
                Number(te, "twoWayMeanNs"), Number(te, "maxAbsTwoWayNs"), Number(te, "meanPathDelayNs"), Series(te),
                Curve(te, "dteMtie"), Curve(te, "dteTdev"), Mask(te, "mtieMask"), Mask(te, "tdevMask"), Checks(te)));
        }

        return result.ToImmutable();
    }

    /// <summary><c>series</c> [[seconds since <c>seriesStartNs</c>, ns], …] back to capture nanoseconds.</summary>
    private static ImmutableArray<(long TimeNs, double TeNs)> Series(JsonElement te)
    {
        if (!te.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Array
            || Number(te, "seriesStartNs") is not { } start)
        {
            return [];
        }

        return [.. series.EnumerateArray().Select(p => ((long)start + (long)Math.Round(p[0].GetDouble() * 1e9), p[1].GetDouble()))];
    }

    private static ImmutableArray<TimeErrorPoint> Curve(JsonElement te, string name) =>
        te.TryGetProperty(name, out var curve) && curve.ValueKind == JsonValueKind.Array
            ? [.. curve.EnumerateArray().Select(p => new TimeErrorPoint(p[0].GetDouble(), p[1].GetDouble()))]
            : [];

    private static TimeErrorMaskResult? Mask(JsonElement te, string name)
    {
        if (!te.TryGetProperty(name, out var mask) || mask.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var points = mask.TryGetProperty("points", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(x => new TimeErrorMaskPoint(x.GetProperty("tauSeconds").GetDouble(), x.GetProperty("limitNs").GetDouble(),
                x.GetProperty("ns").GetDouble(), x.GetProperty("pass").GetBoolean())).ToImmutableArray()
            : [];
        return new TimeErrorMaskResult(Text(mask, "name") ?? "mask", Text(mask, "clause") ?? string.Empty, points);
    }

    /// <summary>Each judged limit as a line: rule, metric, measured against the limit, pass or FAIL.</summary>
    private static ImmutableArray<string> Checks(JsonElement te) =>
        te.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array
            ? [.. checks.EnumerateArray().Select(c => FormattableString.Invariant(
                $"{Text(c, "rule")}: {Text(c, "metric")} {Number(c, "ns"):0.#} ns against {Number(c, "limitNs"):0.#} ns, {Verdict(c)}"))]
            : [];

    private static string Verdict(JsonElement check) =>
        check.TryGetProperty("pass", out var pass) && pass.ValueKind == JsonValueKind.True ? "pass" : "FAIL";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
