using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// Instance identity in a datastore tree of <see cref="XElement"/>s: a list entry is its name plus its key leaves (from
/// <see cref="YangCatalog.ListKeys"/>), any other node its name (namespace included). Used by edit-config, subtree
/// filtering and the state overlay so they agree on which node is which.
/// </summary>
internal static class DataTree
{
    /// <summary>The child of <paramref name="parent"/> that is the same instance as <paramref name="node"/>, or null.</summary>
    public static XElement? FindMatch(XElement parent, XElement node, YangCatalog catalog)
    {
        var keys = KeysOf(node, catalog);
        foreach (var candidate in parent.Elements(node.Name))
        {
            if (keys.Count == 0 || keys.All(k => KeyValue(candidate, node.Name.Namespace, k) == KeyValue(node, node.Name.Namespace, k)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The key leaf names of a list entry (empty for a container or leaf).</summary>
    public static IReadOnlyList<string> KeysOf(XElement node, YangCatalog catalog) =>
        node.HasElements && catalog.ListKeys.TryGetValue(node.Name.LocalName, out var keys) ? keys : [];

    /// <summary>The text of key leaf <paramref name="key"/> of a list entry, or null.</summary>
    public static string? KeyValue(XElement entry, XNamespace ns, string key) =>
        (entry.Element(ns + key) ?? entry.Elements().FirstOrDefault(e => e.Name.LocalName == key))?.Value.Trim();

    /// <summary>An XPath naming <paramref name="node"/> for error-path: local names, list entries with their keys.</summary>
    public static string PathOf(XElement node, YangCatalog catalog)
    {
        var parts = new List<string>();
        for (var e = node; e is not null && e.Name != NetconfNamespaces.Base + "config" && e.Name != NetconfNamespaces.Base + "data";
             e = e.Parent)
        {
            var part = new StringBuilder(e.Name.LocalName);
            foreach (string key in KeysOf(e, catalog))
            {
                part.Append(CultureInfo.InvariantCulture, $"[{key}='{KeyValue(e, e.Name.Namespace, key)}']");
            }

            parts.Add(part.ToString());
        }

        parts.Reverse();
        return "/" + string.Join('/', parts);
    }

    /// <summary>
    /// A deep copy without NETCONF attributes (<c>operation</c>), as it is stored. Namespace declarations stay: an
    /// identityref value (<c>ianaift:l2vlan</c>) needs its prefix.
    /// </summary>
    public static XElement Clean(XElement node)
    {
        var copy = new XElement(node.Name, node.Attributes().Where(a => a.Name.Namespace != NetconfNamespaces.Base));
        if (node.HasElements)
        {
            copy.Add(node.Elements().Select(Clean));
        }
        else
        {
            copy.Value = node.Value.Trim();
        }

        return copy;
    }

    /// <summary>
    /// Merges <paramref name="overlay"/>'s children into <paramref name="target"/> (state data over configuration: a
    /// leaf's value is replaced, list entries matched by key, missing nodes added).
    /// </summary>
    public static void Overlay(XElement target, XElement overlay, YangCatalog catalog)
    {
        foreach (var child in overlay.Elements())
        {
            var existing = FindMatch(target, child, catalog);
            if (existing is null)
            {
                target.Add(new XElement(child));
            }
            else if (child.HasElements)
            {
                Overlay(existing, child, catalog);
            }
            else
            {
                existing.Value = child.Value;
            }
        }
    }
}
