using Akka.Actor;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Orchestration.TestRuns;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Orchestration.Benches;

/// <summary>Marker of the bench protocol.</summary>
public interface IBenchProtocol;

/// <summary>Coordinator → bench: run this execution (up to <paramref name="MaxAttempts"/> attempts), evidence under
/// <paramref name="EvidenceFolder"/>.</summary>
public sealed record RunExecution(string RunId, Execution Execution, int MaxAttempts, string EvidenceFolder) : IBenchProtocol;

/// <summary>Coordinator → bench: abort what is in flight (clean-up still runs).</summary>
public sealed record AbortExecution(string Reason) : IBenchProtocol;

/// <summary>Bench → coordinator: the execution is finished (all attempts).</summary>
public sealed record ExecutionFinished(string RunId, string BenchId, ExecutionRecord Record) : IBenchProtocol;

/// <summary>Bench → coordinator: the bench's devices keep failing; it takes no more work.</summary>
public sealed record BenchOutOfService(string BenchId, string Reason) : IBenchProtocol;

/// <summary>Test run → bench: one attempt ended.</summary>
public sealed record AttemptFinished(string ExecutionId, int Attempt, ExecutionOutcome Outcome) : IBenchProtocol;

/// <summary>Bench → test run: start the attempt; the test run answers <see cref="AttemptFinished"/>.</summary>
public sealed record StartAttempt(Execution Execution, int Attempt, string EvidenceDirectory, IActorRef ReplyTo) : IBenchProtocol;
