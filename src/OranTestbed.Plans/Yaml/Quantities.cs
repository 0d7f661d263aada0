using System.Globalization;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Frequencies and link speeds always written with their unit (<c>100MHz</c>, <c>30 kHz</c>, <c>3549.99MHz</c>,
/// <c>25G</c>): a bare number is refused, like a bare duration, because MHz and kHz are both in use in the same files.
/// </summary>
internal static class Quantities
{
    public static int? MegaHertz(YamlMappingReader map, string key, bool required = false) =>
        WholeNumber(map, key, "MHz", "e.g. 100MHz", required);

    public static int? KiloHertz(YamlMappingReader map, string key, bool required = false) =>
        WholeNumber(map, key, "kHz", "e.g. 30kHz", required);

    /// <summary>A frequency in MHz with decimals (a carrier centre such as 3549.99MHz).</summary>
    public static decimal? DecimalMegaHertz(YamlMappingReader map, string key, bool required = false)
    {
        var scalar = map.Scalar(key, required, "a frequency in MHz, e.g. 3549.99MHz");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!TryNumber(text, "MHz", out decimal value, out _) || value <= 0)
        {
            map.Errors.Add(scalar, map.PathOf(key), $"'{text}' is not a frequency in MHz: write it with its unit, e.g. 3549.99MHz");
            return null;
        }

        return value;
    }

    /// <summary>Parses <c>30kHz</c> / <c>30 kHz</c> style text into a whole number of the unit.</summary>
    public static bool TryWhole(string text, string unit, out int value)
    {
        value = 0;
        if (!TryNumber(text, unit, out decimal d, out _) || d != decimal.Truncate(d) || d is <= 0 or > int.MaxValue)
        {
            return false;
        }

        value = (int)d;
        return true;
    }

    /// <summary>Link speeds <c>10G</c>, <c>25G</c>, <c>25Gbps</c> in whole Gbit/s.</summary>
    public static bool TryGigabits(string text, out int gbps)
    {
        string s = text.Trim();
        string unit = s.EndsWith("Gbps", StringComparison.Ordinal) ? "Gbps" : "G";
        return TryWhole(s, unit, out gbps);
    }

    private static int? WholeNumber(YamlMappingReader map, string key, string unit, string example, bool required)
    {
        var scalar = map.Scalar(key, required, $"a frequency in {unit}, {example}");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!TryWhole(text, unit, out int value))
        {
            map.Errors.Add(scalar, map.PathOf(key), $"'{text}' is not a whole number of {unit}: write it with its unit, {example}");
            return null;
        }

        return value;
    }

    private static bool TryNumber(string text, string unit, out decimal value, out string number)
    {
        value = 0;
        string s = text.Trim();
        number = s;
        if (!s.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        number = s[..^unit.Length].TrimEnd();
        return number.Length is > 0 and < 20 && char.IsAsciiDigit(number[0])
            && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
