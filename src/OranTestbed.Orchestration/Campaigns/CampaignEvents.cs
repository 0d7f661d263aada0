using System.Collections.Immutable;

namespace OranTestbed.Orchestration.Campaigns;

/// <summary>Events of a run's journal (Akka.Persistence): replayed on resume to rebuild what is done.</summary>
public interface ICampaignEvent;

/// <summary>The run was planned: its campaign, the plan's hash (a resume must expand to the same plan) and every
/// execution id it will run.</summary>
public sealed record RunStarted(string RunId, string CampaignId, string PlanHash, ImmutableArray<string> ExecutionIds,
    DateTimeOffset At) : ICampaignEvent;

/// <summary>An execution finished (with any verdict) and will not run again in this run.</summary>
public sealed record ExecutionRecorded(ExecutionRecord Record) : ICampaignEvent;

/// <summary>The run ended: every execution recorded, or stopped by the user.</summary>
public sealed record RunClosed(bool Aborted, DateTimeOffset At) : ICampaignEvent;
