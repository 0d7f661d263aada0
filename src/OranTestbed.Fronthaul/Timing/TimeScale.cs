namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// The time scale a timestamp is counted on, always as nanoseconds since 1970-01-01T00:00:00 of that scale without
/// leap seconds ("Unix-style"): <see cref="Utc"/> is ordinary Unix time (CLOCK_REALTIME, pcap), <see cref="Tai"/> is
/// UTC + (TAI − UTC) (CLOCK_TAI, PTP, a NIC's PTP hardware clock), <see cref="Gps"/> is TAI − 19 s, so the GPS epoch
/// 1980-01-06T00:00:00 UTC reads 315 964 800 s on the UTC and GPS scales and 315 964 819 s on TAI.
/// </summary>
public enum TimeScale : byte
{
    Utc = 0,
    Tai = 1,
    Gps = 2,
}
