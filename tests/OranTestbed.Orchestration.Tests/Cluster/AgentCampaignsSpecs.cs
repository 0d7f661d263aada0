using OranTestbed.Orchestration.Cluster;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.TestSupport;

namespace OranTestbed.Orchestration.Tests.Cluster;

/// <summary>The agent's campaigns, shared by all its bench actors: asked at once, each text is expanded once, with
/// the same plan directory the coordinator has (the README's two-host set-up).</summary>
public class AgentCampaignsSpecs
{
    [Test]
    public async Task AgentCampaigns_must_find_every_execution_when_benches_ask_at_once_beside_the_same_plan()
    {
        string plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        string scratch = Path.Combine(Path.GetTempPath(), $"oran-testbed-agent-campaigns-{Guid.NewGuid():N}");
        var campaign = CampaignSource.FromFile(Path.Combine(plans, "campaigns", "demo.yaml"));
        var (plan, demo) = TestPlanLoader.LoadCampaign(Path.Combine(plans, "campaigns", "demo.yaml"));
        var ids = CampaignExpander.Expand(plan, demo).Executions.Select(e => e.Id).ToList();
        var campaigns = new AgentCampaigns(plans, scratch);
        try
        {
            var found = await Task.WhenAll(ids.Concat(ids).Concat(ids).Select(id => Task.Run(() =>
                (Id: id, Execution: campaigns.Find(campaign, id, out string? error), Error: error))));

            Assert.That(found.Where(f => f.Execution?.Id != f.Id).Select(f => $"{f.Id}: {f.Error}"), Is.Empty);
            Assert.That(Directory.GetFiles(scratch, "*.yaml", SearchOption.AllDirectories), Has.Length.EqualTo(1),
                "one scratch copy of the campaign text");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
