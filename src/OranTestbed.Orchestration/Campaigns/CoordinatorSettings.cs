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
}
