namespace OranTestbed.Results.Model;

/// <summary>
/// One pass over a campaign: who ran it (<see cref="Origin"/>: <c>local</c> for our orchestrator, <c>import</c> for an
/// O-RAN results file), the plan hash, when it started and finished (null while running) and whether it was aborted.
/// </summary>
public sealed record RunInfo(string RunId, string CampaignId, string PlanHash, DateTimeOffset StartedAt)
{
    public const string LocalOrigin = "local";

    public const string ImportOrigin = "import";

    public string? CampaignDescription { get; init; }

    public string Origin { get; init; } = LocalOrigin;

    public DateTimeOffset? FinishedAt { get; init; }

    public bool Aborted { get; init; }
}
