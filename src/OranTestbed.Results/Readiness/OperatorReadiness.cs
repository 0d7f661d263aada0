using System.Collections.Immutable;
using OranTestbed.Plans;
using OranTestbed.Plans.Campaigns;
using OranTestbed.Plans.Expansion;
using OranTestbed.Plans.Operators;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// An operator's readiness view: for each of its needs (<c>testplans/operators/ID.yaml</c>) in each of its bands, every
/// candidate combination of the lab and whether the operator can deploy it for that need: READY, NOT READY (which case,
/// which metric, with which versions), NOT TESTED (which cases lack a result) or INCOMPATIBLE (the expansion's reason).
/// Candidates come from expanding every case for the operator and band over the lab, as a campaign would.
/// </summary>
public sealed record OperatorReadiness(OperatorProfile Operator, ImmutableArray<NeedReadiness> Needs)
{
    /// <param name="results">The operator's stored results (any runs; other operators' are ignored).</param>
    /// <param name="runOrder">Run ids oldest to newest: the newest run's result of an execution is its latest.</param>
    /// <param name="visible">Which candidates to keep, by their products (a vendor's view: those with one of its products).</param>
    /// <exception cref="ArgumentException">The plan has no such operator, or the operator no such band.</exception>
    public static OperatorReadiness Build(TestPlan plan, string operatorId, string? band, IEnumerable<ExecutionResult> results,
        IReadOnlyList<string> runOrder, Func<IEnumerable<string>, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(runOrder);
        var op = plan.FindOperator(operatorId) ?? throw new ArgumentException($"the plan has no operator profile {operatorId}", nameof(operatorId));
        var bands = op.Bands.Where(b => band is null || b.BandId == band).ToImmutableArray();
        if (bands.IsEmpty)
        {
            throw new ArgumentException($"{op.Id} has no band {band}", nameof(band));
        }

        var expansion = CampaignExpander.Expand(plan, new Campaign
        {
            Id = "readiness-" + op.Id, Operators = [op.Id], Bands = [.. bands.Select(b => b.BandId)], Cases = CaseSelection.Everything,
        });
        var rank = runOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var byBand = results.Where(r => r.Subject.OperatorProfile == op.Id).ToLookup(r => r.Subject.Band, StringComparer.Ordinal);
        var views = bands.ToDictionary(b => b.BandId, b => new BandExpansion(expansion, b.BandId), StringComparer.Ordinal);
        var needs = ImmutableArray.CreateBuilder<NeedReadiness>();
        foreach (var need in op.Needs)
        {
            foreach (var operatorBand in bands)
            {
                var view = views[operatorBand.BandId];
                var (cases, from) = NeedCases.Of(plan, need, operatorBand, view);
                var judge = new CandidateJudge(need, cases, [.. byBand[operatorBand.BandId]], rank);
                var candidates = ReadinessCandidates.Of(need, operatorBand.BandId, cases, view, judge)
                    .Where(c => visible is null || visible(c.Products));
                needs.Add(new NeedReadiness(need, operatorBand.BandId, [.. cases.Select(c => c.Id)], from, [.. candidates]));
            }
        }

        return new OperatorReadiness(op, needs.ToImmutable());
    }
}
