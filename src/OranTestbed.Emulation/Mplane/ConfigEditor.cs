using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// Applies an edit-config <c>&lt;config&gt;</c> to a datastore tree (RFC 6241 §7.2): per node the <c>operation</c>
/// attribute (inherited from the parent, the default-operation at the top) merges, replaces, creates (data-exists when
/// present), deletes (data-missing when absent) or removes. Edits a copy: the caller swaps it in only when every node
/// applied (error-option stop-on-error / rollback-on-error are then the same: nothing of a failed edit stays).
/// </summary>
internal sealed class ConfigEditor(YangCatalog catalog)
{
    public XElement Apply(XElement datastore, XElement config, EditOperation defaultOperation)
    {
        var result = new XElement(datastore);
        if (defaultOperation == EditOperation.Replace)
        {
            result.RemoveNodes();
            defaultOperation = EditOperation.Merge;
        }

        ApplyChildren(result, config, defaultOperation);
        return result;
    }

    public static EditOperation ParseOperation(string text, string where) => text switch
    {
        "merge" => EditOperation.Merge,
        "replace" => EditOperation.Replace,
        "create" => EditOperation.Create,
        "delete" => EditOperation.Delete,
        "remove" => EditOperation.Remove,
        "none" when where == "default-operation" => EditOperation.None,
        _ => throw new NetconfRpcException(new RpcError("protocol", where == "default-operation" ? "invalid-value" : "bad-attribute",
            $"'{text}' is not a valid {where}")),
    };

    private void ApplyChildren(XElement target, XElement edit, EditOperation inherited)
    {
        foreach (var node in edit.Elements())
        {
            var attribute = node.Attribute(NetconfNamespaces.Base + "operation");
            var operation = attribute is null ? inherited : ParseOperation(attribute.Value, "operation");
            ApplyNode(target, node, operation);
        }
    }

    private void ApplyNode(XElement target, XElement node, EditOperation operation)
    {
        var existing = DataTree.FindMatch(target, node, catalog);
        switch (operation)
        {
            case EditOperation.Create when existing is not null:
                throw new NetconfRpcException(RpcError.DataExists(DataTree.PathOf(node, catalog)));
            case EditOperation.Delete when existing is null:
                throw new NetconfRpcException(RpcError.DataMissing(DataTree.PathOf(node, catalog)));
            case EditOperation.Delete or EditOperation.Remove:
                existing?.Remove();
                return;
            case EditOperation.Create or EditOperation.Replace:
                existing?.Remove();
                target.Add(DataTree.Clean(node));
                return;
            default:
                Merge(target, node, existing, operation);
                return;
        }
    }

    private void Merge(XElement target, XElement node, XElement? existing, EditOperation operation)
    {
        if (!node.HasElements)
        {
            if (operation == EditOperation.None)
            {
                return;
            }

            if (existing is null)
            {
                target.Add(DataTree.Clean(node));
            }
            else
            {
                existing.Value = node.Value.Trim();
            }

            return;
        }

        if (existing is null)
        {
            existing = new XElement(node.Name);
            target.Add(existing);
        }

        ApplyChildren(existing, node, operation);
    }
}
