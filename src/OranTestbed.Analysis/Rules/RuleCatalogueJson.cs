using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OranTestbed.Analysis.Rules;

/// <summary>The catalogue as JSON: {"rules": [{id, severity, clause, description}]} in ordinal order.</summary>
public static class RuleCatalogueJson
{
    public static void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("rules");
        foreach (var rule in RuleCatalogue.All)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("severity", RuleSeverityNames.Of(rule.Severity));
            writer.WriteString("clause", rule.Clause);
            writer.WriteString("description", rule.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
