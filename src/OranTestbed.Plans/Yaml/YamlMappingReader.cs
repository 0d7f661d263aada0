using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Typed, position-aware reading of one YAML mapping of a plan file. It knows the mapping's dotted key path and the
/// keys it may hold: unknown keys are reported when it is created (with a "did you mean"), and every typed read adds an
/// error at the value's line and column and returns null instead of throwing, so a loader goes on and reports
/// everything wrong with a file in one pass. A key whose value is empty, <c>~</c> or <c>null</c> counts as absent.
/// Numbers and booleans must be plain YAML scalars (<c>4</c>, <c>true</c>): a quoted <c>"4"</c> is a string.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMappingReader(YamlMappingNode node, string path, PlanErrors errors, IReadOnlyCollection<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(knownKeys);
        Node = node;
        Path = path;
        Errors = errors;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                errors.Add(keyNode, path, "keys must be plain names, not " + Describe(keyNode));
                continue;
            }

            if (!knownKeys.Contains(key))
            {
                string? suggestion = KeySuggestions.Closest(key, knownKeys);
                errors.Add(keyNode, PathOf(key), suggestion is null
                    ? $"unknown key; {(path.Length == 0 ? "the file" : path)} takes {string.Join(", ", knownKeys)}"
                    : $"unknown key; did you mean '{suggestion}'?");
                continue;
            }

            _entries[key] = (scalarKey, value);
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of this mapping; empty for the document root.</summary>
    public string Path { get; }

    public PlanErrors Errors { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => ValueOf(key) is not null;

    /// <summary>The value node of a key (null when absent or null-valued), for positioning errors that involve several keys.</summary>
    public YamlNode? ValueOf(string key) =>
        _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <summary>Reports an error at the key's value (or at this mapping when the key is absent).</summary>
    public void Error(string key, string message) => Errors.Add(ValueOf(key) ?? (YamlNode)Node, PathOf(key), message);

    /// <summary>Reports a missing required key at the start of this mapping.</summary>
    public void Missing(string key, string what) =>
        Errors.Add(Node, PathOf(key), $"required key is missing: {what}");

    public YamlMappingReader? Mapping(string key, IReadOnlyCollection<string> knownKeys, bool required = false, string what = "a mapping")
    {
        var value = ValueOf(key);
        if (value is null)
        {
            if (required)
            {
                Missing(key, what);
            }

            return null;
        }

        if (value is not YamlMappingNode mapping)
        {
            Errors.Add(value, PathOf(key), $"expected {what} (indented key: value lines or {{key: value}}), got {Describe(value)}");
            return null;
        }

        return new YamlMappingReader(mapping, PathOf(key), Errors, knownKeys);
    }

    /// <summary>The text of a scalar value (any style).</summary>
    public string? Text(string key, bool required = false, string what = "a value")
    {
        var scalar = Scalar(key, required, what);
        return scalar?.Value;
    }

    public int? Int(string key, int min, int max, bool required = false, string what = "an integer")
    {
        var scalar = Scalar(key, required, $"{what} ({min}..{max})");
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Style is not ScalarStyle.Plain || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out int value))
        {
            Errors.Add(scalar, PathOf(key), $"expected an integer {min}..{max}, got {Describe(scalar)}");
            return null;
        }

        if (value < min || value > max)
        {
            Errors.Add(scalar, PathOf(key), $"{value} is outside {min}..{max}");
            return null;
        }

        return value;
    }

    public bool? Bool(string key, bool required = false)
    {
        var scalar = Scalar(key, required, "true or false");
        if (scalar is null)
        {
            return null;
        }

        // YAML 1.2 core schema booleans only: 'yes'/'on' are YAML 1.1 and read differently by different tools.
        if (scalar.Style is ScalarStyle.Plain && scalar.Value is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (scalar.Style is ScalarStyle.Plain && scalar.Value is "false" or "False" or "FALSE")
        {
            return false;
        }

        Errors.Add(scalar, PathOf(key), $"expected true or false, got {Describe(scalar)}");
        return null;
    }

    /// <summary>A duration with a unit (<see cref="DurationText"/>) in nanoseconds.</summary>
    public long? Duration(string key, bool required = false, bool allowNegative = false)
    {
        var scalar = Scalar(key, required, "a duration with a unit, e.g. 60us");
        if (scalar is null)
        {
            return null;
        }

        if (!DurationText.TryParse(scalar.Value ?? "", out long ns, out string? error))
        {
            Errors.Add(scalar, PathOf(key), error);
            return null;
        }

        if (ns < 0 && !allowNegative)
        {
            Errors.Add(scalar, PathOf(key), $"'{scalar.Value}' must not be negative");
            return null;
        }

        return ns;
    }

    /// <summary>A ratio (<see cref="RatioText"/>) as a fraction 0..1.</summary>
    public decimal? Ratio(string key)
    {
        var scalar = Scalar(key, false, "a ratio");
        if (scalar is null)
        {
            return null;
        }

        if (!RatioText.TryParse(scalar.Value ?? "", out decimal fraction, out string? error))
        {
            Errors.Add(scalar, PathOf(key), error);
            return null;
        }

        return fraction;
    }

    /// <summary>One of a fixed set of names (case-sensitive, as YANG enumerations are).</summary>
    public T? Choice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> choices, bool required = false)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(choices);
        string names = string.Join(", ", choices.Select(c => c.Key));
        var scalar = Scalar(key, required, "one of " + names);
        if (scalar is null)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, scalar.Value, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Errors.Add(scalar, PathOf(key), $"expected one of {names}, got {Describe(scalar)}");
        return null;
    }

    /// <summary>The scalar value of a key; errors when it is a mapping or a sequence, or when required and absent.</summary>
    public YamlScalarNode? Scalar(string key, bool required, string what)
    {
        var value = ValueOf(key);
        if (value is null)
        {
            if (required)
            {
                Missing(key, what);
            }

            return null;
        }

        if (value is not YamlScalarNode scalar)
        {
            Errors.Add(value, PathOf(key), $"expected {what}, got {Describe(value)}");
            return null;
        }

        return scalar;
    }

    /// <summary>How a node looks, for messages: "'one'", "a mapping", "a list".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } s => $"the string '{s.Value}'",
        YamlScalarNode s => $"'{s.Value}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
