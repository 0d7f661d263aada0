using Microsoft.Extensions.Logging;
using OranTestbed.Orchestration.Benches;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Orchestration.Campaigns;

/// <summary>What a coordinator needs besides its run id: where evidence goes, how benches get their equipment, test-run
/// timeouts, attempts per execution, and the loggers.</summary>
public sealed record CoordinatorSettings(string RunFolder, IBenchEquipment Equipment, TestRunSettings TestRun,
    ILoggerFactory Loggers)
{
    /// <summary>Attempts per execution: one plus the case's declared retries.</summary>
    public Func<Execution, int> MaxAttempts { get; init; } = _ => 1;

    /// <summary>The campaign as its file's text, for benches on cluster agents (they expand it themselves).</summary>
    public Cluster.CampaignSource? Campaign { get; init; }

    /// <summary>How long an execution that no bench in service can host waits for one to join (a cluster agent, or one
    /// rejoining) before it is recorded as an ERROR; zero without a cluster.</summary>
    public TimeSpan BenchWait { get; init; } = TimeSpan.Zero;
}
