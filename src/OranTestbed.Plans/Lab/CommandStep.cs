using System.Collections.Immutable;
using System.Text;

namespace OranTestbed.Plans.Lab;

/// <summary>
/// One lifecycle step of a command-line driver: a command template, how long it may take and the exit code that means
/// success. <c>{name}</c> in the template is a variable (<see cref="CommandLineDriver.BuiltInVariables"/> or the
/// driver's own); <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public sealed record CommandStep(string Command, TimeSpan Timeout, int ExpectedExitCode)
{
    /// <summary>The variable names the template uses, in order of first use.</summary>
    public ImmutableArray<string> Variables => [.. Placeholders(Command).Select(p => p.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>The command with every <c>{name}</c> replaced by its value.</summary>
    /// <exception cref="KeyNotFoundException">A variable has no value.</exception>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(Command.Length + 32);
        int last = 0;
        foreach (var (name, start, length) in Placeholders(Command))
        {
            text.Append(Unescape(Command[last..start]));
            text.Append(values.TryGetValue(name, out var value)
                ? value
                : throw new KeyNotFoundException($"command variable '{name}' has no value"));
            last = start + length;
        }

        return text.Append(Unescape(Command[last..])).ToString();
    }

    /// <summary>The <c>{name}</c> placeholders of a template, with their start and length; <c>{{</c>/<c>}}</c> skipped.</summary>
    internal static IEnumerable<(string Name, int Start, int Length)> Placeholders(string template)
    {
        for (int i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            int end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return (template[(i + 1)..end], i, end - i + 1);
            i = end;
        }
    }

    /// <summary>Why a template is malformed (an unclosed or empty brace), or null.</summary>
    internal static string? Malformed(string template)
    {
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
            }
            else if (c == '{')
            {
                int end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    return $"'{{' at character {i + 1} is never closed: write {{name}} for a variable or {{{{ for a brace";
                }

                if (end == i + 1)
                {
                    return $"'{{}}' at character {i + 1} names no variable";
                }

                i = end;
            }
            else if (c == '}' && !(i + 1 < template.Length && template[i + 1] == '}'))
            {
                return $"'}}' at character {i + 1} closes nothing: write }}}} for a brace";
            }
            else if (c == '}')
            {
                i++;
            }
        }

        return null;
    }

    private static string Unescape(string text) => text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}
