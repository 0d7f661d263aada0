using System.Collections.Immutable;
using Akka.Actor;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Orchestration.Campaigns;

/// <summary>Marker of the campaign coordinator's protocol.</summary>
public interface ICampaignProtocol;

/// <summary>
/// Starts (or, when the run's journal already has it, resumes) a run of the expanded executions on the given benches.
/// Progress goes to <paramref name="Listener"/>; it ends with <see cref="RunCompleted"/>.
/// </summary>
public sealed record StartRun(string RunId, string CampaignId, string PlanHash, ImmutableArray<Execution> Executions,
    ImmutableArray<Bench> Benches, IActorRef Listener) : ICampaignProtocol;

/// <summary>Ctrl+C: stop starting executions, abort those in flight (their clean-up still runs), close the run.</summary>
public sealed record AbortRun(string Reason) : ICampaignProtocol;

/// <summary>A bench offers itself to the coordinator: a local <see cref="Benches.BenchActor"/>, or (<paramref name="Remote"/>)
/// a bench on a cluster agent, which is sent ids (<see cref="Cluster.RunRemoteExecution"/>) rather than plan objects.</summary>
public sealed record RegisterBench(Bench Bench, IActorRef BenchActor, bool Remote = false) : ICampaignProtocol;

/// <summary>To the listener: a bench joined the run (a cluster agent's, or one back after its host rejoined).</summary>
public sealed record BenchJoined(string RunId, string BenchId, string Host) : ICampaignProtocol;

/// <summary>To the listener: an execution was handed to a bench.</summary>
public sealed record ExecutionDispatched(string RunId, string ExecutionId, string BenchId, int Remaining) : ICampaignProtocol;

/// <summary>To the listener: an execution's result is durable.</summary>
public sealed record ExecutionCompleted(string RunId, ExecutionRecord Record, int Done, int Total) : ICampaignProtocol;

/// <summary>To the listener: a bench stopped taking work.</summary>
public sealed record BenchRetired(string RunId, string BenchId, string Reason) : ICampaignProtocol;

/// <summary>To the listener (and the asker of <see cref="StartRun"/>): the run is over and durable.
/// <see cref="StorageFault"/> says why it was aborted when the testbed's storage ran out.</summary>
public sealed record RunCompleted(string RunId, bool Aborted, ImmutableArray<ExecutionRecord> Records,
    ImmutableArray<string> NotRun, string? Refused) : ICampaignProtocol
{
    public string? StorageFault { get; init; }
}
