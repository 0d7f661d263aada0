namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// One segment of an MTIE or TDEV mask: <see cref="LimitNanoseconds"/> applies to observation intervals τ with
/// <see cref="MinTauSeconds"/> ≤ τ ≤ <see cref="MaxTauSeconds"/>.
/// </summary>
public readonly record struct TimeErrorMaskSegment(double MinTauSeconds, double MaxTauSeconds, double LimitNanoseconds)
{
    public bool Covers(double tauSeconds) => tauSeconds >= MinTauSeconds && tauSeconds <= MaxTauSeconds;
}
