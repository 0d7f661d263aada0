using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// What one session may do under NACM (RFC 8341 §3.4): its user, the user's group and the group's row of
/// <see cref="NacmPrivileges"/>. A node or operation belongs to the module of its namespace (an augmenting module's nodes
/// to that module, as in RFC 8341 §3.4.5). Reads the group may not do are left out silently; writes and operations it may
/// not do are refused with <c>access-denied</c> and change nothing.
/// </summary>
internal sealed class NacmAccess
{
    private static readonly XNamespace B = NetconfNamespaces.Base;

    private readonly NacmPolicy _policy;

    public NacmAccess(NacmPolicy policy, string user, string? group)
    {
        _policy = policy;
        User = user;
        Group = group;
        Unrestricted = NacmPrivileges.MayRunProtectedOperations(group);
    }

    public string User { get; }

    /// <summary>The user's NACM group; null for a user without an account (RFC 8341 defaults apply).</summary>
    public string? Group { get; }

    /// <summary>sudo (and smo), or NACM off: every check passes.</summary>
    public bool Unrestricted { get; }

    public override string ToString() => Group is null ? $"user '{User}' (in no NACM group)" : $"user '{User}' (NACM group {Group})";

    public bool MayRead(XName node) => Allows(node.Namespace, NacmOperations.Read);

    public bool MayWrite(XName node) => Allows(node.Namespace, NacmOperations.Write);

    /// <summary>RFC 8341 §3.4.4: close-session always; kill-session and delete-config (default-deny-all) with a permit only.</summary>
    public bool MayExecute(XName operation)
    {
        if (Unrestricted || operation == B + "close-session")
        {
            return true;
        }

        if (operation == B + "kill-session" || operation == B + "delete-config")
        {
            return false;
        }

        return Allows(operation.Namespace, NacmOperations.Exec);
    }

    /// <summary>The operation may not run: access-denied (error-type protocol, RFC 6241 Appendix A), counted.</summary>
    public NetconfRpcException OperationDenied(XName operation)
    {
        _policy.CountDeniedOperation();
        return new NetconfRpcException(RpcError.AccessDenied("protocol",
            $"{this} may not invoke {operation.LocalName} ({_policy.ModuleOf(operation.Namespace) ?? operation.NamespaceName})"));
    }

    /// <summary>RFC 8341 §3.4.5: removes from <paramref name="data"/> every node the session may not read; returns it.</summary>
    public XElement Prune(XElement data)
    {
        if (!Unrestricted)
        {
            foreach (var node in data.Descendants().Where(n => !MayRead(n.Name)).ToList())
            {
                node.Remove();
            }
        }

        return data;
    }

    /// <summary>Whether a notification may go to this session (RFC 8341 §3.4.6); a withheld one is counted.</summary>
    public bool MayReceive(XElement notification)
    {
        if (MayRead(notification.Name))
        {
            return true;
        }

        _policy.CountDeniedNotification();
        return false;
    }

    /// <summary>
    /// RFC 8341 §3.4.5 for edit-config and commit: every node that <paramref name="after"/> creates, deletes or changes
    /// against <paramref name="before"/> (two whole datastores) must be writable; otherwise access-denied (error-type
    /// application) at the first such node, counted, and the caller keeps <paramref name="before"/>.
    /// </summary>
    public void CheckWrite(XElement before, XElement after, YangCatalog catalog)
    {
        if (Unrestricted || FirstUnwritableChange(before, after, catalog) is not { } node)
        {
            return;
        }

        _policy.CountDeniedDataWrite();
        throw new NetconfRpcException(RpcError.AccessDenied("application",
            $"{this} may not write {_policy.ModuleOf(node.Name.Namespace) ?? node.Name.NamespaceName} nodes ({node.Name.LocalName})",
            DataTree.PathOf(node, catalog)));
    }

    private bool Allows(XNamespace ns, NacmOperations operation) =>
        Unrestricted || NacmPrivileges.Of(Group, _policy.ModuleOf(ns) ?? "").HasFlag(operation);

    /// <summary>The first node created, deleted or changed between two instances of one node that may not be written.</summary>
    private XElement? FirstUnwritableChange(XElement? before, XElement? after, YangCatalog catalog)
    {
        if (before is null || after is null)
        {
            return (before ?? after)!.DescendantsAndSelf().FirstOrDefault(n => !MayWrite(n.Name));
        }

        if (!before.HasElements && !after.HasElements)
        {
            return before.Value.Trim() == after.Value.Trim() || MayWrite(after.Name) ? null : after;
        }

        foreach (var child in after.Elements())
        {
            if (FirstUnwritableChange(Instance(before, child, catalog), child, catalog) is { } node)
            {
                return node;
            }
        }

        foreach (var child in before.Elements())
        {
            if (Instance(after, child, catalog) is null && FirstUnwritableChange(child, null, catalog) is { } node)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The same instance under <paramref name="parent"/>: list entries by key, containers by name, leaves (and leaf-list entries) by name and value.</summary>
    private static XElement? Instance(XElement parent, XElement node, YangCatalog catalog)
    {
        if (node.HasElements)
        {
            return DataTree.FindMatch(parent, node, catalog) is { HasElements: true } match ? match : null;
        }

        string value = node.Value.Trim();
        return parent.Elements(node.Name).FirstOrDefault(e => !e.HasElements && e.Value.Trim() == value);
    }
}
