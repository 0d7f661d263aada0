using System.Xml.Linq;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// RFC 6241 §6 subtree filtering of a datastore tree. A filter node with children is a containment node (recurse); an
/// empty leaf is a selection node (the whole matching subtree); a leaf with text is a content-match node (its parent
/// instance is selected only when every content-match sibling equals the data). A filter element without a namespace
/// matches any namespace (§6.2.1: "wildcard"). A list entry in the output keeps its key leaves so it can be told apart.
/// </summary>
internal sealed class SubtreeFilter(YangCatalog catalog)
{
    /// <summary>The filtered copy of <paramref name="data"/>'s children under a new element named like it.</summary>
    public XElement Apply(XElement data, XElement filter)
    {
        var result = new XElement(data.Name);
        if (!filter.HasElements)
        {
            // An empty filter selects nothing (§6.4.2); whitespace-only text is no filter content either.
            return result;
        }

        foreach (var node in FilterChildren(data, filter.Elements()))
        {
            result.Add(node);
        }

        return result;
    }

    private List<XElement> FilterChildren(XElement data, IEnumerable<XElement> filterNodes)
    {
        var output = new List<XElement>();
        foreach (var filterNode in filterNodes)
        {
            foreach (var candidate in data.Elements().Where(e => Matches(e, filterNode)))
            {
                if (FilterNode(candidate, filterNode) is not { } kept)
                {
                    continue;
                }

                // Two filter nodes may select parts of one instance: one output element holds both.
                if (output.FirstOrDefault(o => ReferenceEquals(o.Annotation<XElement>(), candidate)) is { } earlier)
                {
                    MergeInto(earlier, kept);
                }
                else
                {
                    kept.AddAnnotation(candidate);
                    output.Add(kept);
                }
            }
        }

        foreach (var node in output)
        {
            node.RemoveAnnotations<XElement>();
        }

        return output;
    }

    private XElement? FilterNode(XElement data, XElement filterNode)
    {
        if (!filterNode.HasElements)
        {
            string text = filterNode.Value.Trim();
            return text.Length == 0 || data.Value.Trim() == text ? new XElement(data) : null;
        }

        var children = filterNode.Elements().ToList();
        var contentMatches = children.Where(IsContentMatch).ToList();
        foreach (var match in contentMatches)
        {
            if (!data.Elements().Any(d => Matches(d, match) && d.Value.Trim() == match.Value.Trim()))
            {
                return null;
            }
        }

        var others = children.Where(c => !IsContentMatch(c)).ToList();
        if (others.Count == 0)
        {
            return new XElement(data);
        }

        var result = new XElement(data.Name);
        foreach (string key in DataTree.KeysOf(data, catalog))
        {
            if (data.Elements().FirstOrDefault(e => e.Name.LocalName == key) is { } keyLeaf)
            {
                result.Add(new XElement(keyLeaf));
            }
        }

        foreach (var match in contentMatches)
        {
            if (!result.Elements().Any(e => Matches(e, match)))
            {
                result.Add(new XElement(data.Elements().First(d => Matches(d, match))));
            }
        }

        var selected = FilterChildren(data, others);
        if (selected.Count == 0 && contentMatches.Count == 0)
        {
            return null; // a containment node with nothing below it is not in the output
        }

        foreach (var node in selected)
        {
            if (!result.Elements(node.Name).Any(e => XNode.DeepEquals(e, node)))
            {
                result.Add(node);
            }
        }

        return result;
    }

    private static bool IsContentMatch(XElement filterNode) => !filterNode.HasElements && filterNode.Value.Trim().Length > 0;

    private static bool Matches(XElement data, XElement filterNode) =>
        data.Name.LocalName == filterNode.Name.LocalName
        && (filterNode.Name.Namespace == XNamespace.None || filterNode.Name.Namespace == data.Name.Namespace);

    /// <summary>Two filter nodes selected parts of the same instance: one output element holds both.</summary>
    private static void MergeInto(XElement into, XElement more)
    {
        foreach (var child in more.Elements())
        {
            if (!into.Elements(child.Name).Any(e => XNode.DeepEquals(e, child)))
            {
                into.Add(new XElement(child));
            }
        }
    }
}
