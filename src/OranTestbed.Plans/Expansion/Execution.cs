using System.Collections.Immutable;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// One case on one combination in one setup, one repetition: what the orchestrator runs and the results store keeps.
/// <see cref="Id"/> is a hash of what is tested (see <see cref="ExecutionIds"/>), the same for the same plan on every
/// expansion, so reruns, resumes and comparisons line up. <see cref="After"/> lists the executions of the cases this
/// one depends on (same combination and repetition) that must run first.
/// </summary>
public sealed record Execution(string Id, ExecutionSetup Setup, ExecutionProducts Products, PlannedCase Case, int Repetition,
    int Priority, ImmutableArray<string> After)
{
    public override string ToString() => $"{Id} {Case.Id} on {Products} in {Setup.Band.Id} for {Setup.Operator.Id} #{Repetition}";
}
