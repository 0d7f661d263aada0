using System.Xml.Linq;

namespace OranTestbed.Mplane.Operations;

/// <summary>
/// Did the edit land? After a commit the O-DU reads <c>running</c> back and compares (mplane.md §1.5-2: netconfd answers
/// <c>&lt;ok/&gt;</c> to a commit that lost the edit, and real O-RUs misreport too). Every leaf of the edit must be in
/// running with the same value. List entries are matched by name and their first child leaf: RFC 7950 §7.8.5 encodes a
/// list's keys first, so that is the (first) key without needing the YANG module. Values compare as trimmed text.
/// </summary>
public static class ConfigReadBack
{
    /// <summary>The leaves of <paramref name="edit"/> (the <c>&lt;config&gt;</c> element or its content) that
    /// <paramref name="running"/> (a get-config reply's <c>&lt;data&gt;</c>) lacks or holds with another value, as
    /// <c>/path/leaf: expected 'x', running has 'y'</c>; empty when the edit landed.</summary>
    public static IReadOnlyList<string> Differences(XElement edit, XElement running)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(running);
        var differences = new List<string>();
        foreach (var top in edit.Elements())
        {
            Compare(top, running.Elements(top.Name), "/" + top.Name.LocalName, differences);
        }

        return differences;
    }

    private static void Compare(XElement expected, IEnumerable<XElement> candidates, string path, List<string> differences)
    {
        if (!expected.HasElements)
        {
            var leaf = candidates.FirstOrDefault();
            if (leaf is null)
            {
                differences.Add($"{path}: expected '{expected.Value.Trim()}', running has none");
            }
            else if (!string.Equals(leaf.Value.Trim(), expected.Value.Trim(), StringComparison.Ordinal))
            {
                differences.Add($"{path}: expected '{expected.Value.Trim()}', running has '{leaf.Value.Trim()}'");
            }

            return;
        }

        var key = expected.Elements().FirstOrDefault(e => !e.HasElements);
        var match = key is null
            ? candidates.FirstOrDefault()
            : candidates.FirstOrDefault(c => string.Equals(c.Element(key.Name)?.Value.Trim(), key.Value.Trim(), StringComparison.Ordinal));
        string where = key is null ? path : $"{path}[{key.Name.LocalName}='{key.Value.Trim()}']";
        if (match is null)
        {
            differences.Add($"{where}: missing from running");
            return;
        }

        foreach (var child in expected.Elements())
        {
            Compare(child, match.Elements(child.Name), $"{where}/{child.Name.LocalName}", differences);
        }
    }
}
