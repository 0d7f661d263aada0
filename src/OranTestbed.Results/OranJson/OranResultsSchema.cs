using System.Collections.Immutable;
using System.Text.Json;
using Json.Schema;

namespace OranTestbed.Results.OranJson;

/// <summary>
/// The O-RAN ALLIANCE test-results JSON Schema (draft 2020-12, <c>$id</c> https://o-ran.org/schemas/o-ran-test-results,
/// schemaVersion 1), embedded: source o-ran-sc/it-tifg <c>schema/o-ran-test-results-schema.json</c> at commit 1a264b9,
/// licensed under the O-RAN ALLIANCE Standards Collaboration Copyright License 1.0 (stated inside the file). Validated
/// with JsonSchema.Net, formats (date-time, email, uri, uuid) included.
/// </summary>
public static class OranResultsSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema text as embedded.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(OranResultsSchema).Assembly.GetManifestResourceStream("OranTestbed.Results.o-ran-test-results-schema.json")
                ?? throw new InvalidOperationException("embedded O-RAN results schema missing");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Every failure, deepest first, with the JSON pointer of the failing value; empty when valid.</summary>
    public static ImmutableArray<ImportError> Validate(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Append(results)
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new ImportError(d.InstanceLocation.ToString(), $"{e.Value} ({d.EvaluationPath})")))
            .Distinct()
            .OrderByDescending(e => e.Location.Count(c => c == '/'))
            .ThenBy(e => e.Location, StringComparer.Ordinal)
            .ToImmutableArray();
        return errors.IsEmpty ? [new ImportError("", "does not match the O-RAN test-results schema")] : errors;
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
