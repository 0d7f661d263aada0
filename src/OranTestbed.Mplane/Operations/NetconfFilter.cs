using System.Collections.Immutable;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Operations;

/// <summary>
/// What part of a datastore or event stream to return (RFC 6241 §6, §8.9): a subtree filter (elements whose shape
/// selects) or an XPath 1.0 expression (needs :xpath) with the namespace prefixes it uses.
/// </summary>
public sealed class NetconfFilter
{
    private NetconfFilter(ImmutableArray<XElement> subtree, string? select, ImmutableDictionary<string, XNamespace> prefixes)
    {
        Subtree = subtree;
        Select = select;
        Prefixes = prefixes;
    }

    /// <summary>The subtree filter's elements (copies), empty for an XPath filter.</summary>
    public ImmutableArray<XElement> Subtree { get; }

    /// <summary>The XPath expression, or null for a subtree filter.</summary>
    public string? Select { get; }

    /// <summary>The prefixes <see cref="Select"/> uses, declared on the filter element.</summary>
    public ImmutableDictionary<string, XNamespace> Prefixes { get; }

    public bool IsXPath => Select is not null;

    /// <summary>A subtree filter (RFC 6241 §6): e.g. <c>&lt;sync xmlns="urn:o-ran:sync:1.0"/&gt;</c> selects the whole container.</summary>
    public static NetconfFilter ForSubtree(params XElement[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new ArgumentException("a subtree filter needs at least one element (an empty filter selects nothing)", nameof(content));
        }

        return new NetconfFilter([.. content.Select(e => new XElement(e))], null, ImmutableDictionary<string, XNamespace>.Empty);
    }

    /// <summary>An XPath filter (RFC 6241 §8.9), e.g. <c>/sync:sync/sync:sync-status</c> with prefix <c>sync</c> bound.</summary>
    public static NetconfFilter ForXPath(string select, IReadOnlyDictionary<string, XNamespace>? prefixes = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(select);
        return new NetconfFilter([], select, prefixes?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, XNamespace>.Empty);
    }

    /// <summary>The <c>&lt;filter&gt;</c> element in <paramref name="ns"/> (base for get/get-config, notification for subscriptions).</summary>
    internal XElement ToElement(XNamespace ns)
    {
        if (Select is null)
        {
            return new XElement(ns + "filter", new XAttribute("type", "subtree"), Subtree.Select(e => new XElement(e)));
        }

        return new XElement(ns + "filter",
            new XAttribute("type", "xpath"),
            new XAttribute("select", Select),
            Prefixes.Select(p => new XAttribute(XNamespace.Xmlns + p.Key, p.Value.NamespaceName)));
    }
}
