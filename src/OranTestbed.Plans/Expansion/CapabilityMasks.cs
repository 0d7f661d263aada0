using System.Collections.Immutable;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Loading;

namespace OranTestbed.Plans.Expansion;

/// <summary>
/// Capability sets as bit masks, computed once per product and case, so that checking a case on a pair is a few AND
/// operations (the expansion checks every case on every compatible pair).
/// </summary>
internal static class CapabilityMasks
{
    /// <summary>Bit t for section type t (0..7).</summary>
    public static int SectionTypes(ImmutableArray<int> types)
    {
        int mask = 0;
        foreach (int t in types)
        {
            mask |= 1 << t;
        }

        return mask;
    }

    /// <summary>Bit e for section extension e (1..31).</summary>
    public static uint Extensions(ImmutableArray<int> extensions)
    {
        uint mask = 0;
        foreach (int e in extensions)
        {
            mask |= 1u << e;
        }

        return mask;
    }

    public static int Sync(ImmutableArray<SyncTopology> topologies)
    {
        int mask = 0;
        foreach (var t in topologies)
        {
            mask |= 1 << (int)t;
        }

        return mask;
    }

    public static int MPlane(ImmutableArray<MPlaneProfile> profiles)
    {
        int mask = 0;
        foreach (var p in profiles)
        {
            mask |= 1 << (int)p;
        }

        return mask;
    }

    /// <summary>Bit i for the i-th known link speed.</summary>
    public static int Links(ImmutableArray<int> speeds)
    {
        int mask = 0;
        foreach (int s in speeds)
        {
            int i = CommonReaders.KnownLinkSpeeds.IndexOf(s);
            if (i >= 0)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }

    public static string SyncNames(int mask) => Names(mask, PlanNames.SyncTopologies.Select(t => t.Key).ToArray());

    public static string MPlaneNames(int mask) => Names(mask, PlanNames.MPlaneProfiles.Select(t => t.Key).ToArray());

    public static string LinkNames(int mask) => Names(mask, CommonReaders.KnownLinkSpeeds.Select(s => s + "G").ToArray());

    public static IEnumerable<int> Bits(uint mask)
    {
        for (int i = 0; i < 32; i++)
        {
            if ((mask & (1u << i)) != 0)
            {
                yield return i;
            }
        }
    }

    private static string Names(int mask, string[] names)
    {
        var list = Enumerable.Range(0, names.Length).Where(i => (mask & (1 << i)) != 0).Select(i => names[i]).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
