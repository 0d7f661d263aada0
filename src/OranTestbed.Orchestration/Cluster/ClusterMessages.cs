using Akka.Actor;

namespace OranTestbed.Orchestration.Cluster;

/// <summary>
/// Marker of the messages that cross hosts between an agent and the coordinator's bench registry. They carry ids and
/// plain values only: an agent loads the same plan directory and expands the campaign itself (execution ids are
/// content hashes, so both sides agree on what an id means).
/// </summary>
public interface IClusterMessage;

/// <summary>Agent → registry: the agent serves bench <paramref name="BenchId"/> through <paramref name="Bench"/>.</summary>
public sealed record OfferBench(string BenchId, IActorRef Bench) : IClusterMessage;

/// <summary>Registry → agent: the bench is in the coordinator's pool.</summary>
public sealed record BenchAccepted(string BenchId) : IClusterMessage;

/// <summary>Registry → agent: the bench cannot join (unknown to the coordinator's lab, or already served elsewhere).</summary>
public sealed record BenchRefused(string BenchId, string Reason) : IClusterMessage;

/// <summary>Coordinator → a bench on an agent: run execution <paramref name="ExecutionId"/> of campaign
/// <paramref name="Campaign"/>, as <see cref="Benches.RunExecution"/> does for a local bench.</summary>
public sealed record RunRemoteExecution(string RunId, CampaignSource Campaign, string ExecutionId, int MaxAttempts,
    string EvidenceFolder) : IClusterMessage;

/// <summary>Coordinator → registry (same host): send me every offered bench, now and later, as
/// <see cref="Campaigns.RegisterBench"/>.</summary>
public sealed record SubscribeBenches(IActorRef Coordinator);
