using System.Collections.Immutable;

namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// An MTIE or TDEV mask (ns over observation intervals) with the clause it comes from. An observation interval no
/// segment covers is outside the mask: not judged.
/// </summary>
public sealed record TimeErrorMask(string Name, string Clause, ImmutableArray<TimeErrorMaskSegment> Segments)
{
    /// <summary>The limit at <paramref name="tauSeconds"/>, null when the mask does not cover it.</summary>
    public double? LimitAt(double tauSeconds)
    {
        foreach (var segment in Segments)
        {
            if (segment.Covers(tauSeconds))
            {
                return segment.LimitNanoseconds;
            }
        }

        return null;
    }

    /// <summary>A flat mask: <paramref name="limitNanoseconds"/> from <paramref name="minTau"/> to <paramref name="maxTau"/> s.</summary>
    public static TimeErrorMask Flat(string name, string clause, double minTau, double maxTau, double limitNanoseconds) =>
        new(name, clause, [new TimeErrorMaskSegment(minTau, maxTau, limitNanoseconds)]);
}
