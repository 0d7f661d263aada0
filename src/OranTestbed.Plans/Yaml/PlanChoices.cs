using System.Diagnostics.CodeAnalysis;

namespace OranTestbed.Plans.Yaml;

/// <summary>Lookup of a name in a fixed set of choices, and the message when it is not one of them.</summary>
internal static class PlanChoices
{
    public static bool TryFind<T>(IReadOnlyList<KeyValuePair<string, T>> choices, string name, [MaybeNullWhen(false)] out T value)
    {
        foreach (var (key, candidate) in choices)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The name of a value (the first choice mapping to it).</summary>
    public static string NameOf<T>(IReadOnlyList<KeyValuePair<string, T>> choices, T value)
    {
        foreach (var (key, candidate) in choices)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return key;
            }
        }

        return value?.ToString() ?? "";
    }

    public static string Unknown<T>(IReadOnlyList<KeyValuePair<string, T>> choices, string name, string what)
    {
        var names = choices.Select(c => c.Key).ToList();
        string? close = KeySuggestions.Closest(name, names);
        return close is null
            ? $"'{name}' is not {what}: use one of {string.Join(", ", names)}"
            : $"'{name}' is not {what}; did you mean '{close}'?";
    }
}
