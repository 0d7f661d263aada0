using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Matrices;

/// <summary>
/// The interoperability matrix of one band × operator profile: O-DU rows × O-RU columns. Each cell judges the latest
/// result of every execution of the combination (an execution id names what is tested, so a later run's result replaces
/// an earlier one's; aborted results never count), shows the product versions tested, and, with a plan, NOT RUN for
/// planned executions without a result and INCOMPATIBLE for excluded pairs.
/// </summary>
public sealed record InteropMatrix(string Band, string OperatorProfile, ImmutableArray<string> ODus, ImmutableArray<string> ORus,
    ImmutableDictionary<(string ODu, string ORu), MatrixCell> Cells)
{
    /// <param name="results">Stored results, from any runs.</param>
    /// <param name="runOrder">Run ids from oldest to newest (<see cref="Store.ResultsStore.ListRunsAsync"/> order): the
    /// newest run's result of an execution is its latest.</param>
    public static ImmutableArray<InteropMatrix> Build(IEnumerable<ExecutionResult> results, IReadOnlyList<string> runOrder,
        MatrixQuery? query = null, MatrixPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(runOrder);
        query ??= MatrixQuery.All;
        plan ??= MatrixPlan.None;
        var rank = runOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var latest = results
            .Where(r => r.Outcome.Verdict != Verdict.Aborted && Selected(query, r.Subject.Band, r.Subject.OperatorProfile,
                r.Subject.Product("o-cu")?.Id))
            .GroupBy(r => r.ExecutionId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => rank.GetValueOrDefault(r.RunId, -1))!)
            .ToList();
        var planned = plan.Executions.Where(p => Selected(query, p.Band, p.OperatorProfile, p.OCu)).ToList();
        var excluded = plan.Exclusions.Where(x => Selected(query, x.Band, x.OperatorProfile, x.OCu)).ToList();

        // Each result, planned execution and exclusion is placed once (by setup, then by pair): the cost is linear in
        // what the matrices show, whatever their number of cells.
        var bySetup = latest.GroupBy(r => (r.Subject.Band, r.Subject.OperatorProfile))
            .ToDictionary(g => g.Key, g => g.ToLookup(r => Pair(r.Subject)));
        var plannedBySetup = planned.GroupBy(p => (p.Band, p.OperatorProfile))
            .ToDictionary(g => g.Key, g => g.GroupBy(p => (p.ODu, p.ORu)).ToDictionary(p => p.Key, p => p.Count()));
        var excludedBySetup = excluded.ToLookup(x => (x.Band, x.OperatorProfile));
        var setups = bySetup.Keys.Concat(plannedBySetup.Keys).Concat(excluded.Select(x => (x.Band, x.OperatorProfile)))
            .Distinct().OrderBy(s => s.Item1, StringComparer.Ordinal).ThenBy(s => s.Item2, StringComparer.Ordinal);
        var matrices = ImmutableArray.CreateBuilder<InteropMatrix>();
        foreach (var (band, op) in setups)
        {
            var cells = ImmutableDictionary.CreateBuilder<(string, string), MatrixCell>();
            var mine = bySetup.GetValueOrDefault((band, op));
            var plannedHere = plannedBySetup.GetValueOrDefault((band, op)) ?? [];
            var pairs = (mine?.Select(g => g.Key) ?? []).Concat(plannedHere.Keys).Distinct();
            foreach (var pair in pairs)
            {
                cells[pair] = Cell([.. mine?[pair] ?? []], plannedHere.GetValueOrDefault(pair));
            }

            foreach (var x in excludedBySetup[(band, op)])
            {
                cells.TryAdd((x.ODu, x.ORu), new MatrixCell(MatrixState.Incompatible, [], 0, [], x.Reason));
            }

            matrices.Add(new InteropMatrix(band, op,
                [.. cells.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal)],
                [.. cells.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal)], cells.ToImmutable()));
        }

        return matrices.ToImmutable();
    }

    private static MatrixCell Cell(ImmutableArray<ExecutionResult> results, int planned)
    {
        var worst = results.Aggregate((Verdict?)null, (v, r) => v is { } w ? w.Combine(r.Outcome.Verdict) : r.Outcome.Verdict);
        var state = worst switch
        {
            null => MatrixState.NotRun,
            Verdict.Pass => MatrixState.Pass,
            Verdict.Fail => MatrixState.Fail,
            _ when results.Any(r => r.Outcome.Verdict == Verdict.Fail) => MatrixState.Fail,
            _ => MatrixState.Inconclusive,
        };
        var versions = results.SelectMany(r => r.Subject.Products)
            .Select(p => $"{p.Id} {p.Software}".TrimEnd()).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new MatrixCell(state, results, planned, versions, null);
    }

    private static (string ODu, string ORu) Pair(ExecutionSubject subject) =>
        (subject.Product("o-du")?.Id ?? "?", subject.Product("o-ru")?.Id ?? "?");

    private static bool Selected(MatrixQuery query, string band, string op, string? oCu) =>
        (query.Band is null || query.Band == band)
        && (query.OperatorProfile is null || query.OperatorProfile == op)
        && (query.OCu is null || query.OCu == (oCu ?? MatrixQuery.NoOCu));
}
