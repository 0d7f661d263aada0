using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Iot;

/// <summary>
/// A pass criterion, written as a comparison and a value in the metric's unit: <c>&gt;= 0.8</c>, <c>&lt;= 0.1%</c>,
/// <c>&lt;= 1500ns</c>, <c>&lt;= 50ppb</c>, <c>&gt;= 800Mbps</c>, <c>&gt;= 10</c>, <c>== true</c>. <see cref="Value"/> is in
/// the unit's base (fraction, count, ns, ppb, Mbit/s; true = 1).
/// </summary>
public sealed record MetricThreshold(Comparison Comparison, decimal Value, MetricUnit Unit)
{
    /// <summary>True when a measurement (in the unit's base) meets the criterion.</summary>
    public bool IsMet(decimal measured) => Comparison switch
    {
        Comparison.Less => measured < Value,
        Comparison.LessOrEqual => measured <= Value,
        Comparison.Equal => measured == Value,
        Comparison.GreaterOrEqual => measured >= Value,
        Comparison.Greater => measured > Value,
        _ => false,
    };

    public override string ToString() => $"{Symbol(Comparison)} {FormatValue()}";

    /// <summary>Parses a criterion for a metric of the given unit; else says why (including a criterion no value can meet).</summary>
    public static bool TryParse(string text, MetricUnit unit, [NotNullWhen(true)] out MetricThreshold? threshold,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        threshold = null;
        string s = text.Trim();
        int opLength = s.StartsWith("<=", StringComparison.Ordinal) || s.StartsWith(">=", StringComparison.Ordinal)
            || s.StartsWith("==", StringComparison.Ordinal) ? 2 : s.Length > 0 && s[0] is '<' or '>' ? 1 : 0;
        if (opLength == 0)
        {
            error = $"'{s}' is not a threshold: write a comparison (<, <=, ==, >=, >) and a value, e.g. {Example(unit)}";
            return false;
        }

        var comparison = s[..opLength] switch
        {
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            "==" => Comparison.Equal,
            ">=" => Comparison.GreaterOrEqual,
            _ => Comparison.Greater,
        };
        string valueText = s[opLength..].Trim();
        if (!TryValue(valueText, unit, out decimal value, out error))
        {
            return false;
        }

        if (unit == MetricUnit.Boolean && comparison != Comparison.Equal)
        {
            error = $"'{s}': a true/false metric is compared with ==, e.g. == true";
            return false;
        }

        decimal? floor = unit is MetricUnit.Ratio or MetricUnit.Count or MetricUnit.Duration or MetricUnit.Mbps ? 0 : null;
        decimal? ceiling = unit == MetricUnit.Ratio ? 1 : null;
        if ((comparison == Comparison.Less && floor is { } f && value <= f)
            || (comparison == Comparison.Greater && ceiling is { } c && value >= c))
        {
            error = $"'{s}' can never be met: a {Name(unit)} is {(ceiling is null ? "never below 0" : "within 0..1")}";
            return false;
        }

        threshold = new MetricThreshold(comparison, value, unit);
        error = null;
        return true;
    }

    /// <summary>The file name of a unit (ratio, count, duration, ppb, mbps, boolean).</summary>
    public static string Name(MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => "ratio",
        MetricUnit.Count => "count",
        MetricUnit.Duration => "duration",
        MetricUnit.Ppb => "ppb",
        MetricUnit.Mbps => "mbps",
        _ => "boolean",
    };

    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Equal => "==",
        Comparison.GreaterOrEqual => ">=",
        _ => ">",
    };

    private static bool TryValue(string text, MetricUnit unit, out decimal value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        error = null;
        switch (unit)
        {
            case MetricUnit.Ratio:
                return RatioText.TryParse(text, out value, out error);
            case MetricUnit.Duration:
                if (!DurationText.TryParse(text, out long ns, out error))
                {
                    return false;
                }

                if (ns < 0)
                {
                    error = $"'{text}' must not be negative";
                    return false;
                }

                value = ns;
                return true;
            case MetricUnit.Boolean:
                if (text is "true" or "false")
                {
                    value = text == "true" ? 1 : 0;
                    return true;
                }

                error = $"'{text}' is not true or false";
                return false;
            case MetricUnit.Count:
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                {
                    value = count;
                    return true;
                }

                error = $"'{text}' is not a count: write a whole number, e.g. >= 10";
                return false;
            case MetricUnit.Ppb:
                if (text.EndsWith("ppb", StringComparison.Ordinal)
                    && decimal.TryParse(text[..^3].TrimEnd(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture, out value))
                {
                    return true;
                }

                error = $"'{text}' is not in ppb: write it with its unit, e.g. 50ppb";
                return false;
            default:
                foreach (var (suffix, factor) in (ReadOnlySpan<(string, decimal)>)[("Gbps", 1000m), ("Mbps", 1m)])
                {
                    if (text.EndsWith(suffix, StringComparison.Ordinal)
                        && decimal.TryParse(text[..^suffix.Length].TrimEnd(), NumberStyles.AllowDecimalPoint,
                            CultureInfo.InvariantCulture, out decimal rate))
                    {
                        value = rate * factor;
                        return true;
                    }
                }

                error = $"'{text}' is not a throughput: write it with its unit, e.g. 800Mbps or 1.2Gbps";
                return false;
        }
    }

    private string FormatValue() => Unit switch
    {
        MetricUnit.Duration => DurationText.Format((long)Value),
        MetricUnit.Boolean => Value != 0 ? "true" : "false",
        MetricUnit.Ppb => Value.ToString("0.###", CultureInfo.InvariantCulture) + "ppb",
        MetricUnit.Mbps => Value.ToString("0.###", CultureInfo.InvariantCulture) + "Mbps",
        _ => Value.ToString("0.##########", CultureInfo.InvariantCulture),
    };

    private static string Example(MetricUnit unit) => unit switch
    {
        MetricUnit.Ratio => ">= 0.8 or <= 0.1%",
        MetricUnit.Count => ">= 10",
        MetricUnit.Duration => "<= 1500ns",
        MetricUnit.Ppb => "<= 50ppb",
        MetricUnit.Mbps => ">= 800Mbps",
        _ => "== true",
    };
}
