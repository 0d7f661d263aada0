using System.Collections.Concurrent;
using System.Collections.Immutable;
using OranTestbed.Plans;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// An agent's view of the campaigns it is asked to run: each campaign text is expanded once against the agent's plan
/// directory, and executions are found by their content-hash ids. An id the agent's expansion does not have means the
/// two hosts' plans differ, which is reported rather than guessed around.
/// <para>
/// Every bench actor of an agent shares one instance: each campaign text is expanded exactly once (a
/// <see cref="Lazy{T}"/> per text in a concurrent map, so two benches asking at once neither race on the map nor write
/// the scratch file twice), and what is kept is immutable.
/// </para>
/// </summary>
internal sealed class AgentCampaigns(string planDirectory, string scratchDirectory)
{
    private readonly ConcurrentDictionary<string, Lazy<(ImmutableDictionary<string, Execution>? Executions, string? Error)>> _expanded =
        new(StringComparer.Ordinal);

    public Execution? Find(CampaignSource campaign, string executionId, out string? error)
    {
        var (executions, failure) = _expanded.GetOrAdd(campaign.Hash, _ => new(() =>
        {
            var expanded = Expand(campaign, out string? why);
            return (expanded, why);
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        error = failure;
        if (executions is null)
        {
            return null;
        }

        if (executions.TryGetValue(executionId, out var execution))
        {
            return execution;
        }

        error = $"execution {executionId} is not in this agent's expansion of campaign {campaign.Id} "
                + $"(plan {Path.GetFullPath(planDirectory)}): the coordinator's and the agent's plans differ";
        return null;
    }

    private ImmutableDictionary<string, Execution>? Expand(CampaignSource campaign, out string? error)
    {
        // The loader reads files: the campaign goes beside the others under its own id, in a folder per text.
        var folder = Path.Combine(scratchDirectory, campaign.Hash);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, campaign.Id + ".yaml");
        File.WriteAllText(file, campaign.Yaml);
        try
        {
            var (plan, loaded) = TestPlanLoader.LoadCampaign(file, planDirectory);
            error = null;
            return CampaignExpander.Expand(plan, loaded).Executions.ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);
        }
        catch (PlanValidationException e)
        {
            error = $"campaign {campaign.Id} does not load against this agent's plan: "
                    + string.Join("; ", e.Errors.Take(3).Select(x => x.ToString()));
            return null;
        }
    }
}
