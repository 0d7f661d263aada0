using System.Collections.Immutable;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Timing;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// The metrics a case can read from an analysis, by the ids the case library uses (<c>testplans/iot/cases</c>):
/// <list type="bullet">
/// <item><c>WINDOW.late-ratio</c> / <c>WINDOW.early-ratio</c> for each delay window (<c>t2a-up.late-ratio</c>,
/// <c>ta3.early-ratio</c>, …: the window's YANG stem), so a T2a-up failure never reads like a Ta3 one; the pooled
/// <c>late-ratio</c>/<c>early-ratio</c> over every checked window only for cases that ask for them;</item>
/// <item><c>malformed-ratio</c>, <c>lost-ratio</c>, <c>ptp-findings</c>, <c>clipped-ratio</c>, <c>st3-messages</c>,
/// <c>st6-messages</c>, <c>prach-lost-ratio</c>, <c>prach-late-ratio</c>;</item>
/// <item><c>te-max-abs</c> and <c>te-two-way-mean</c> (ns): the PTP masters' two-way time error at the tap (issue 17;
/// the worst master when there are several), not measured when no master's time error could be evaluated.</item>
/// </list>
/// A metric that the analysis cannot feed (window not checked at this tap, IQ not collected, frames dropped for a
/// loss metric) is not measured, with the reason: the case is INCONCLUSIVE on it, never PASS.
/// </summary>
public static class AnalyzerMetrics
{
    private const string LateSuffix = ".late-ratio";
    private const string EarlySuffix = ".early-ratio";

    public static bool TryMeasure(string metricId, AnalysisReport report, out decimal value, out string? note)
    {
        ArgumentNullException.ThrowIfNull(metricId);
        ArgumentNullException.ThrowIfNull(report);
        note = null;
        value = 0;
        if (TryWindowMetric(metricId, out var window, out bool late))
        {
            return WindowRatio(report, window, late, out value, out note);
        }

        switch (metricId)
        {
            case "malformed-ratio":
                value = Ratio(report.Packets.Malformed, report.Packets.Total);
                return true;
            case "late-ratio" or "early-ratio":
                return PooledRatio(report, metricId == "late-ratio", out value, out note);
            case "lost-ratio":
                if (LossHiddenByDrops(report, out note))
                {
                    return false;
                }

                value = Ratio(report.Sequence.Lost, report.Sequence.Received + report.Sequence.Lost);
                return true;
            case "ptp-findings":
                if (LossHiddenByDrops(report, out note))
                {
                    return false;
                }

                value = report.Findings.Where(f => f.Rule.Family == "PTP").Sum(f => f.Count);
                return true;
            case "clipped-ratio":
                if (!report.Iq.Enabled)
                {
                    note = "IQ statistics were not collected";
                    return false;
                }

                long samples = report.Iq.PerFlow.Sum(f => f.Samples);
                value = Ratio(report.Iq.PerFlow.Sum(f => f.Clipped), samples);
                return true;
            case "st3-messages" or "st6-messages":
                var type = metricId == "st3-messages" ? CPlaneSectionType.Prach : CPlaneSectionType.ChannelInformation;
                value = report.CPlaneSectionTypes.Where(t => t.SectionType == type).Sum(t => t.Messages);
                return true;
            case "prach-lost-ratio" or "prach-late-ratio":
                var prach = report.CPlaneSectionTypes.FirstOrDefault(t => t.SectionType == CPlaneSectionType.Prach)?.Eaxcs ?? [];
                if (prach.IsEmpty)
                {
                    note = "no PRACH (section type 3) C-plane was seen";
                    return false;
                }

                if (metricId == "prach-lost-ratio")
                {
                    return !LossHiddenByDrops(report, out note) && PrachLost(report, prach, out value, out note);
                }

                return PrachLate(report, prach, out value, out note);
            case "te-max-abs" or "te-two-way-mean":
                return TimeError(report, metricId == "te-max-abs", out value, out note);
            default:
                note = $"the analyzer does not measure '{metricId}'";
                return false;
        }
    }

    /// <summary>True when one of the metrics needs the IQ samples decompressed (<c>analyze --iq</c>).</summary>
    public static bool NeedIq(IEnumerable<string> metricIds) => metricIds.Contains("clipped-ratio", StringComparer.Ordinal);

    /// <summary>True for the ids <see cref="TryMeasure"/> knows (a case naming another one is a plan error).</summary>
    public static bool IsKnown(string metricId) =>
        TryWindowMetric(metricId, out _, out _)
        || metricId is "malformed-ratio" or "late-ratio" or "early-ratio" or "lost-ratio" or "ptp-findings"
            or "clipped-ratio" or "st3-messages" or "st6-messages" or "prach-lost-ratio" or "prach-late-ratio"
            or "te-max-abs" or "te-two-way-mean";

