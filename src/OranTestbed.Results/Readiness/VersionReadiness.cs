using System.Collections.Immutable;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// A combination's readiness with one set of software versions ("xylem/xd-100 5.3.1", "ymir/yr-400 3.8.2"): the latest
/// result of each case tested with those versions judged on its own, so that "ready with 5.3.1, not with 5.4.0" shows.
/// <see cref="Versions"/> lists every product version of those results (an O-CU's too); <see cref="Missing"/> the
/// need's cases without a result with these versions.
/// </summary>
public sealed record VersionReadiness(ImmutableArray<string> Versions, ReadinessState State, ImmutableArray<CaseReadiness> Cases)
{
    public IEnumerable<string> Missing => Cases.Where(c => c.State == ReadinessState.NotTested).Select(c => c.CaseId);

    public IEnumerable<ReadinessFinding> Findings => Cases.SelectMany(c => c.Findings);
}
