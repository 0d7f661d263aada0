using System.Globalization;
using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The O-RU's checks of configuration, beyond well-formed XML: elements of served namespaces only (unknown-namespace),
/// O-RAN element names its modules declare (unknown-element), no writes to read-only leaves, and the semantic rules an
/// O-RU enforces on validate/commit: eAxC ids unique among the low-level endpoints of one direction (CONF 3.1.10.2) and
/// only the IQ formats it supports (<see cref="OruCapabilities.Compression"/>).
/// </summary>
internal sealed class ConfigValidator(YangCatalog catalog, OruCapabilities capabilities)
{
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;

    /// <summary>Checks the names in an edit-config payload or a datastore.</summary>
    public void CheckNames(XElement config)
    {
        foreach (var top in config.Elements())
        {
            string ns = top.Name.NamespaceName;
            if (!catalog.Modules.Any(m => m.Namespace == ns))
            {
                throw new NetconfRpcException(new RpcError("application", "unknown-namespace",
                    $"no served module has the namespace '{ns}'", DataTree.PathOf(top, catalog))
                {
                    Info = [new XElement(NetconfNamespaces.Base + "bad-element", top.Name.LocalName),
                        new XElement(NetconfNamespaces.Base + "bad-namespace", ns)],
                });
            }
        }

        foreach (var node in config.Descendants())
        {
            if (node.Name.NamespaceName.StartsWith(OranNamespaces.OranPrefix, StringComparison.Ordinal)
                && !catalog.OranNodeNames.Contains(node.Name.LocalName))
            {
                throw new NetconfRpcException(RpcError.UnknownElement(node.Name.LocalName, DataTree.PathOf(node, catalog)));
            }

            if (node.Name == Up + "state" && node.Parent?.Name.LocalName is "tx-array-carriers" or "rx-array-carriers")
            {
                throw new NetconfRpcException(RpcError.InvalidValue("a carrier's state is read-only (config false)",
                    DataTree.PathOf(node, catalog)));
            }
        }
    }

    /// <summary>The semantic rules of a whole datastore (validate, commit, and edits of running).</summary>
    public void CheckSemantics(XElement datastore)
    {
        var uplane = datastore.Element(Up + "user-plane-configuration");
        if (uplane is null)
        {
            return;
        }

        CheckEaxcIds(uplane, "low-level-tx-endpoints");
        CheckEaxcIds(uplane, "low-level-rx-endpoints");
        foreach (var endpoint in uplane.Elements(Up + "low-level-tx-endpoints").Concat(uplane.Elements(Up + "low-level-rx-endpoints")))
        {
            CheckCompression(endpoint);
        }
    }

    private void CheckEaxcIds(XElement uplane, string list)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in uplane.Elements(Up + list))
        {
            string? id = endpoint.Element(Up + "e-axcid")?.Element(Up + "eaxc-id")?.Value.Trim();
            if (id is null)
            {
                continue;
            }

            string name = endpoint.Element(Up + "name")?.Value.Trim() ?? "";
            if (owners.TryGetValue(id, out string? first))
            {
                throw new NetconfRpcException(RpcError.InvalidValue(
                    $"eaxc-id {id} of {list} '{name}' is already used by '{first}': eAxC ids must be unique among the O-RU's {list}",
                    DataTree.PathOf(endpoint.Element(Up + "e-axcid")!.Element(Up + "eaxc-id")!, catalog)));
            }

            owners.Add(id, name);
        }
    }

    private void CheckCompression(XElement endpoint)
    {
        var compression = endpoint.Element(Up + "compression");
        if (compression is null)
        {
            return;
        }

        string method = compression.Element(Up + "compression-method")?.Value.Trim() ?? "BLOCK_FLOATING_POINT";
        string? widthText = (compression.Element(Up + "iq-bitwidth") ?? compression.Element(Up + "bitwidth"))?.Value.Trim();
        int? width = null;
        if (widthText is not null)
        {
            if (!int.TryParse(widthText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                throw new NetconfRpcException(RpcError.InvalidValue($"iq-bitwidth '{widthText}' is not a uint8", DataTree.PathOf(compression, catalog)));
            }

            width = parsed;
        }

        if (!capabilities.Supports(method, width))
        {
            string supported = string.Join(", ", capabilities.Compression.Select(c => $"{c.Method}/{c.Bitwidth}"));
            throw new NetconfRpcException(RpcError.InvalidValue(
                $"compression {method}{(width is null ? "" : "/" + width)} is not supported by this O-RU (it supports {supported})",
                DataTree.PathOf(compression, catalog)));
        }
    }
}
