using OranTestbed.TestSupport;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>A campaign given by file beside a plan (what a cluster agent does with the coordinator's campaign text).</summary>
public class CampaignFileSpecs
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"oran-testbed-campaign-file-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void LoadCampaign_must_let_a_campaign_file_stand_in_for_the_plans_own_file_of_the_same_name()
    {
        string plans = Path.Combine(TestPaths.RepositoryRoot, "testplans");
        string text = File.ReadAllText(Path.Combine(plans, "campaigns", "demo.yaml"))
            .Replace("repetitions: 1", "repetitions: 2", StringComparison.Ordinal);
        string file = Path.Combine(_folder, "demo.yaml");
        File.WriteAllText(file, text);

        var (plan, campaign) = TestPlanLoader.LoadCampaign(file, plans);

        Assert.That(campaign.Id, Is.EqualTo("demo"));
        Assert.That(campaign.Repetitions, Is.EqualTo(2), "the campaign asked for, not the plan's own demo.yaml");
        Assert.That(plan.Campaigns.Count(c => c.Id == "demo"), Is.EqualTo(1));
        Assert.That(plan.FindCampaign("full"), Is.Not.Null, "the plan's other campaigns are still loaded");
    }
}
