using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>A run as the API shows it.</summary>
public sealed record RunDto(string RunId, string CampaignId, string? CampaignDescription, string PlanHash, string Origin,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Aborted, string Href)
{
    public static RunDto Of(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunDto(run.RunId, run.CampaignId, run.CampaignDescription, run.PlanHash, run.Origin, run.StartedAt, run.FinishedAt,
            run.Aborted, ApiPaths.Run(run.RunId));
    }
}
