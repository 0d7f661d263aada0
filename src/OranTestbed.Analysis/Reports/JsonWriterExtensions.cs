using System.Text.Json;

namespace OranTestbed.Analysis.Reports;

/// <summary>Optional values in the report JSON: written as <c>null</c> when absent, so every key is always present.</summary>
internal static class JsonWriterExtensions
{
    public static void WriteNullableNumber(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteNullableString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
