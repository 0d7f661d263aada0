using System.Globalization;

namespace OranTestbed.TestSupport.Peers;

/// <summary>
/// How tshark 4.0.17 shows U-plane IQ: packet-oran.c (v01.00-based, 4.0 branch) decodes every PRB with its BFP
/// formula — mantissa / 2^(w−1) × 2^exponent, then "digital power scaling" / 2^15 — in float32 (exact: the value has
/// at most 24 significant bits and the scale is a power of two), also for "No Compression" (the exponent stays 0).
/// <c>-T fields</c> prints FT_FLOAT with %.6g (FLT_DIG = 6 significant digits). So a sample v prints as
/// v / 2^(w−1+15) rounded to 6 significant digits, and the comparison tolerance is half a unit of the 6th
/// significant digit of the exact value — nothing looser.
/// </summary>
public static class TsharkIq
{
    public static double Scale(int width) => Math.Pow(2, width - 1 + 15);

    public static double Parse(string printed) => double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Half a unit in the 6th significant digit of <paramref name="exact"/> (0 for 0, which prints exactly).</summary>
    public static double HalfUnitOfSixthDigit(double exact) =>
        exact == 0 ? 0 : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(exact))) - 5);

    public static void AssertSample(string printed, long value, int width, string what)
    {
        double exact = value / Scale(width);
        double parsed = Parse(printed);
        // Exact ties are common (v / 2^k often ends in ...5 at the 7th digit) and glibc rounds them half to even, so
        // the printed value may sit exactly half a unit away; the 1e-9 relative slack only absorbs the double
        // rounding of parsing that decimal string.
        double tolerance = HalfUnitOfSixthDigit(exact) * (1 + 1e-9);
        Assert.That(parsed, Is.EqualTo(exact).Within(tolerance), $"{what}: tshark {printed}, ours {value} (w={width})");
    }
}
