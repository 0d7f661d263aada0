using System.Globalization;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// Parses <c>--duration</c> (and <c>run --bench-wait</c>): a positive number with a unit, <c>ns</c>, <c>us</c> (or
/// <c>µs</c>), <c>ms</c>, <c>s</c> as everywhere else (<see cref="DurationText"/>), also <c>m</c> and <c>h</c>, or plain
/// seconds.
/// </summary>
internal static class AnalyzeDuration
{
    private const long MaxNanoseconds = long.MaxValue / 2;

    /// <summary>The duration in whole nanoseconds: what a capture file's timestamps are compared with.</summary>
    public static bool TryParseNanoseconds(string text, out long nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        string t = text.Trim();
        if (DurationText.TryParse(t, out long exact, out _))
        {
            nanoseconds = exact;
            return exact > 0;
        }

        (string number, double scale) = t switch
        {
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || value <= 0 || !double.IsFinite(value * scale) || value * scale * 1e9 >= MaxNanoseconds)
        {
            return false;
        }

        nanoseconds = (long)Math.Round(value * scale * 1e9);
        return nanoseconds > 0;
    }

    /// <summary>The duration as a <see cref="TimeSpan"/> (100 ns ticks, rounded up so that it is never zero).</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (!TryParseNanoseconds(text, out long nanoseconds) || nanoseconds / 100 >= TimeSpan.MaxValue.Ticks / 2)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((nanoseconds + 99) / 100);
        return true;
    }
}
