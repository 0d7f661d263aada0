namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// Conversions between the UTC, TAI and GPS time scales for Unix-style nanosecond timestamps (see
/// <see cref="TimeScale"/>; fronthaul.md §4.1): TAI = UTC + (TAI − UTC) from <see cref="LeapSeconds"/>,
/// GPS = TAI − 19 s always, so GPS − UTC = 18 s since 2017-01-01. UTC timestamps must be from 1972-01-01 on.
/// </summary>
public static class TimeScales
{
    /// <summary>GPS epoch 1980-01-06T00:00:00 UTC as Unix seconds.</summary>
    public const long GpsEpochUnixSeconds = 315_964_800;

    /// <summary>TAI − GPS, constant since the GPS epoch.</summary>
    public const int TaiMinusGpsSeconds = 19;

    internal const long TaiMinusGpsNs = TaiMinusGpsSeconds * 1_000_000_000L;

    /// <summary>GPS − UTC in seconds at a UTC Unix ns timestamp (18 since 2017-01-01; 0 at the GPS epoch).</summary>
    public static int GpsMinusUtcAtUtc(long utcNs) => LeapSeconds.TaiMinusUtcAtUtc(utcNs) - TaiMinusGpsSeconds;

    /// <summary>A timestamp on <paramref name="scale"/> as TAI.</summary>
    public static long ToTai(long timestampNs, TimeScale scale) => scale switch
    {
        TimeScale.Utc => timestampNs + (LeapSeconds.TaiMinusUtcAtUtc(timestampNs) * 1_000_000_000L),
        TimeScale.Tai => timestampNs,
        TimeScale.Gps => timestampNs + TaiMinusGpsNs,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "unknown time scale"),
    };

    /// <summary>A TAI timestamp on <paramref name="scale"/>.</summary>
    public static long FromTai(long taiNs, TimeScale scale) => scale switch
    {
        TimeScale.Utc => taiNs - (LeapSeconds.TaiMinusUtcAtTai(taiNs) * 1_000_000_000L),
        TimeScale.Tai => taiNs,
        TimeScale.Gps => taiNs - TaiMinusGpsNs,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "unknown time scale"),
    };

    /// <summary>A timestamp from one scale to another.</summary>
    public static long Convert(long timestampNs, TimeScale from, TimeScale to) => FromTai(ToTai(timestampNs, from), to);
}
