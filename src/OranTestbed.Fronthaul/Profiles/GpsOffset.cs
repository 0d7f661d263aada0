namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// Offset of the radio frame boundaries from the GPS epoch (O-RAN / xRAN <c>GPS_Alpha</c>, <c>GPS_Beta</c>): frame
/// F starts at GPS time F·10 ms + β·10 ms + α. Both default to 0.
/// </summary>
/// <param name="AlphaNanoseconds">
/// α in nanoseconds, 0 ≤ α &lt; 10 ms. xRAN and srsRAN configure <c>GPS_Alpha</c> in units of 1/1.2288 ns
/// (0..12 288 000); a raw value N is N / 1.2288 ns (e.g. 122 880 = 100 000 ns).
/// </param>
/// <param name="Beta">β in 10 ms frames, signed (-32768..32767).</param>
public readonly record struct GpsOffset(long AlphaNanoseconds, int Beta)
{
    /// <summary>Largest α: just under one 10 ms frame.</summary>
    public const long MaxAlphaNanoseconds = 10_000_000 - 1;

    public static GpsOffset Zero => default;

    /// <summary>The whole offset in nanoseconds (β frames plus α).</summary>
    public long TotalNanoseconds => (Beta * 10_000_000L) + AlphaNanoseconds;
}
