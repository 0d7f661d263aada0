using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Durations as integrators write them: a decimal number and a unit, <c>60us</c>, <c>60 us</c>, <c>60000ns</c>,
/// <c>0.5ms</c>, <c>1s</c> (units ns, us, µs, ms, s). The value must be a whole number of nanoseconds, and a bare
/// number is refused: <c>60</c> could be µs (xRAN, OAI) or ns (YANG), and guessing wrong moves a window by 1000×.
/// </summary>
public static class DurationText
{
    private const int MaxLength = 40;

    /// <summary>Parses a duration to exact nanoseconds (negative allowed: the caller decides); else says why.</summary>
    public static bool TryParse(string text, out long nanoseconds, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        string s = text.Trim();
        if (s.Length == 0)
        {
            error = "a duration is empty: write a number and a unit, e.g. 60us";
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = $"'{Shorten(s)}' is too long to be a duration";
            return false;
        }

        int i = 0;
        if (s[0] is '-' or '+')
        {
            i++;
        }

        int digitsStart = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            i++;
        }

        string number = s[..i];
        string unit = s[i..].TrimStart(' ');
        if (i == digitsStart || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out decimal value) || number.EndsWith('.') || s[digitsStart] == '.')
        {
            error = $"'{s}' is not a duration: write a number and a unit, e.g. 60us or 60000ns";
            return false;
        }

        if (unit.Length == 0)
        {
            error = $"'{s}' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): "
                + $"write {number}us or {number}ns (units ns, us, ms, s)";
            return false;
        }

        if (!TryUnit(unit, out var durationUnit))
        {
            error = $"'{s}' has an unknown unit '{unit}': use ns, us (or µs), ms or s";
            return false;
        }

        decimal ns;
        try
        {
            ns = value * NanosecondsPer(durationUnit);
        }
        catch (OverflowException)
        {
            error = $"'{s}' is too large";
            return false;
        }

        if (ns != decimal.Truncate(ns))
        {
            error = $"'{s}' is not a whole number of nanoseconds";
            return false;
        }

        if (ns is > long.MaxValue or < long.MinValue)
        {
            error = $"'{s}' is too large";
            return false;
        }

        nanoseconds = (long)ns;
        error = null;
        return true;
    }

    /// <summary>Writes nanoseconds in the largest unit that keeps them whole, e.g. 60000 → "60us", 1500 → "1500ns".</summary>
    public static string Format(long nanoseconds)
    {
        foreach (var unit in (ReadOnlySpan<DurationUnit>)[DurationUnit.Seconds, DurationUnit.Milliseconds, DurationUnit.Microseconds])
        {
            if (nanoseconds != 0 && nanoseconds % NanosecondsPer(unit) == 0)
            {
                return Format(nanoseconds, unit);
            }
        }

        return Format(nanoseconds, DurationUnit.Nanoseconds);
    }

    /// <summary>Writes nanoseconds exactly in the given unit, with as many decimals as needed ("1.5us").</summary>
    public static string Format(long nanoseconds, DurationUnit unit) =>
        ((decimal)nanoseconds / NanosecondsPer(unit)).ToString("0.#########", CultureInfo.InvariantCulture) + Symbol(unit);

    public static string Symbol(DurationUnit unit) => unit switch
    {
        DurationUnit.Nanoseconds => "ns",
        DurationUnit.Microseconds => "us",
        DurationUnit.Milliseconds => "ms",
        DurationUnit.Seconds => "s",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static long NanosecondsPer(DurationUnit unit) => unit switch
    {
        DurationUnit.Nanoseconds => 1,
        DurationUnit.Microseconds => 1_000,
        DurationUnit.Milliseconds => 1_000_000,
        DurationUnit.Seconds => 1_000_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    private static bool TryUnit(string text, out DurationUnit unit)
    {
        // µ: both U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU, as keyboards produce either.
        (bool ok, unit) = text switch
        {
            "ns" => (true, DurationUnit.Nanoseconds),
            "us" or "\u00B5s" or "\u03BCs" => (true, DurationUnit.Microseconds),
            "ms" => (true, DurationUnit.Milliseconds),
            "s" => (true, DurationUnit.Seconds),
            _ => (false, DurationUnit.Nanoseconds),
        };
        return ok;
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "...";
}
