using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Lists in plan files (<c>[a, b]</c> or <c>- </c> lines), read like <see cref="YamlMappingReader"/> reads scalars:
/// every problem becomes an error at the item's line and column and the item is skipped, so loading goes on. An item
/// listed twice is an error (a list of capabilities or ids is a set written in a readable order).
/// </summary>
internal static class YamlLists
{
    /// <summary>The list under a key; null (and an error when required) when absent, an error when not a list.</summary>
    public static YamlSequenceNode? Sequence(YamlMappingReader map, string key, bool required, string what)
    {
        var value = map.ValueOf(key);
        if (value is null)
        {
            if (required)
            {
                map.Missing(key, what);
            }

            return null;
        }

        if (value is not YamlSequenceNode sequence)
        {
            map.Errors.Add(value, map.PathOf(key), $"expected {what} as a list ([a, b] or '- ' lines), got {YamlMappingReader.Describe(value)}");
            return null;
        }

        return sequence;
    }

    /// <summary>The scalar items of a list (any style), each with its node; duplicates are reported and dropped.</summary>
    public static ImmutableArray<Located<string>> Texts(YamlMappingReader map, string key, bool required, string what,
        bool allowEmpty = true)
    {
        var sequence = Sequence(map, key, required, what);
        if (sequence is null)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<Located<string>>(sequence.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var node = sequence.Children[i];
            string path = $"{map.PathOf(key)}[{i}]";
            if (node is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                map.Errors.Add(node, path, $"expected {what}, got {YamlMappingReader.Describe(node)}");
                continue;
            }

            if (!seen.Add(text))
            {
                map.Errors.Add(node, path, $"'{text}' is listed twice");
                continue;
            }

            items.Add(new Located<string>(text, node, path));
        }

        if (!allowEmpty && sequence.Children.Count == 0)
        {
            map.Errors.Add(sequence, map.PathOf(key), $"the list is empty: give at least one {what}");
        }

        return items.DrainToImmutable();
    }

    /// <summary>Integers of a list, each within min..max (plain YAML numbers, not quoted).</summary>
    public static ImmutableArray<int> Ints(YamlMappingReader map, string key, int min, int max, bool required, string what,
        bool allowEmpty = true) =>
        [.. IntItems(map, key, min, max, required, what, allowEmpty).Select(i => i.Value)];

    /// <summary>Integers of a list with their nodes.</summary>
    public static ImmutableArray<Located<int>> IntItems(YamlMappingReader map, string key, int min, int max, bool required,
        string what, bool allowEmpty = true)
    {
        var items = ImmutableArray.CreateBuilder<Located<int>>();
        foreach (var item in Texts(map, key, required, what, allowEmpty))
        {
            if (item.Node is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain }
                || !int.TryParse(item.Value, System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out int value))
            {
                map.Errors.Add(item.Node, item.KeyPath, $"expected {what} (an integer {min}..{max}), got {YamlMappingReader.Describe(item.Node)}");
                continue;
            }

            if (value < min || value > max)
            {
                map.Errors.Add(item.Node, item.KeyPath, $"{value} is outside {min}..{max}");
                continue;
            }

            items.Add(new Located<int>(value, item.Node, item.KeyPath));
        }

        return items.DrainToImmutable();
    }

    /// <summary>Names from a fixed set (case-sensitive), in the order written.</summary>
    public static ImmutableArray<T> Choices<T>(YamlMappingReader map, string key, IReadOnlyList<KeyValuePair<string, T>> choices,
        bool required, string what, bool allowEmpty = true)
    {
        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var item in Texts(map, key, required, what, allowEmpty))
        {
            if (PlanChoices.TryFind(choices, item.Value, out var value))
            {
                items.Add(value);
            }
            else
            {
                map.Errors.Add(item.Node, item.KeyPath, PlanChoices.Unknown(choices, item.Value, what));
            }
        }

        return items.DrainToImmutable();
    }

    /// <summary>The mapping items of a list, each as a reader with the key path <c>key[i]</c>.</summary>
    public static ImmutableArray<YamlMappingReader> Mappings(YamlMappingReader map, string key, IReadOnlyCollection<string> knownKeys,
        bool required, string what, bool allowEmpty = true)
    {
        var sequence = Sequence(map, key, required, what);
        if (sequence is null)
        {
            return [];
        }

        if (!allowEmpty && sequence.Children.Count == 0)
        {
            map.Errors.Add(sequence, map.PathOf(key), $"the list is empty: give at least one {what}");
        }

        var items = ImmutableArray.CreateBuilder<YamlMappingReader>(sequence.Children.Count);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var node = sequence.Children[i];
            string path = $"{map.PathOf(key)}[{i}]";
            if (node is not YamlMappingNode mapping)
            {
                map.Errors.Add(node, path, $"expected {what} (a mapping of key: value), got {YamlMappingReader.Describe(node)}");
                continue;
            }

            items.Add(new YamlMappingReader(mapping, path, map.Errors, knownKeys));
        }

        return items.DrainToImmutable();
    }
}