    /// <summary>The window of a <c>WINDOW.late-ratio</c> / <c>WINDOW.early-ratio</c> id.</summary>
    public static bool TryWindowMetric(string metricId, out DelayWindow window, out bool late)
    {
        ArgumentNullException.ThrowIfNull(metricId);
        late = metricId.EndsWith(LateSuffix, StringComparison.Ordinal);
        bool early = metricId.EndsWith(EarlySuffix, StringComparison.Ordinal);
        window = default;
        if (!late && !early)
        {
            return false;
        }

        return DelayWindows.TryParse(metricId[..^(late ? LateSuffix.Length : EarlySuffix.Length)], out window);
    }

    /// <summary>The worst evaluated master's max|TE| or two-way mean (largest magnitude), in ns.</summary>
    private static bool TimeError(AnalysisReport report, bool maxAbs, out decimal value, out string? note)
    {
        value = 0;
        var masters = report.Ptp.Clocks.Where(c => c.TimeError.IsMaster).ToList();
        var evaluated = masters.Where(c => c.TimeError.Evaluated).Select(c => maxAbs ? c.TimeError.MaxAbsTwoWayNs : c.TimeError.TwoWayMeanNs)
            .OfType<double>().ToList();
        if (evaluated.Count == 0)
        {
            note = masters.Count == 0
                ? "no PTP master (no Sync) was seen at the tap"
                : "no PTP master's time error could be evaluated: " + string.Join("; ", masters.Select(m => m.TimeError.Reason).Distinct());
            return false;
        }

        note = null;
        value = (decimal)evaluated.MaxBy(Math.Abs);
        return true;
    }

    private static bool WindowRatio(AnalysisReport report, DelayWindow window, bool late, out decimal value, out string? note)
    {
        value = 0;
        var found = report.Timing.Windows.FirstOrDefault(w => w.Window == window);
        if (found is null)
        {
            note = report.Timing.NotCheckedReason
                ?? $"{TimingWindows.Name(window)} is not judged at the {TapName(report.Timing.Tap)} tap";
            return false;
        }

        if (!found.Checked || found.Offsets.Total == 0)
        {
            note = found.Checked ? $"no message was judged in {found.Name}" : $"{found.Name} not checked: {found.Reason}";
            return false;
        }

        note = null;
        value = Ratio(late ? found.Offsets.Late : found.Offsets.Early, found.Offsets.Total);
        return true;
    }

    private static bool PooledRatio(AnalysisReport report, bool late, out decimal value, out string? note)
    {
        long count = 0, all = 0;
        foreach (var window in report.Timing.Windows)
        {
            if (window.Checked)
            {
                count += late ? window.Offsets.Late : window.Offsets.Early;
                all += window.Offsets.Total;
            }
        }

        note = all == 0 ? report.Timing.NotCheckedReason ?? "no message was checked against a delay window" : null;
        value = Ratio(count, all);
        return all > 0;
    }

    /// <summary>A capture that dropped frames cannot tell lost messages from dropped ones.</summary>
    private static bool LossHiddenByDrops(AnalysisReport report, out string? note)
    {
        note = SampleVerdict.CompletenessReason(report.Completeness);
        return note is not null;
    }

    /// <summary>UL C-plane sections on the PRACH eAxCs that no UL U-plane answered, over those judged.</summary>
    private static bool PrachLost(AnalysisReport report, ImmutableArray<ushort> prach, out decimal value, out string? note)
    {
        var counts = report.Correlation.PerEaxc.Where(e => prach.Contains(e.Eaxc)).Select(e => e.Counts).ToList();
        long judged = counts.Sum(c => c.UlAnswered + c.UlOrphans);
        note = judged == 0 ? "no PRACH section could be judged" : null;
        value = Ratio(counts.Sum(c => c.UlOrphans), judged);
        return judged > 0;
    }

    /// <summary>UL U-plane messages on the PRACH eAxCs outside the tap's UL window (Ta3 at the O-RU, Ta4 at the O-DU).</summary>
    private static bool PrachLate(AnalysisReport report, ImmutableArray<ushort> prach, out decimal value, out string? note)
    {
        var offsets = report.Timing.Windows
            .Where(w => w.Checked && w.Window is DelayWindow.Ta3 or DelayWindow.Ta4)
            .SelectMany(w => w.PerEaxc).Where(e => prach.Contains(e.Eaxc)).Select(e => e.Offsets).ToList();
        long all = offsets.Sum(o => o.Total);
        note = all == 0 ? report.Timing.NotCheckedReason ?? "no PRACH U-plane was checked against Ta3/Ta4" : null;
        value = Ratio(offsets.Sum(o => o.Early + o.Late), all);
        return all > 0;
    }

    private static string TapName(CaptureTap? tap) => tap switch
    {
        CaptureTap.Ru => "O-RU (ru)",
        CaptureTap.Du => "O-DU (du)",
        _ => "unknown",
    };

    private static decimal Ratio(long part, long whole) => whole == 0 ? 0 : (decimal)part / whole;
}
