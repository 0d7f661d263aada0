using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// Our units onto the O-RAN schema's: nanoseconds are exported as milliseconds (÷10⁶), ratios as percentages (×100),
/// booleans as JSON true/false, ppb (which the schema lacks) as text "12.5 ppb", and an unmeasured value as the text
/// "not measured"; the execution note keeps the original unit so that an import converts back exactly.
/// </summary>
internal static class OranUnits
{
    public const string NotMeasured = "not measured";

    private const decimal NanosecondsPerMillisecond = 1_000_000m;

    public static (string Unit, JsonNode Value) ToOran(string unit, decimal? value)
    {
        if (value is not { } v)
        {
            return (Units.Text, JsonValue.Create(NotMeasured));
        }

        return unit switch
        {
            Units.Nanosecond => (Units.Millisecond, Number(v / NanosecondsPerMillisecond)),
            Units.Ratio => (Units.Percentage, Number(v * 100m)),
            Units.Ppb => (Units.Text, JsonValue.Create(Decimals.Format(v) + " ppb")),
            Units.Boolean => (Units.Boolean, JsonValue.Create(v != 0m)),
            _ => (unit, Number(v)),
        };
    }

    /// <summary>A value of an O-RAN measurement in <paramref name="unit"/> (ours, from the note, or the document's own);
    /// null for "not measured"; an error text when it cannot be read.</summary>
    public static (decimal? Value, string? Error) FromOran(string unit, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return (1m, null);
            case JsonValueKind.False:
                return (0m, null);
            case JsonValueKind.Number when value.TryGetDecimal(out decimal number):
                if (unit == Units.Nanosecond && Math.Abs(number) > decimal.MaxValue / NanosecondsPerMillisecond)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"value {value.GetRawText()} ms is out of range (at most {decimal.MaxValue / NanosecondsPerMillisecond:0} ms)"));
                }

                return (unit switch
                {
                    Units.Nanosecond => Decimals.Normalize(number * NanosecondsPerMillisecond),
                    Units.Ratio => Decimals.Normalize(number / 100m),
                    _ => Decimals.Normalize(number),
                }, null);
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (text == NotMeasured)
                {
                    return (null, null);
                }

                string digits = text.EndsWith(" ppb", StringComparison.Ordinal) ? text[..^4] : text;
                return decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed)
                    ? (Decimals.Normalize(parsed), null)
                    : (null, $"value '{text}' is not a number");
            case JsonValueKind.Number:
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"value {value.GetRawText()} is out of range (at most ±{decimal.MaxValue:0})"));
            default:
                return (null, $"value of kind {value.ValueKind} is not a number");
        }
    }

    /// <summary>Our unit for a document without our note: the O-RAN one (percent and milliseconds stay as they are).</summary>
    public static string FromOranUnit(string oranUnit) => Units.All.Contains(oranUnit) ? oranUnit : Units.Text;

    private static JsonValue Number(decimal value) => JsonValue.Create(Decimals.Normalize(value));
}
