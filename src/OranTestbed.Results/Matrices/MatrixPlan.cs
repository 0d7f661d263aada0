using System.Collections.Immutable;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Results.Matrices;

/// <summary>
/// What a campaign planned, for the matrix to show what has no result: each planned execution's combination (NOT RUN
/// until a result arrives) and each pair the expansion excluded (INCOMPATIBLE, with the reason).
/// </summary>
public sealed record MatrixPlan(ImmutableArray<MatrixPlan.Planned> Executions, ImmutableArray<MatrixPlan.Excluded> Exclusions)
{
    public static readonly MatrixPlan None = new([], []);

    public static MatrixPlan Of(CampaignExpansion expansion, IEnumerable<Execution> executions)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        return new MatrixPlan(
            [.. executions.Select(e => new Planned(e.Id, e.Setup.Band.Id, e.Setup.Operator.Id, e.Products.ODu.Id,
                e.Products.ORu.Id, e.Products.OCu?.Id))],
            [.. expansion.Exclusions.Where(x => x.Kind == ExclusionKind.Combination && x.Band is not null
                                                && x.ODu is not null && x.ORu is not null)
                .Select(x => new Excluded(x.Band!, x.OperatorProfile, x.ODu!, x.ORu!, x.OCu, x.Reason))]);
    }

    public sealed record Planned(string ExecutionId, string Band, string OperatorProfile, string ODu, string ORu, string? OCu);

    public sealed record Excluded(string Band, string OperatorProfile, string ODu, string ORu, string? OCu, string Reason);
}
