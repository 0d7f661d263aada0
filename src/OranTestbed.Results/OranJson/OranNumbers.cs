using System.Collections.Immutable;
using System.Text.Json;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// JSON allows any number of digits and any exponent (RFC 8259 §6); this tool reads numbers as <c>decimal</c> or
/// <c>double</c>. Every number of a document must be a finite double (±1.8e308), otherwise it is refused at its JSON
/// pointer, before anything reads it: <c>1e400</c> is an error naming its field, never an exception.
/// </summary>
internal static class OranNumbers
{
    public static ImmutableArray<ImportError> OutOfRange(JsonElement root)
    {
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        Visit(root, "", errors);
        return errors.ToImmutable();
    }

    /// <summary>Depth is bounded by the parser's <c>MaxDepth</c> (64).</summary>
    private static void Visit(JsonElement element, string pointer, ImmutableArray<ImportError>.Builder errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Visit(property.Value, pointer + "/" + property.Name.Replace("~", "~0", StringComparison.Ordinal)
                        .Replace("/", "~1", StringComparison.Ordinal), errors);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, $"{pointer}/{i++}", errors);
                }

                break;
            case JsonValueKind.Number when !(element.TryGetDouble(out double value) && double.IsFinite(value)):
                string text = element.GetRawText();
                errors.Add(new ImportError(pointer, $"the number {(text.Length > 40 ? text[..40] + "…" : text)} is out of range "
                    + "(at most ±1.8e308)"));
                break;
        }
    }
}
