using System.Runtime.CompilerServices;

namespace OranTestbed.Emulation.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 from the emulation seed and a
/// <see cref="RandomStream"/>: fast, allocation-free and identical on every platform and .NET version, unlike
/// <see cref="Random"/> whose algorithm for a given seed is an implementation detail. Not thread-safe: one per stream.
/// </summary>
internal sealed class EmulationRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public EmulationRandom(ulong seed, RandomStream stream)
    {
        ulong x = seed ^ ((ulong)stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-shift; the bias is below 2^−32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="probability"/>; draws nothing when it is 0, so a clean
    /// personality consumes no randomness for its defects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => probability > 0 && (probability >= 1 || NextDouble() < probability);

    /// <summary>A standard normal value (Box-Muller, one value per call).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log never sees 0
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
