namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// The time scale of the capture's packet timestamps: host CLOCK_REALTIME is UTC; NIC hardware timestamps read from a
/// PTP hardware clock are often TAI (UTC + 37 s); some appliances stamp GPS time (UTC + 18 s).
/// </summary>
public enum CaptureClock
{
    Utc,
    Tai,
    Gps,
}
