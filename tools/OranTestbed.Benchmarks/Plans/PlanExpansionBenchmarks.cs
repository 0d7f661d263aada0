using BenchmarkDotNet.Attributes;
using OranTestbed.Plans;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Benchmarks.Plans;

/// <summary>
/// Issue 5's scale requirement: a campaign of 10 vendors per role, 6 bands, 4 operator profiles and 40 cases must load,
/// validate and expand in well under a second (<see cref="ScalePlan"/>). One operation = one whole load (every YAML file
/// read, parsed and cross-checked), one expansion, or both.
/// </summary>
[MemoryDiagnoser]
public class PlanExpansionBenchmarks
{
    private string _directory = "";
    private TestPlan _plan = null!;
    private Campaign _campaign = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-scale-plan-{Environment.ProcessId}");
        ScalePlan.Write(_directory);
        _plan = TestPlanLoader.Load(_directory);
        _campaign = _plan.FindCampaign("scale")!;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public TestPlan LoadAndValidate() => TestPlanLoader.Load(_directory);

    [Benchmark]
    public CampaignExpansion Expand() => CampaignExpander.Expand(_plan, _campaign);

    [Benchmark]
    public int LoadValidateAndExpand()
    {
        var plan = TestPlanLoader.Load(_directory);
        return CampaignExpander.Expand(plan, plan.FindCampaign("scale")!).Executions.Length;
    }
}
