using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Conformance;

/// <summary>
/// CONF.0 §3.1.4 retrieval. Without a filter (§3.1.4.1): a <c>&lt;get&gt;</c> returns the O-RU's data:
/// <c>retrieved-nodes</c> (top-level nodes) and <c>retrieved-o-ran-modules</c> (of them, distinct O-RAN namespaces).
/// With a subtree filter path (§3.1.4.2, e.g. <c>user-plane-configuration/low-level-rx-endpoints</c>): the filter is
/// built in the namespace the O-RU's own data uses for the top node, and the reply must hold only that path:
/// <c>filter-respected</c> (1: nothing outside the path) and <c>filtered-nodes</c> (instances of its last node).
/// </summary>
public static class RetrievalCheck
{
    public static async Task<CheckResult> RunAsync(NetconfSession session, string? filterPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var everything = await session.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var top = everything.Elements().ToList();
        if (filterPath is null)
        {
            return CheckResult.Of(
                ("retrieved-nodes", top.Count),
                ("retrieved-o-ran-modules", top.Select(e => e.Name.NamespaceName).Where(n => n.StartsWith("urn:o-ran:", StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal).Count()));
        }

        string[] names = filterPath.Split('/');
        if (top.FirstOrDefault(e => e.Name.LocalName == names[0]) is not { } root)
        {
            return CheckResult.NotMeasured($"the O-RU's data has no top-level node '{names[0]}' to filter on");
        }

        XNamespace ns = root.Name.Namespace;
        XElement? filter = null;
        for (int i = names.Length - 1; i >= 0; i--)
        {
            filter = filter is null ? new XElement(ns + names[i]) : new XElement(ns + names[i], filter);
        }

        var filtered = await session.GetAsync(NetconfFilter.ForSubtree(filter!), cancellationToken).ConfigureAwait(false);
        bool respected = Respects(filtered.Elements(), ns, names, 0);
        int instances = filtered.Elements(ns + names[0]).Count();
        IEnumerable<XElement> level = filtered.Elements(ns + names[0]);
        for (int i = 1; i < names.Length; i++)
        {
            level = level.Elements(ns + names[i]);
        }

        return CheckResult.Of(("filter-respected", CheckResult.Flag(respected && instances > 0)), ("filtered-nodes", level.Count()));
    }

    /// <summary>Every node down the path is the path's (the last node's content is free).</summary>
    private static bool Respects(IEnumerable<XElement> nodes, XNamespace ns, string[] names, int depth) =>
        depth >= names.Length || nodes.All(n => n.Name == ns + names[depth] && Respects(n.Elements(), ns, names, depth + 1));
}
