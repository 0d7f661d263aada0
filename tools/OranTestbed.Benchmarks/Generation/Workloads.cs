using System.Collections.Concurrent;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>The named traffic variants of the benchmarks and their generated frame sets (cached per process).</summary>
public static class Workloads
{
    /// <summary>Frames of at most 1,500 bytes (52-PRB U-plane sections).</summary>
    public const string Mtu1500 = "1500";

    /// <summary>Jumbo frames: one 273-PRB U-plane message per symbol and eAxC.</summary>
    public const string Jumbo = "jumbo";

    private static readonly ConcurrentDictionary<(string, long), FrameSet> Sets = new();

    public static TrafficProfile Profile(string variant) => variant switch
    {
        Mtu1500 => new TrafficProfile(),
        Jumbo => new TrafficProfile { Jumbo = true },
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "traffic variant is '1500' or 'jumbo'"),
    };

    /// <summary>The frames of the first <paramref name="pcapBytes"/> of the capture of <paramref name="variant"/>.</summary>
    public static FrameSet Frames(string variant, long pcapBytes) =>
        Sets.GetOrAdd((variant, pcapBytes), key => FrameSet.Generate(Profile(key.Item1), key.Item2));
}
