using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OranTestbed.Analysis.SPlane;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// Inline SVG plots of a master's time error (issue 17): the two-way TE over capture time, and MTIE/TDEV of dTE_L on
/// log-log axes against the mask (dashed, stepped), failing points in red. Public so that the results dashboard can
/// draw stored reports the same way.
/// </summary>
public static class TimeErrorSvg
{
    private const int Width = 760;
    private const int Height = 220;
    private const int Left = 60;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 30;

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>TE (ns) over time (s from the first pair), a polyline of at most 1000 points.</summary>
    public static string OverTime(string clock, ImmutableArray<(long TimeNs, double TeNs)> series)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var svg = Open("te-over-time", clock, $"{clock}: two-way time error (ns) over capture time (s)");
        if (series.IsEmpty)
        {
            return svg.Append("</svg>").ToString();
        }

        long t0 = series[0].TimeNs;
        double tEnd = Math.Max(1e-9, (series[^1].TimeNs - t0) / 1e9);
        double lo = Math.Min(0, series.Min(p => p.TeNs)), hi = Math.Max(0, series.Max(p => p.TeNs));
        if (hi - lo < 1)
        {
            hi += 0.5;
            lo -= 0.5;
        }

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double s) => Left + (s / tEnd * plotW);
        double Y(double ns) => Top + ((hi - ns) / (hi - lo) * plotH);
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(0):0.##}\" x2=\"{Width - Right}\" y2=\"{Y(0):0.##}\" stroke=\"#888\"/>"));
        svg.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1\" points=\"");
        foreach (var (time, te) in series)
        {
            svg.Append(Invariant($"{X((time - t0) / 1e9):0.##},{Y(te):0.##} "));
        }

        svg.Append("\"/>");
        svg.Append(Invariant($"<text x=\"4\" y=\"{Top + 10}\" font-size=\"11\">{hi:0.#} ns</text>"));
        svg.Append(Invariant($"<text x=\"4\" y=\"{Top + plotH}\" font-size=\"11\">{lo:0.#} ns</text>"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 2}\" font-size=\"11\">0 s</text>"));
        svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{Height - 2}\" font-size=\"11\" text-anchor=\"end\">{tEnd:0.#} s</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A curve (MTIE or TDEV, ns over τ s) on log-log axes with its mask, when there is one.</summary>
    public static string AgainstMask(string clock, string metric, ImmutableArray<TimeErrorPoint> curve, TimeErrorMaskResult? mask)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(metric);
        var svg = Open("te-" + metric.ToLowerInvariant(), clock,
            $"{clock}: {metric} of dTE_L (ns) over the observation interval τ (s), log-log{(mask is null ? "" : ", mask " + mask.Name)}");
        var values = curve.Where(p => p.Nanoseconds > 0).ToList();
        if (values.Count == 0 && mask is null)
        {
            return svg.Append("</svg>").ToString();
        }

        var taus = values.Select(p => p.TauSeconds).Concat(mask?.Points.Select(p => p.TauSeconds) ?? []).ToList();
        var ns = values.Select(p => p.Nanoseconds).Concat(mask?.Points.Select(p => p.LimitNanoseconds) ?? []).ToList();
        if (taus.Count == 0)
        {
            taus = [.. curve.Select(p => p.TauSeconds)];
            ns = [1];
        }

        double tLo = Math.Log10(taus.Min()), tHi = Math.Log10(taus.Max()) + 1e-9;
        double vLo = Math.Floor(Math.Log10(Math.Max(1e-3, ns.Min()))), vHi = Math.Ceiling(Math.Log10(Math.Max(1e-3, ns.Max())) + 1e-9);
        if (vHi <= vLo)
        {
            vHi = vLo + 1;
        }

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double tau) => Left + ((Math.Log10(tau) - tLo) / Math.Max(1e-9, tHi - tLo) * plotW);
        double Y(double v) => Top + ((vHi - Math.Log10(Math.Max(v, Math.Pow(10, vLo)))) / (vHi - vLo) * plotH);
        for (double decade = vLo; decade <= vHi; decade++)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(Math.Pow(10, decade)):0.##}\" x2=\"{Width - Right}\" y2=\"{Y(Math.Pow(10, decade)):0.##}\" stroke=\"#ddd\"/>"));
            svg.Append(Invariant($"<text x=\"4\" y=\"{Y(Math.Pow(10, decade)) + 4:0.##}\" font-size=\"11\">{Math.Pow(10, decade):G3} ns</text>"));
        }

        if (mask is { Evaluated: true })
        {
            svg.Append("<polyline class=\"mask\" fill=\"none\" stroke=\"#000\" stroke-dasharray=\"5 3\" points=\"");
            foreach (var point in mask.Points)
            {
                svg.Append(Invariant($"{X(point.TauSeconds):0.##},{Y(point.LimitNanoseconds):0.##} "));
            }

            svg.Append("\"/>");
        }

        svg.Append("<polyline fill=\"none\" stroke=\"#1565c0\" points=\"");
        foreach (var point in values)
        {
            svg.Append(Invariant($"{X(point.TauSeconds):0.##},{Y(point.Nanoseconds):0.##} "));
        }

        svg.Append("\"/>");
        foreach (var point in curve)
        {
            bool fails = mask?.Points.Any(p => p.TauSeconds == point.TauSeconds && !p.Pass) ?? false;
            svg.Append(Invariant(
                $"<circle cx=\"{X(point.TauSeconds):0.##}\" cy=\"{Y(point.Nanoseconds):0.##}\" r=\"3\" fill=\"{(fails ? "#c62828" : "#1565c0")}\"><title>τ {point.TauSeconds:0.####} s: {point.Nanoseconds:0.###} ns</title></circle>"));
        }

        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 2}\" font-size=\"11\">{Math.Pow(10, tLo):0.####} s</text>"));
        svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{Height - 2}\" font-size=\"11\" text-anchor=\"end\">{Math.Pow(10, tHi):0.#} s</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string kind, string clock, string title)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"{kind}\" data-clock=\"{E(clock)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">"));
        svg.Append(Invariant($"<title>{E(title)}</title>"));
        return svg;
    }

    private static string E(string text) => Html.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
