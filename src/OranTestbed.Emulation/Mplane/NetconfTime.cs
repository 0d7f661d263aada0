using System.Globalization;

namespace OranTestbed.Emulation.Mplane;

/// <summary>YANG <c>date-and-time</c> (RFC 6991) as the O-RU writes it: UTC with milliseconds, e.g. <c>2026-12-07T18:30:00.000Z</c>.</summary>
internal static class NetconfTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
