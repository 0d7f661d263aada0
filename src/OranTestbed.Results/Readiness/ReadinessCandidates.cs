using System.Collections.Immutable;
using OranTestbed.Plans.Operators;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// The combinations that could serve a need in a band: every O-DU × O-RU pair of the expansion, with each O-CU its
/// cases run with when one of the need's cases needs an O-CU. A pair the expansion excludes, or on which it excludes a
/// case of the need, is INCOMPATIBLE with that reason; an equipment-reuse need keeps only combinations with one of its
/// installed products. Ordered ready first, then not ready, not tested, incompatible; by combination within each.
/// </summary>
internal static class ReadinessCandidates
{
    public static IEnumerable<ReadinessCandidate> Of(OperatorNeed need, string band, ImmutableArray<NeedCase> cases,
        BandExpansion expansion, CandidateJudge judge)
    {
        var candidates = expansion.Incompatible
            .Select(p => new ReadinessCandidate(p.ODu, p.ORu, null, ReadinessState.Incompatible, [], p.Reason))
            .Concat(expansion.Compatible.SelectMany(p => OnPair(p.ODu, p.ORu)));
        return candidates
            .Where(c => need.Products.IsEmpty || c.Products.Any(need.Products.Contains))
            .OrderBy(c => c.State).ThenBy(c => c.Combination, StringComparer.Ordinal);

        IEnumerable<ReadinessCandidate> OnPair(string du, string ru)
        {
            // Cases excluded for the same reason are named together: a pair no capturing bench hosts says it once.
            var reasons = cases
                .Select(c => (c.Id, Reason: expansion.CaseExcluded(c.Id) is { } inBand
                    ? $"does not run in {band}: {inBand}"
                    : expansion.ExcludedOnPair(du, ru, c.Id)))
                .Where(x => x.Reason is not null)
                .GroupBy(x => x.Reason!, StringComparer.Ordinal)
                .Select(g => $"{string.Join(", ", g.Select(x => x.Id))}: {g.Key}")
                .ToList();
            if (reasons.Count > 0)
            {
                return [new ReadinessCandidate(du, ru, null, ReadinessState.Incompatible, [], string.Join("; ", reasons))];
            }

            var withOCu = cases.Where(c => c.NeedsOCu).ToList();
            if (withOCu.Count == 0)
            {
                return [judge.Judge(du, ru, null)];
            }

            // The O-CUs every O-CU case of the need runs with (the expansion fits them to the pair, not to the case).
            var cus = withOCu.Select(c => expansion.OCus(du, ru, c.Id)).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal));
            return cus.Select(cu => judge.Judge(du, ru, cu));
        }
    }
}
