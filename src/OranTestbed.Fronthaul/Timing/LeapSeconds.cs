using System.Runtime.CompilerServices;

namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// TAI − UTC since 1972, when UTC began stepping by whole leap seconds (before that the offset was fractional).
/// Source: the IERS Bulletin C history as published in the IERS/NIST <c>leap-seconds.list</c>
/// (https://hpiers.obspm.fr/iers/bul/bulc/ntp/leap-seconds.list; Debian tzdata 2025b copy "updated through IERS
/// Bulletin C", expiring 2026-06-28): 10 s on 1972-01-01, then +1 s at each listed date, 37 s since 2017-01-01.
/// After <see cref="ExpiresUtcNs"/> the last value is assumed; a new leap second needs a new row here.
/// <para>
/// Unix time cannot name an inserted leap second (23:59:60). As in the POSIX seconds-since-the-epoch formula, it is
/// mapped to the same Unix value as the following 00:00:00: UTC→TAI applies the new offset from the Unix value of
/// 00:00:00 on, and TAI→UTC applies it from TAI = 00:00:00 UTC + new offset on, so the TAI second of the leap second
/// itself converts with the old offset (onto 00:00:00). UTC→TAI→UTC is therefore the identity everywhere.
/// </para>
/// </summary>
public static class LeapSeconds
{
    private const long NanosPerSecond = 1_000_000_000;

    // (date the new offset takes effect at 00:00:00 UTC, TAI − UTC from then on).
    private static readonly (int Year, int Month, int TaiMinusUtc)[] Table =
    [
        (1972, 1, 10), (1972, 7, 11), (1973, 1, 12), (1974, 1, 13), (1975, 1, 14), (1976, 1, 15), (1977, 1, 16),
        (1978, 1, 17), (1979, 1, 18), (1980, 1, 19), (1981, 7, 20), (1982, 7, 21), (1983, 7, 22), (1985, 7, 23),
        (1988, 1, 24), (1990, 1, 25), (1991, 1, 26), (1992, 7, 27), (1993, 7, 28), (1994, 7, 29), (1996, 1, 30),
        (1997, 7, 31), (1999, 1, 32), (2006, 1, 33), (2009, 1, 34), (2012, 7, 35), (2015, 7, 36), (2017, 1, 37),
    ];

    private static readonly long[] StartsUtcNs = BuildStarts(0);
    private static readonly long[] StartsTaiNs = BuildStarts(1);
    private static readonly int[] Offsets = BuildOffsets();

    /// <summary>1972-01-01T00:00:00 UTC in Unix ns: the first instant the table covers.</summary>
    public const long FirstUtcNs = 63_072_000 * NanosPerSecond;

    /// <summary>2026-06-28T00:00:00 UTC in Unix ns: expiry of the leap-seconds.list this table copies.</summary>
    public const long ExpiresUtcNs = 1_782_604_800 * NanosPerSecond;

    /// <summary>Number of rows (28: the 1972 start plus 27 leap seconds).</summary>
    public static int Count => Table.Length;

    /// <summary>Row <paramref name="index"/>: Unix ns (UTC) from which TAI − UTC = <c>TaiMinusUtcSeconds</c>.</summary>
    public static (long StartUtcNs, int TaiMinusUtcSeconds) GetEntry(int index) => (StartsUtcNs[index], Offsets[index]);

    /// <summary>TAI − UTC in seconds at a UTC Unix ns timestamp (from 1972-01-01).</summary>
    public static int TaiMinusUtcAtUtc(long utcNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(utcNs, FirstUtcNs);
        return TaiMinusUtcAtUtcUnchecked(utcNs);
    }

    /// <summary>TAI − UTC in seconds at a TAI Unix-style ns timestamp (from 1972-01-01T00:00:10 TAI).</summary>
    public static int TaiMinusUtcAtTai(long taiNs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taiNs, StartsTaiNs[0]);
        return TaiMinusUtcAtTaiUnchecked(taiNs);
    }

    /// <summary>Newest row first: one comparison for any timestamp since 2017. Before 1972 gives the 1972 value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TaiMinusUtcAtUtcUnchecked(long utcNs) => Lookup(StartsUtcNs, utcNs);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TaiMinusUtcAtTaiUnchecked(long taiNs) => Lookup(StartsTaiNs, taiNs);

    private static int Lookup(long[] starts, long ns)
    {
        int i = starts.Length - 1;
        while (i > 0 && ns < starts[i])
        {
            i--;
        }

        return Offsets[i];
    }

    private static long[] BuildStarts(int scale)
    {
        var starts = new long[Table.Length];
        for (int i = 0; i < Table.Length; i++)
        {
            var (year, month, offset) = Table[i];
            long utcSeconds = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            starts[i] = (utcSeconds + (scale * offset)) * NanosPerSecond;
        }

        return starts;
    }

    private static int[] BuildOffsets()
    {
        var offsets = new int[Table.Length];
        for (int i = 0; i < Table.Length; i++)
        {
            offsets[i] = Table[i].TaiMinusUtc;
        }

        return offsets;
    }
}
