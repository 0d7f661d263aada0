using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OranTestbed.Analysis.Timing;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// Checks the O-RU's rx-window counters (<c>measurement-result-stats</c>: RX_EARLY / RX_ON_TIME / RX_LATE for the DL
/// U-plane, the <c>_C</c> objects for the C-plane) against the analyzer's window classification of the same capture at
/// the O-RU tap (<see cref="ReceptionSeries"/>), interval by interval. Judged here only, for the orchestrator and any
/// other caller alike; the case metric is <see cref="MetricId"/>.
/// <para>
/// <b>Which intervals.</b> An O-RU interval is evaluated when the capture covers it: its first message is at most
/// <see cref="EdgeSlackNs"/> after the interval starts and its last at most that before it ends (100 µs, more than a
/// µ=0 symbol: continuous traffic leaves no longer gap, and what a capture starting or stopping between two symbols at
/// an edge can miss is within the tolerance). The first and last intervals of a capture starting and stopping
/// mid-interval, as real recordings do, are "not evaluated"; so is every interval when the capture was not taken at the
/// O-RU tap. When no interval is evaluated the check is INCONCLUSIVE with the reason, never PASS.
/// </para>
/// <para>
/// <b>Grid.</b> The analyzer counts on its own grid (whole seconds by default). An O-RU interval on that grid is compared
/// with the sum of the grid intervals inside it; one whose edges fall inside grid intervals is bounded below by the grid
/// intervals wholly inside and above by those overlapping, and agrees when its count lies within those bounds.
/// </para>
/// <para>
/// <b>Tolerance.</b> Per plane and counter (early, on time, late): |capture − O-RU| ≤ max(<see cref="MinimumTolerance"/>,
/// ⌈<see cref="RelativeTolerance"/> × the plane's messages in the interval⌉), i.e. max(2, 0.1 %). The tap does not stamp
/// a message at the instant the O-RU's port sees it: the cable or switch between them (tens of ns to a few µs, the
/// bench's to calibrate), the tap's and the O-RU's timestamp granularity (8 ns .. 1 µs) and their clocks' residual
/// time error move a message lying at a window edge to the other side, and one at an interval edge into the neighbour
/// interval (the O-RU's reports carry millisecond times). At a few messages per edge crossing that is a handful per
/// interval, and a small share of a busy one; a counter under-reporting by one message in a thousand is not distinguished
/// from that. Missing or doubled counts (an O-RU reporting half its late messages) are far outside it.
/// </para>
/// </summary>
public static class ReceptionCounterCheck
{
    /// <summary>The case metric (source <c>o-ru-counters</c>, unit boolean): the O-RU's counters agree with the capture.</summary>
    public const string MetricId = "rx-counters-agree";

    public const long EdgeSlackNs = 100_000;
    public const long MinimumTolerance = 2;
    public const decimal RelativeTolerance = 0.001m;

    public static string ToleranceText => "|capture − O-RU| ≤ max(2, 0.1 % of the interval's messages of the plane)";

    /// <summary>The tolerance for an interval with <paramref name="messages"/> messages of a plane.</summary>
    public static long Tolerance(long messages) =>
        Math.Max(MinimumTolerance, (long)Math.Ceiling(messages * RelativeTolerance));

    public static ReceptionComparison Compare(ReceptionSeries series, IReadOnlyList<DeviceReceptionInterval> reported)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(reported);
        var rows = ImmutableArray.CreateBuilder<ReceptionIntervalComparison>(reported.Count);
        foreach (var interval in reported.OrderBy(i => i.StartNs))
        {
            rows.Add(CompareOne(series, interval));
        }

        var intervals = rows.MoveToImmutable();
        var disagreeing = intervals.Where(i => i.Verdict == Verdict.Fail).ToList();
        int agreeing = intervals.Count(i => i.Verdict == Verdict.Pass);
        if (disagreeing.Count > 0)
        {
            return new ReceptionComparison(Verdict.Fail, Invariant(
                $"the O-RU's rx-window counters disagree with the capture in {disagreeing.Count} of {intervals.Length} intervals: ")
                + string.Join("; ", disagreeing.Select(i => $"{Span(i.Reported)} {i.Detail}")), intervals);
        }

        if (agreeing > 0)
        {
            return new ReceptionComparison(Verdict.Pass, Invariant(
                $"the O-RU's rx-window counters agree with the capture in {agreeing} intervals ({intervals.Length - agreeing} not evaluated; {ToleranceText})"),
                intervals);
        }

