using System.Collections.Immutable;
using OranTestbed.Analysis.Reports;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Orchestration.TestRuns;

/// <summary>
/// The metrics the fronthaul analyzer measures, by the ids the case library uses (<c>testplans/iot/cases</c>). A metric
/// id not listed here is not measured by the analyzer, and its case's verdict is INCONCLUSIVE on that metric.
/// </summary>
internal static class AnalyzerMetrics
{
    public static bool TryMeasure(string metricId, AnalysisReport report, out decimal value, out string? note)
    {
        note = null;
        value = 0;
        switch (metricId)
        {
            case "malformed-ratio":
                value = Ratio(report.Packets.Malformed, report.Packets.Total);
                return true;
            case "late-ratio" or "early-ratio":
                long late = 0, early = 0, all = 0;
                foreach (var window in report.Timing.Windows)
                {
                    if (window.Checked)
                    {
                        late += window.Offsets.Late;
                        early += window.Offsets.Early;
                        all += window.Offsets.Total;
                    }
                }

                if (all == 0)
                {
                    note = report.Timing.NotCheckedReason ?? "no message was checked against a delay window";
                    return false;
                }

                value = Ratio(metricId == "late-ratio" ? late : early, all);
                return true;
            case "lost-ratio":
                value = Ratio(report.Sequence.Lost, report.Sequence.Received + report.Sequence.Lost);
                return true;
            case "ptp-findings":
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

                return metricId == "prach-lost-ratio"
                    ? PrachLost(report, prach, out value, out note)
                    : PrachLate(report, prach, out value, out note);
            default:
                note = $"the analyzer does not measure '{metricId}'";
                return false;
        }
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

    private static decimal Ratio(long part, long whole) => whole == 0 ? 0 : (decimal)part / whole;
}
