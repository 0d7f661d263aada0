using System.Collections.Immutable;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// One combination an operator could deploy in a band (O-DU × O-RU, × O-CU when a case of the need runs with one) and
/// its readiness for a need. It is <see cref="ReadinessState.Ready"/> when one set of versions is ready (the operator
/// can deploy those), else not ready when one failed, else not tested; <see cref="Versions"/> is newest first.
/// <see cref="Incompatible"/> holds the expansion's reason when it cannot run the need's cases at all.
/// </summary>
public sealed record ReadinessCandidate(string ODu, string ORu, string? OCu, ReadinessState State,
    ImmutableArray<VersionReadiness> Versions, string? Incompatible)
{
    /// <summary>"O-DU × O-RU" or "O-DU × O-RU × O-CU".</summary>
    public string Combination => OCu is null ? $"{ODu} × {ORu}" : $"{ODu} × {ORu} × {OCu}";

    public IEnumerable<string> Products => OCu is null ? [ODu, ORu] : [ODu, ORu, OCu];
}
