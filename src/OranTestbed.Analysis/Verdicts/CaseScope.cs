using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Analysis.Reports;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// How a case judges an analysis, the same for the orchestrator that ran it and the server that re-analyses its uploaded
/// evidence. A case without analyzer metrics takes the analysis verdict as it is. A case that names analyzer metrics
/// (<see cref="AnalyzerMetrics"/>) is judged by them: each met is PASS, each missed FAIL, each the analysis cannot feed
/// INCONCLUSIVE with the reason; evidence too thin for any judgement (no C/U-plane traffic, a capture cut short) is
/// INCONCLUSIVE whatever the metrics, and so is any PASS of a capture that dropped frames; the analysis' other findings are outside the case's scope (a negative case expects
/// late messages, a compression case does not judge timing) and are listed as such, never silently dropped.
/// </summary>
public static class CaseScope
{
    public static CaseAnalysis Judge(AnalysisReport report, IReadOnlyList<AnalyzerCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0)
        {
            return new CaseAnalysis(report.Verdict, [], []);
        }

        var verdict = new VerdictBuilder();
        string? drops = SampleVerdict.CompletenessReason(report.Completeness);
        if (drops is not null)
        {
            verdict.AddContext(drops); // a share measured on what was captured may still FAIL, never PASS
            verdict.UpgradeVerdict(Verdict.Inconclusive, drops);
        }

        if (SampleVerdict.NoTrafficReason(report.Packets) is { } noTraffic)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, noTraffic);
        }

        if (report.Completeness.CutShort is { } cut)
        {
            verdict.UpgradeVerdict(Verdict.Inconclusive, cut);
        }

        var metrics = ImmutableArray.CreateBuilder<AnalyzerMetricResult>(criteria.Count);
        foreach (var criterion in criteria)
        {
            var result = Measure(criterion, report);
            metrics.Add(result);
            verdict.UpgradeVerdict(result.Verdict, result.Verdict switch
            {
                Verdict.Pass => Invariant($"{criterion.MetricId} = {Format(result.Measured!.Value)} meets {criterion.Threshold}"),
                Verdict.Fail => Invariant($"{criterion.MetricId} = {Format(result.Measured!.Value)} does not meet {criterion.Threshold}"),
                _ => $"{criterion.MetricId} not measured: {result.Note}",
            });
        }

        var outOfScope = report.Verdict.Value is Verdict.Pass or Verdict.NotSet
            ? ImmutableArray<string>.Empty
            : [.. report.Verdict.Reasons.Where(r => r != drops)];
        return new CaseAnalysis(verdict.Build(), metrics.MoveToImmutable(), outOfScope);
    }

    private static AnalyzerMetricResult Measure(AnalyzerCriterion criterion, AnalysisReport report)
    {
        if (!AnalyzerMetrics.TryMeasure(criterion.MetricId, report, out decimal value, out string? note))
        {
            return new AnalyzerMetricResult(criterion.MetricId, null, criterion.Threshold, Verdict.Inconclusive, note);
        }

        return new AnalyzerMetricResult(criterion.MetricId, value, criterion.Threshold,
            criterion.IsMet(value) ? Verdict.Pass : Verdict.Fail, null);
    }

    private static string Format(decimal value) => Math.Round(value, 6).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
