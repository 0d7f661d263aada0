using System.Globalization;

namespace OranTestbed.Results.Model;

/// <summary>Decimal values as the store keeps them: without trailing zeros, written in invariant culture.</summary>
public static class Decimals
{
    /// <summary>1.500 → 1.5, 2.0 → 2 (dividing by 1.000…0 drops the trailing zeros of the scale).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) => Normalize(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
