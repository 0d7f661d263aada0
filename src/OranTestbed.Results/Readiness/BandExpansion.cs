using OranTestbed.Plans.Expansion;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// What the campaign expansion says about one operator band, indexed for readiness: the O-DU × O-RU pairs it excludes
/// (with the reason), the compatible pairs, the cases it excludes in the band (or in every band), the cases it excludes
/// on a pair, and the O-CUs each case runs with on a pair.
/// </summary>
internal sealed class BandExpansion
{
    private readonly Dictionary<string, string> _casesExcluded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ODu, string ORu, string Case), string> _excludedOnPair = [];
    private readonly Dictionary<(string ODu, string ORu, string Case), SortedSet<string>> _oCus = [];

    public BandExpansion(CampaignExpansion expansion, string band)
    {
        var incompatible = new List<(string ODu, string ORu, string Reason)>();
        var compatible = new HashSet<(string ODu, string ORu)>();
        foreach (var x in expansion.Exclusions.Where(x => x.Band is null || x.Band == band))
        {
            switch (x.Kind)
            {
                case ExclusionKind.Combination when x.ODu is not null && x.ORu is not null:
                    incompatible.Add((x.ODu, x.ORu, x.Reason));
                    break;
                case ExclusionKind.Case when x.Case is not null:
                    _casesExcluded.TryAdd(x.Case, x.Reason);
                    break;
                case ExclusionKind.Execution when x.ODu is not null && x.ORu is not null && x.Case is not null:
                    compatible.Add((x.ODu, x.ORu));
                    _excludedOnPair.TryAdd((x.ODu, x.ORu, x.Case), x.Reason);
                    break;
            }
        }

        foreach (var e in expansion.Executions.Where(e => e.Setup.Band.Id == band))
        {
            var key = (e.Products.ODu.Id, e.Products.ORu.Id, e.Case.Id);
            compatible.Add((key.Item1, key.Item2));
            if (e.Products.OCu is { } cu)
            {
                (_oCus.TryGetValue(key, out var set) ? set : _oCus[key] = new SortedSet<string>(StringComparer.Ordinal)).Add(cu.Id);
            }
        }

        Incompatible = [.. incompatible.OrderBy(p => p.ODu, StringComparer.Ordinal).ThenBy(p => p.ORu, StringComparer.Ordinal)];
        Compatible = [.. compatible.OrderBy(p => p.ODu, StringComparer.Ordinal).ThenBy(p => p.ORu, StringComparer.Ordinal)];
    }

    public IReadOnlyList<(string ODu, string ORu, string Reason)> Incompatible { get; }

    public IReadOnlyList<(string ODu, string ORu)> Compatible { get; }

    /// <summary>Why the case runs on no pair of the band (it does not apply to the band or IOT profile, or the operator skips it).</summary>
    public string? CaseExcluded(string caseId) => _casesExcluded.GetValueOrDefault(caseId);

    public string? ExcludedOnPair(string oDu, string oRu, string caseId) => _excludedOnPair.GetValueOrDefault((oDu, oRu, caseId));

    /// <summary>The O-CUs a case that needs one runs with on the pair (empty for a case without an O-CU).</summary>
    public IEnumerable<string> OCus(string oDu, string oRu, string caseId) =>
        _oCus.TryGetValue((oDu, oRu, caseId), out var set) ? set : [];
}
