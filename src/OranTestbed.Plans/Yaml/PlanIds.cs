using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// Ids of plan items (vendors, products, bands, operator profiles, cases, benches, campaigns) are kebab-case:
/// lower-case letters and digits in words joined by '-', e.g. <c>xd-100</c>, so that they are file names, URL parts
/// and stable hash inputs at once. A product is named <c>VENDOR/PRODUCT</c>, e.g. <c>xylem/xd-100</c>.
/// </summary>
internal static class PlanIds
{
    public const int MaxLength = 64;

    public static bool IsKebab(string text)
    {
        if (text.Length is 0 or > MaxLength || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && text[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static string NotKebab(string text) =>
        $"'{text}' is not an id: use lower-case letters, digits and single '-' between words (kebab-case, at most {MaxLength} characters), e.g. xd-100";

    /// <summary>True for <c>vendor/product</c> with both parts kebab-case.</summary>
    public static bool IsProductId(string text)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsKebab(text[..slash]) && IsKebab(text[(slash + 1)..]);
    }

    public static string NotProductId(string text) =>
        $"'{text}' is not a product: write VENDOR/PRODUCT with kebab-case ids, e.g. xylem/xd-100";

    /// <summary>A metric id: kebab-case, or a scope and a metric joined by one '.' (<c>t2a-up.late-ratio</c>: the late
    /// ratio of one delay window).</summary>
    public static bool IsMetricId(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? IsKebab(text) : text.Length <= MaxLength && IsKebab(text[..dot]) && IsKebab(text[(dot + 1)..]);
    }

    /// <summary>A metric id under a key (<see cref="IsMetricId"/>); null (with an error) when absent or malformed.</summary>
    public static Located<string>? MetricId(YamlMappingReader map, string key, string what)
    {
        var scalar = map.Scalar(key, required: true, what);
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!IsMetricId(text))
        {
            map.Errors.Add(scalar, map.PathOf(key),
                $"'{text}' is not a metric id: kebab-case (late-ratio), or a scope and a metric joined by '.' (t2a-up.late-ratio)");
            return null;
        }

        return new Located<string>(text, scalar, map.PathOf(key));
    }

    /// <summary>A kebab-case id under a key; null (with an error) when absent-and-required or malformed.</summary>
    public static Located<string>? Id(YamlMappingReader map, string key, bool required, string what)
    {
        var scalar = map.Scalar(key, required, what);
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        if (!IsKebab(text))
        {
            map.Errors.Add(scalar, map.PathOf(key), NotKebab(text));
            return null;
        }

        return new Located<string>(text, scalar, map.PathOf(key));
    }

    /// <summary>The id of a file's item: the <c>id</c> key, which must then equal the file name, else the file name.</summary>
    public static Located<string>? FileId(YamlMappingReader map, string source, string key = "id")
    {
        string stem = Path.GetFileNameWithoutExtension(source);
        if (map.Has(key))
        {
            var id = Id(map, key, required: false, "an id");
            if (id is { } given && given.Value != stem)
            {
                map.Error(key, $"the id '{given.Value}' differs from the file name '{stem}': name the file {given.Value}.yaml "
                    + "(one item per file, found by its id)");

                // Go on under the file name, so that references to it do not add errors of their own.
                return new Located<string>(stem, given.Node, key);
            }

            return id;
        }

        if (!IsKebab(stem))
        {
            map.Errors.Add(map.Node, key, $"the file name '{stem}' is not a kebab-case id: rename the file or give id");
            return null;
        }

        return new Located<string>(stem, map.Node, key);
    }

    /// <summary>Kebab-case ids (or <c>VENDOR/PRODUCT</c> with <paramref name="products"/>) of a list.</summary>
    public static IEnumerable<Located<string>> Ids(YamlMappingReader map, string key, bool required, string what,
        bool products = false, bool allowEmpty = true)
    {
        foreach (var item in YamlLists.Texts(map, key, required, what, allowEmpty))
        {
            if (products ? !IsProductId(item.Value) : !IsKebab(item.Value))
            {
                map.Errors.Add(item.Node, item.KeyPath, products ? NotProductId(item.Value) : NotKebab(item.Value));
                continue;
            }

            yield return item;
        }
    }

    public static Located<string>? ProductId(YamlMappingReader map, YamlNode node, string keyPath)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            map.Errors.Add(node, keyPath, $"expected a product VENDOR/PRODUCT, got {YamlMappingReader.Describe(node)}");
            return null;
        }

        if (!IsProductId(text))
        {
            map.Errors.Add(node, keyPath, NotProductId(text));
            return null;
        }

        return new Located<string>(text, node, keyPath);
    }
}
