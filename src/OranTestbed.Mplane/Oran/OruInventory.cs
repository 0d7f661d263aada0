using System.Collections.Immutable;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// What an O-DU learns from an O-RU's <c>&lt;get&gt;</c> before configuring it (mplane.md §4.3 step 2): who made it, its
/// sync state, the Ethernet port and its MAC, the static low-level endpoints and arrays the configuration names.
/// </summary>
public sealed record OruInventory(
    string? Manufacturer,
    string? Model,
    string? SyncState,
    string? InterfaceName,
    string? MacAddress,
    ImmutableArray<string> TxEndpoints,
    ImmutableArray<string> RxEndpoints,
    ImmutableArray<string> TxArrays,
    ImmutableArray<string> RxArrays)
{
    /// <summary>Reads the inventory from a <c>&lt;get&gt;</c>'s data (elements that are absent stay null or empty).</summary>
    public static OruInventory Read(XElement data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var up = OranNamespaces.UplaneConf;
        var hw = OranNamespaces.IetfHardware;
        var ifs = OranNamespaces.IetfInterfaces;
        var component = data.Descendants(hw + "component").FirstOrDefault(c => c.Element(hw + "mfg-name") is not null);
        var port = data.Descendants(ifs + "interface").FirstOrDefault();
        return new OruInventory(
            component?.Element(hw + "mfg-name")?.Value,
            component?.Element(hw + "model-name")?.Value,
            data.Descendants(OranNamespaces.Sync + "sync-state").FirstOrDefault()?.Value,
            port?.Element(ifs + "name")?.Value,
            port?.Element(OranNamespaces.Interfaces + "mac-address")?.Value,
            Names(data, up + "static-low-level-tx-endpoints"),
            Names(data, up + "static-low-level-rx-endpoints"),
            Names(data, up + "tx-arrays"),
            Names(data, up + "rx-arrays"));
    }

    private static ImmutableArray<string> Names(XElement data, XName list) =>
        [.. data.Descendants(list).Select(e => e.Element(list.Namespace + "name")?.Value).OfType<string>()];
}
