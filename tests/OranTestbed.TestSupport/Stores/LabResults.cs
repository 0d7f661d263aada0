using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Results.Model;

namespace OranTestbed.TestSupport.Stores;

/// <summary>
/// Results of the shipped plan's executions (testplans/), recorded as the orchestrator records them: the subject of the
/// planned execution, every metric of the case measured and judged by the plan's own criterion. A metric not given is
/// measured right at its threshold (which meets it). Shared by the readiness specs of Results, Cli and Server.
/// </summary>
public static class LabResults
{
    public static TestPlan Plan { get; } = TestPlanLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans"));

    private static readonly Dictionary<string, CampaignExpansion> Expansions = new(StringComparer.Ordinal);

    /// <param name="software">Software versions replacing the lab's, by product id ("xylem/xd-100" → "5.4.0").</param>
    /// <param name="judgedOnCase">Judge on the case's own thresholds (an import, a run before the operator tightened
    /// them) instead of the operator's.</param>
    public static ExecutionResult Result(string runId, string operatorProfile, string band, string caseId, string oDu, string oRu,
        string? oCu = null, IReadOnlyDictionary<string, decimal>? measured = null, IReadOnlyDictionary<string, string>? software = null,
        bool judgedOnCase = false, Verdict? verdict = null)
    {
        var execution = Expansion(operatorProfile).Executions.Single(e => e.Setup.Band.Id == band && e.Case.Id == caseId
            && e.Products.ODu.Id == oDu && e.Products.ORu.Id == oRu && e.Products.OCu?.Id == oCu);
        var subject = ExecutionSubject.Of(execution);
        subject = subject with
        {
            Products = [.. subject.Products.Select(p => software?.GetValueOrDefault(p.Id) is { } v ? p with { Software = v } : p)],
        };
        var metrics = (judgedOnCase ? execution.Case.Case.Metrics : execution.Case.Metrics)
            .Select(m => Judged(m, measured is not null && measured.TryGetValue(m.Id, out decimal v) ? v : AtThreshold(m.Threshold)))
            .ToImmutableArray();
        var outcome = verdict ?? (metrics.Any(m => m.Verdict == Verdict.Fail) ? Verdict.Fail : Verdict.Pass);
        ImmutableArray<string> reasons = outcome == Verdict.Pass ? [] : [$"{caseId} did not pass"];
        return new ExecutionResult(runId, execution.Id, subject,
            new VerdictRecord(outcome, 1, false, reasons, "emulated", TimeSpan.FromSeconds(2)), metrics);
    }

    public static CampaignExpansion Expansion(string operatorProfile)
    {
        lock (Expansions)
        {
            if (!Expansions.TryGetValue(operatorProfile, out var expansion))
            {
                expansion = CampaignExpander.Expand(Plan, new Campaign
                {
                    Id = "lab-results", Operators = [operatorProfile], Cases = CaseSelection.Everything,
                });
                Expansions[operatorProfile] = expansion;
            }

            return expansion;
        }
    }

    private static MetricRecord Judged(Metric metric, decimal value) =>
        new(metric.Id, PlanNames.Of(metric.Source), Units.Of(metric.Unit), value, metric.Threshold.ToString(),
            metric.Threshold.IsMet(value) ? Verdict.Pass : Verdict.Fail);

    private static decimal AtThreshold(MetricThreshold threshold) => threshold.Comparison switch
    {
        Comparison.Less => threshold.Value - 1,
        Comparison.Greater => threshold.Value + 1,
        _ => threshold.Value,
    };
}
