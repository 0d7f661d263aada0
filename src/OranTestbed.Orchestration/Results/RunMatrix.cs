using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Orchestration.Campaigns;
using OranTestbed.Plans.Expansion;

namespace OranTestbed.Orchestration.Results;

/// <summary>
/// The pass/fail matrix of a run per band × operator profile: O-DU rows × O-RU columns; a cell holds the worst verdict
/// of the combination's executions with pass/total counts, NOT RUN when none finished, or INCOMPATIBLE when the
/// expansion excluded the pair (with the reason).
/// </summary>
public sealed record RunMatrix(string Band, string OperatorProfile, ImmutableArray<string> ODus, ImmutableArray<string> ORus,
    ImmutableDictionary<(string ODu, string ORu), MatrixCell> Cells)
{
    public static ImmutableArray<RunMatrix> Build(CampaignExpansion expansion, ImmutableArray<Execution> executions,
        RunCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        ArgumentNullException.ThrowIfNull(completed);
        var records = completed.Records.ToDictionary(r => r.ExecutionId, StringComparer.Ordinal);
        var matrices = ImmutableArray.CreateBuilder<RunMatrix>();
        var setups = executions.Select(e => (Band: e.Setup.Band.Id, Operator: e.Setup.Operator.Id))
            .Concat(expansion.Exclusions.Where(x => x.Kind == ExclusionKind.Combination && x.Band is not null)
                .Select(x => (Band: x.Band!, Operator: x.OperatorProfile)))
            .Distinct().OrderBy(s => s.Band, StringComparer.Ordinal).ThenBy(s => s.Operator, StringComparer.Ordinal);
        foreach (var (band, op) in setups)
        {
            var mine = executions.Where(e => e.Setup.Band.Id == band && e.Setup.Operator.Id == op).ToList();
            var excluded = expansion.Exclusions.Where(x => x.Kind == ExclusionKind.Combination && x.Band == band
                                                           && x.OperatorProfile == op && x.ODu is not null && x.ORu is not null).ToList();
            var cells = ImmutableDictionary.CreateBuilder<(string, string), MatrixCell>();
            foreach (var pair in mine.GroupBy(e => (e.Products.ODu.Id, e.Products.ORu.Id)))
            {
                var finished = pair.Select(e => records.GetValueOrDefault(e.Id)).OfType<ExecutionRecord>().ToList();
                var verdict = finished.Count == 0
                    ? Verdict.NotSet
                    : finished.Aggregate(Verdict.NotSet, (v, r) => v.Combine(r.Verdict));
                cells[pair.Key] = new MatrixCell(verdict, finished.Count(r => r.Verdict == Verdict.Pass), pair.Count(),
                    finished.Count(r => r.Flaky), null);
            }

            foreach (var x in excluded)
            {
                cells.TryAdd((x.ODu!, x.ORu!), new MatrixCell(Verdict.NotSet, 0, 0, 0, x.Reason));
            }

            var dus = cells.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            var rus = cells.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            matrices.Add(new RunMatrix(band, op, dus, rus, cells.ToImmutable()));
        }

        return matrices.ToImmutable();
    }
}
