namespace OranTestbed.Fronthaul.Timing;

/// <summary>
/// Offset of the radio frame grid from the GPS epoch (O-RAN / xRAN GPS_Alpha and GPS_Beta; srsRAN gps_Alpha/gps_Beta):
/// frame F starts at GPS time F·10 ms + β·10 ms + α, i.e. both are subtracted from GPS time before counting frames
/// (fronthaul.md §4.2). α is given here in nanoseconds (O-RAN configures it in units of 1/1.2288 ns, 0…1.2288e7, which
/// the caller converts); β in 10 ms frames, −32768…32767. <c>default</c> is no offset.
/// </summary>
public readonly record struct FrameAlignment
{
    public const long MaxAlphaNs = NrTime.NanosecondsPerFrame - 1;

    public FrameAlignment(long alphaNs, int betaFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alphaNs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alphaNs, MaxAlphaNs);
        ArgumentOutOfRangeException.ThrowIfLessThan(betaFrames, short.MinValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(betaFrames, short.MaxValue);
        AlphaNs = alphaNs;
        BetaFrames = betaFrames;
    }

    /// <summary>O-RAN GPS_Alpha units per 10 ms frame: one unit is 1/1.2288 ns.</summary>
    public const long AlphaUnitsPerFrame = 12_288_000;

    /// <summary>
    /// From the O-RAN / xRAN configuration values: GPS_Alpha in units of 1/1.2288 ns (0…12 287 999), converted as
    /// units·625/768 ns rounded to the nearest nanosecond (halves up), and GPS_Beta in frames.
    /// </summary>
    public static FrameAlignment FromGpsAlphaUnits(long alphaUnits, int betaFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alphaUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(alphaUnits, AlphaUnitsPerFrame);
        return new FrameAlignment(((alphaUnits * 625) + 384) / 768, betaFrames);
    }

    /// <summary>α: 0 ≤ α &lt; 10 ms.</summary>
    public long AlphaNs { get; }

    /// <summary>β: whole 10 ms frames, −32768…32767.</summary>
    public int BetaFrames { get; }

    /// <summary>α + β·10 ms.</summary>
    public long TotalNs => AlphaNs + (BetaFrames * NrTime.NanosecondsPerFrame);
}
