using System.Collections.Immutable;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Runs;

/// <summary>One run to perform (or resume): the expanded campaign, which of its executions, the benches and their
/// equipment, and where results go (<c>RESULTS/journal.db</c>, <c>RESULTS/results.db</c>, <c>RESULTS/runs/RUN-ID/</c>).</summary>
public sealed record RunRequest(string RunId, CampaignExpansion Expansion, ImmutableArray<Execution> Executions,
    ImmutableArray<Bench> Benches, IBenchEquipment Equipment, string ResultsDirectory)
{
    public TestRunSettings TestRun { get; init; } = new();

    /// <summary>The campaign file's text, which agents expand (required with <see cref="Cluster"/>).</summary>
    public Cluster.CampaignSource? Campaign { get; init; }

    /// <summary>Agents may join this run and offer benches; null runs on the local benches only.</summary>
    public Cluster.CoordinatorCluster? Cluster { get; init; }

    public string RunFolder => Path.Combine(ResultsDirectory, "runs", RunId);

    public string JournalFile => Path.Combine(ResultsDirectory, "journal.db");

    /// <summary>The results store every run of this results folder records into (SQLite, artifacts beside it).</summary>
    public string ResultsFile => Path.Combine(ResultsDirectory, "results.db");

    /// <summary>The plan the run executes: its execution ids (content hashes of what is tested), hashed.</summary>
    public string PlanHash => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', Executions.Select(e => e.Id)))))[..16];
}
