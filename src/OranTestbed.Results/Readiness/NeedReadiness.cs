using System.Collections.Immutable;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// One need of an operator in one of its bands: the cases that judge it (<see cref="CasesFrom"/> says where they come
/// from), the installed products it is about (equipment reuse), its own thresholds and every candidate combination.
/// </summary>
public sealed record NeedReadiness(OperatorNeed Need, string Band, ImmutableArray<string> Cases, string CasesFrom,
    ImmutableArray<ReadinessCandidate> Candidates)
{
    public int Count(ReadinessState state) => Candidates.Count(c => c.State == state);
}
