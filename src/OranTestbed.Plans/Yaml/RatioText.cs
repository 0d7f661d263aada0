using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OranTestbed.Plans.Yaml;

/// <summary>Ratios as a fraction 0..1 (<c>0.001</c>) or a percentage 0..100 % (<c>0.1%</c>), kept exact as decimals.</summary>
public static class RatioText
{
    public static bool TryParse(string text, out decimal fraction, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim();
        bool percent = s.EndsWith('%');
        string number = percent ? s[..^1].TrimEnd() : s;
        fraction = 0;
        if (number.Length is 0 or > 30 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out decimal value))
        {
            error = $"'{s}' is not a ratio: write a fraction 0..1 (0.001) or a percentage (0.1%)";
            return false;
        }

        if (value < 0 || value > (percent ? 100 : 1))
        {
            error = percent
                ? $"'{s}' is outside 0%..100%"
                : $"'{s}' is outside 0..1: write a fraction such as 0.05, or a percentage such as {s}%";
            return false;
        }

        fraction = percent ? value / 100 : value;
        error = null;
        return true;
    }
}
