using OranTestbed.Analysis.Reports;

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
            default:
                note = $"the analyzer does not measure '{metricId}'";
                return false;
        }
    }

    private static decimal Ratio(long part, long whole) => whole == 0 ? 0 : (decimal)part / whole;
}
