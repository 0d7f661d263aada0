using System.Collections.Immutable;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// An MTIE or TDEV mask against the measured curve: every evaluated interval the mask covers (<see cref="Points"/>);
/// <see cref="Evaluated"/> is false when the capture was too short for any of them.
/// </summary>
public sealed record TimeErrorMaskResult(string Name, string Clause, ImmutableArray<TimeErrorMaskPoint> Points)
{
    public bool Evaluated => !Points.IsEmpty;

    public bool Pass => Points.All(p => p.Pass);
}