        string reason = reported.Count == 0 ? "the O-RU reported no rx-window interval (measurement-result-stats)"
            : !series.Available ? series.NotAvailableReason!
            : Invariant($"none of the O-RU's {intervals.Length} rx-window intervals lies within the capture ({CaptureSpan(series)})");
        return new ReceptionComparison(Verdict.Inconclusive, reason, intervals);
    }

    /// <summary>One line per O-RU interval: O-RU says / capture shows / verdict, for the case report.</summary>
    public static IEnumerable<string> Describe(ReceptionComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        foreach (var row in comparison.Intervals)
        {
            var line = new StringBuilder(Span(row.Reported)).Append(": O-RU says ").Append(Counts(row.Reported.UPlane, row.Reported.CPlane));
            line.Append("; capture shows ");
            if (row.CaptureLow is { } low && row.CaptureHigh is { } high)
            {
                line.Append(low == high || (low.UPlane == high.UPlane && low.CPlane == high.CPlane)
                    ? Counts(low.UPlane, low.CPlane)
                    : Counts(low.UPlane, low.CPlane) + " .. " + Counts(high.UPlane, high.CPlane));
            }
            else
            {
                line.Append('-');
            }

            line.Append("; ").Append(row.Verdict switch
            {
                Verdict.Pass => "agree",
                Verdict.Fail => "DISAGREE",
                _ => "not evaluated",
            });
            if (row.Detail.Length > 0)
            {
                line.Append(" (").Append(row.Detail).Append(')');
            }

            yield return line.ToString();
        }
    }

    private static ReceptionIntervalComparison CompareOne(ReceptionSeries series, DeviceReceptionInterval interval)
    {
        if (interval.EndNs <= interval.StartNs)
        {
            return new(interval, null, null, Verdict.Inconclusive, "the O-RU's interval ends before it starts");
        }

        if (!series.Available || series.FirstNs is not { } first || series.LastNs is not { } last)
        {
            return new(interval, null, null, Verdict.Inconclusive, series.NotAvailableReason ?? "no message was timed");
        }

        ReceptionCounts lowU = default, lowC = default, highU = default, highC = default;
        foreach (var bucket in series.Intervals)
        {
            if (bucket.EndNs <= interval.StartNs || bucket.StartNs >= interval.EndNs)
            {
                continue;
            }

            highU += bucket.UPlane;
            highC += bucket.CPlane;
            if (bucket.StartNs >= interval.StartNs && bucket.EndNs <= interval.EndNs)
            {
                lowU += bucket.UPlane;
                lowC += bucket.CPlane;
            }
        }

        var low = new ReceptionInterval(interval.StartNs, interval.EndNs, lowU, lowC);
        var high = new ReceptionInterval(interval.StartNs, interval.EndNs, highU, highC);
        if (first > interval.StartNs + EdgeSlackNs || last < interval.EndNs - EdgeSlackNs)
        {
            return new(interval, low, high, Verdict.Inconclusive, "not within the capture: the capture shows only part of it");
        }

        if (interval.UPlane is null && interval.CPlane is null)
        {
            return new(interval, low, high, Verdict.Inconclusive, "the O-RU reported neither RX_EARLY/RX_ON_TIME/RX_LATE nor their _C objects");
        }

        var disagreements = new List<string>();
        if (interval.UPlane is { } u)
        {
            Check("U-plane", u, lowU, highU, disagreements);
        }

        if (interval.CPlane is { } c)
        {
            Check("C-plane", c, lowC, highC, disagreements);
        }

        return disagreements.Count == 0
            ? new(interval, low, high, Verdict.Pass, interval.CPlane is null ? "U-plane only: the O-RU did not report the _C objects" : string.Empty)
            : new(interval, low, high, Verdict.Fail, string.Join(", ", disagreements));
    }

    private static void Check(string plane, ReceptionCounts oru, ReceptionCounts low, ReceptionCounts high, List<string> disagreements)
    {
        long tolerance = Tolerance(high.Total);
        string suffix = plane == "C-plane" ? "_C" : string.Empty;
        Counter($"RX_EARLY{suffix}", oru.Early, low.Early, high.Early);
        Counter($"RX_ON_TIME{suffix}", oru.OnTime, low.OnTime, high.OnTime);
        Counter($"RX_LATE{suffix}", oru.Late, low.Late, high.Late);

        void Counter(string name, long said, long shownLow, long shownHigh)
        {
            if (said < shownLow - tolerance || said > shownHigh + tolerance)
            {
                string shown = shownLow == shownHigh ? Invariant($"{shownLow}") : Invariant($"{shownLow}..{shownHigh}");
                disagreements.Add(Invariant($"{name}: O-RU {said}, capture {shown} (tolerance {tolerance})"));
            }
        }
    }

    private static string Counts(ReceptionCounts? uplane, ReceptionCounts? cplane)
    {
        var text = new StringBuilder();
        if (uplane is { } u)
        {
            text.Append(Invariant($"U-plane early {u.Early} / on time {u.OnTime} / late {u.Late}"));
        }

        if (cplane is { } c)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(Invariant($"C-plane early {c.Early} / on time {c.OnTime} / late {c.Late}"));
        }

        return text.Length > 0 ? text.ToString() : "nothing";
    }

    /// <summary>[start, end) as UTC times with milliseconds (the O-RU's own resolution).</summary>
    public static string Span(DeviceReceptionInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return $"[{Time(interval.StartNs)}, {Time(interval.EndNs)})";
    }

    private static string CaptureSpan(ReceptionSeries series) => series is { FirstNs: { } first, LastNs: { } last }
        ? $"{Time(first)} .. {Time(last)}"
        : "no message timed";

    private static string Time(long ns) =>
        DateTimeOffset.UnixEpoch.AddTicks(ns / 100).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
