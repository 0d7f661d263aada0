using System.Text.Json;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>Parses <c>decode --format jsonl</c> output: every line must be one JSON object.</summary>
internal static class JsonLines
{
    public static List<JsonElement> Parse(CliResult result)
    {
        var frames = new List<JsonElement>();
        foreach (var line in result.Lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.That(document.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), line);
            frames.Add(document.RootElement.Clone());
        }

        return frames;
    }

    /// <summary>The property names of an object, in document order.</summary>
    public static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Follows a dotted path ("eAxC.duPort"); fails the test when a step is missing.</summary>
    public static JsonElement At(JsonElement element, string path)
    {
        foreach (var step in path.Split('.'))
        {
            Assert.That(element.TryGetProperty(step, out var next), Is.True, $"JSON has no '{path}' in {element}");
            element = next;
        }

        return element;
    }

    public static long Long(JsonElement element, string path) => At(element, path).GetInt64();
}
