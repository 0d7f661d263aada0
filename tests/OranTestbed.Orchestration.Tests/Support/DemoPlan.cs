using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Lab;
using OranTestbed.TestSupport;

namespace OranTestbed.Orchestration.Tests.Support;

/// <summary>Executions of the shipped demo campaign (testplans/campaigns/demo.yaml), and a short case to run them with.</summary>
public static class DemoPlan
{
    private static readonly Lazy<(TestPlan Plan, Campaign Campaign)> Loaded = new(() =>
        TestPlanLoader.LoadCampaign(Path.Combine(TestPaths.RepositoryRoot, "testplans", "campaigns", "demo.yaml")));

    private static readonly Lazy<CampaignExpansion> Expansion = new(() =>
        CampaignExpander.Expand(Loaded.Value.Plan, Loaded.Value.Campaign));

    /// <summary>The shipped plan (testplans/): lab, personalities, cases.</summary>
    public static TestPlan Plan => Loaded.Value.Plan;

    public static ImmutableArray<Execution> Executions => Expansion.Value.Executions;

    /// <summary>The demo campaign expanded.</summary>
    public static CampaignExpansion Expanded => Expansion.Value;

    /// <summary>The first <paramref name="count"/> demo executions, each running <see cref="ShortCase"/>.</summary>
    public static ImmutableArray<Execution> Quick(int count) =>
        [.. Executions.Take(count).Select(e => e with { Case = ShortCase(e.Case), After = [] })];

    /// <summary>Configure, start, capture 10 ms, analyze, read the O-RU counters, stop; malformed-ratio &lt;= 0 and
    /// rx-late &lt;= 0.</summary>
    public static PlannedCase ShortCase(PlannedCase original) => original with
    {
        Procedure =
        [
            ConfigureStep.Default, new StartTrafficStep(TrafficDirection.Both, 1m), new CaptureStep(TimeSpan.FromMilliseconds(10)),
            AnalyzeStep.Instance, new QueryCountersStep(ProductRole.ORu, ["rx-late"]), StopTrafficStep.Instance,
        ],
        Metrics = [Metric("malformed-ratio", MetricUnit.Ratio, MetricSource.Analyzer, "<= 0"),
            Metric("rx-late", MetricUnit.Count, MetricSource.ORuCounters, "<= 0")],
        ExpectedDuration = TimeSpan.FromSeconds(1),
    };

    public static Bench EmulatedBench(string id) => new(id, null, BenchKind.Emulated, [], null, CaptureTap.Du);

    public static Metric Metric(string id, MetricUnit unit, MetricSource source, string threshold)
    {
        if (!MetricThreshold.TryParse(threshold, unit, out var parsed, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return new Metric(id, id, unit, source, parsed);
    }
}
