using System.Globalization;
using System.Xml.Linq;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// The configuration an O-DU writes to an O-RU at start-up (O-RAN.WG4.MP §4.4 step 7, the payload OAI sends, mplane.md
/// §4.3): the processing element (the Ethernet flow of the fronthaul), the user-plane configuration (low-level
/// endpoints with compression, numerology and eAxC ids, links, array carriers, all INACTIVE) and the reception-window
/// counters, from one <see cref="OduConfiguration"/>. <see cref="Carriers"/> then activates or deactivates the carriers.
/// Element names and shapes follow the v17.01 modules in testplans/yang; the specs validate the output with yanglint.
/// </summary>
public static class StartupConfiguration
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;

    /// <summary>The reception-window counters an O-DU asks for (o-ran-performance-management measurement-object).</summary>
    public static readonly IReadOnlyList<string> RxWindowObjects =
        ["RX_ON_TIME", "RX_EARLY", "RX_LATE", "RX_CORRUPT", "RX_DUPL", "RX_TOTAL"];

    /// <summary>The <c>&lt;config&gt;</c> of an edit-config.</summary>
    public static XElement Build(OduConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new XElement(Nc + "config",
            VlanInterface(configuration),
            ProcessingElements(configuration),
            UserPlane(configuration),
            Measurements(configuration));
    }

    /// <summary>The VLAN of the fronthaul: untagged in the profile still needs one on the O-RU's flow (eth-flow vlan-id is
    /// mandatory and must be an interface's), so 1, the IEEE 802.1Q default VLAN.</summary>
    public static int VlanOf(OduConfiguration configuration) => configuration?.Profile.VlanId ?? 1;

    /// <summary>The name of the VLAN interface this configuration creates over the O-RU's port.</summary>
    public static string FlowInterfaceOf(OduConfiguration configuration) =>
        $"{configuration?.InterfaceName}.{VlanOf(configuration!)}";

    /// <summary>The O-RU's port carries the fronthaul in a VLAN sub-interface (ietf-interfaces l2vlan with
    /// o-ran-interfaces base-interface and vlan-id), which the processing element's flow names.</summary>
    private static XElement VlanInterface(OduConfiguration c)
    {
        XNamespace ifs = OranNamespaces.IetfInterfaces;
        var iana = OranNamespaces.IanaIfType;
        var oi = OranNamespaces.Interfaces;
        var iface = new XElement(ifs + "interface",
            new XElement(ifs + "name", FlowInterfaceOf(c)),
            new XElement(ifs + "type", new XAttribute(XNamespace.Xmlns + "ianaift", iana), "ianaift:l2vlan"),
            new XElement(oi + "base-interface", c.InterfaceName),
            new XElement(oi + "vlan-id", VlanOf(c)));
        if (c.RuMacAddress is { } mac)
        {
            iface.Add(new XElement(oi + "mac-address", mac));
        }

        return new XElement(ifs + "interfaces", iface);
    }

    /// <summary>The edit that sets every carrier of <paramref name="configuration"/> ACTIVE or INACTIVE.</summary>
    public static XElement Carriers(OduConfiguration configuration, bool active)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var up = OranNamespaces.UplaneConf;
        string value = active ? "ACTIVE" : "INACTIVE";
        return new XElement(Nc + "config",
            new XElement(up + "user-plane-configuration",
                new XElement(up + "tx-array-carriers", new XElement(up + "name", TxCarrier), new XElement(up + "active", value)),
                new XElement(up + "rx-array-carriers", new XElement(up + "name", RxCarrier), new XElement(up + "active", value))));
    }

    /// <summary>The names this configuration gives its carriers (the O-RU reports their state under them).</summary>
    public const string TxCarrier = "txcc-0";

    public const string RxCarrier = "rxcc-0";

    private static XElement ProcessingElements(OduConfiguration c) => ProcessingElements(c, c.ProcessingElement);

    /// <summary>The processing elements with one ru-element <paramref name="name"/> on this configuration's flow.</summary>
    public static XElement ProcessingElements(OduConfiguration c, string name)
    {
        ArgumentNullException.ThrowIfNull(c);
        var pe = OranNamespaces.ProcessingElement;
        var flow = new XElement(pe + "eth-flow");
        if (c.RuMacAddress is { } ru)
        {
            flow.Add(new XElement(pe + "ru-mac-address", ru));
        }

        flow.Add(new XElement(pe + "vlan-id", VlanOf(c)));
        if (c.DuMacAddress is { } du)
        {
            flow.Add(new XElement(pe + "o-du-mac-address", du));
        }

        return new XElement(pe + "processing-elements",
            new XElement(pe + "transport-session-type", "ETH-INTERFACE"),
            new XElement(pe + "ru-elements",
                new XElement(pe + "name", name),
                new XElement(pe + "transport-flow",
                    new XElement(pe + "interface-name", FlowInterfaceOf(c)),
                    flow)));
    }

    private static XElement UserPlane(OduConfiguration c)
    {
        var up = OranNamespaces.UplaneConf;
        var root = new XElement(up + "user-plane-configuration");
        for (int i = 0; i < c.TxEndpoints.Length; i++)
        {
            root.Add(new XElement(up + "low-level-tx-links",
                new XElement(up + "name", $"ll-tx-link-{i}"),
                new XElement(up + "processing-element", c.ProcessingElement),
                new XElement(up + "tx-array-carrier", TxCarrier),
                new XElement(up + "low-level-tx-endpoint", c.TxEndpoints[i])));
        }

        for (int i = 0; i < c.RxEndpoints.Length; i++)
        {
            root.Add(new XElement(up + "low-level-rx-links",
                new XElement(up + "name", $"ll-rx-link-{i}"),
                new XElement(up + "processing-element", c.ProcessingElement),
                new XElement(up + "rx-array-carrier", RxCarrier),
                new XElement(up + "low-level-rx-endpoint", c.RxEndpoints[i])));
        }

        root.Add(new XElement(up + "tx-array-carriers", Carrier(c, TxCarrier),
            new XElement(up + "gain", "0.0"),
            new XElement(up + "downlink-radio-frame-offset", 0),
            new XElement(up + "downlink-sfn-offset", 0)));
        root.Add(new XElement(up + "rx-array-carriers", Carrier(c, RxCarrier),
            new XElement(up + "downlink-radio-frame-offset", 0),
            new XElement(up + "downlink-sfn-offset", 0),
            new XElement(up + "gain-correction", "0.0"),
            new XElement(up + "n-ta-offset", 0)));
        for (int i = 0; i < c.TxEndpoints.Length; i++)
        {
            root.Add(Endpoint(c, "low-level-tx-endpoints", c.TxEndpoints[i], c.Profile.DownlinkCompression.Static, i));
        }

        for (int i = 0; i < c.RxEndpoints.Length; i++)
        {
            root.Add(Endpoint(c, "low-level-rx-endpoints", c.RxEndpoints[i], c.Profile.UplinkCompression.Static, i));
        }

        return root;
    }

    /// <summary>A user-plane configuration adding one low-level-rx-endpoint <paramref name="name"/> whose eAxC id is
    /// that of RU port <paramref name="ruPort"/> (configured like the start-up's rx endpoint): what a configurability
    /// check writes (CONF.0 §3.1.10, unique or duplicate eAxC ids).</summary>
    public static XElement ExtraRxEndpoint(OduConfiguration configuration, string name, int ruPort)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new XElement(OranNamespaces.UplaneConf + "user-plane-configuration",
            Endpoint(configuration, "low-level-rx-endpoints", name, configuration.Profile.UplinkCompression.Static, ruPort));
    }

    private static object[] Carrier(OduConfiguration c, string name)
    {
        var up = OranNamespaces.UplaneConf;
        return
        [
            new XElement(up + "name", name),
            new XElement(up + "absolute-frequency-center", c.AbsoluteFrequencyCenter),
            new XElement(up + "center-of-channel-bandwidth", c.CenterFrequencyHz),
            new XElement(up + "channel-bandwidth", c.ChannelBandwidthHz),
            new XElement(up + "active", "INACTIVE"),
        ];
    }

    private static XElement Endpoint(OduConfiguration c, string list, string name, UdCompHdr compression, int ruPort)
    {
        var up = OranNamespaces.UplaneConf;
        var carrier = c.Profile.Carrier;
        return new XElement(up + list,
            new XElement(up + "name", name),
            new XElement(up + "compression",
                new XElement(up + "iq-bitwidth", compression.IqWidth),
                new XElement(up + "compression-type", "STATIC"),
                new XElement(up + "compression-method", CompressionNames.YangName(compression.Method))),
            new XElement(up + "frame-structure", FrameStructure.Of(carrier)),
            new XElement(up + "cp-type", "NORMAL"),
            new XElement(up + "cp-length", FrameStructure.CpLength(carrier.Numerology)),
            new XElement(up + "cp-length-other", FrameStructure.CpLengthOther(carrier.Numerology)),
            new XElement(up + "offset-to-absolute-frequency-center", 0),
            new XElement(up + "number-of-prb-per-scs",
                new XElement(up + "scs", string.Create(CultureInfo.InvariantCulture, $"KHZ_{carrier.SubcarrierSpacingKHz}")),
                new XElement(up + "number-of-prb", carrier.Prbs)),
            EaxcId(c.Profile, up, ruPort));
    }

    /// <summary>The eAxC split as bitmasks over the 16-bit id (O-RAN.WG4.CUS §5.1.3.1.6), DU port 0, band sector 0, CC 0.</summary>
    private static XElement EaxcId(FronthaulProfile profile, XNamespace up, int ruPort)
    {
        var bits = profile.EaxcBits;
        int ruShift = 0;
        int ccShift = bits.RuPort;
        int sectorShift = ccShift + bits.Cc;
        int duShift = sectorShift + bits.BandSector;
        if (ruPort >= 1 << bits.RuPort)
        {
            throw new ArgumentOutOfRangeException(nameof(ruPort), ruPort,
                $"the eAxC split {bits} has {bits.RuPort} RU-port bits: at most {1 << bits.RuPort} endpoints per direction");
        }

        return new XElement(up + "e-axcid",
            new XElement(up + "o-du-port-bitmask", Mask(bits.DuPort, duShift)),
            new XElement(up + "band-sector-bitmask", Mask(bits.BandSector, sectorShift)),
            new XElement(up + "ccid-bitmask", Mask(bits.Cc, ccShift)),
            new XElement(up + "ru-port-bitmask", Mask(bits.RuPort, ruShift)),
            new XElement(up + "eaxc-id", ruPort << ruShift));
    }

    private static int Mask(int width, int shift) => ((1 << width) - 1) << shift;

    private static XElement Measurements(OduConfiguration c)
    {
        var pm = OranNamespaces.PerformanceManagement;
        int seconds = (int)Math.Max(1, c.MeasurementInterval.TotalSeconds);
        var root = new XElement(pm + "performance-measurement-objects",
            new XElement(pm + "rx-window-measurement-interval", seconds),
            new XElement(pm + "notification-interval", seconds));
        foreach (string measured in RxWindowObjects)
        {
            root.Add(new XElement(pm + "rx-window-measurement-objects",
                new XElement(pm + "measurement-object", measured),
                new XElement(pm + "active", "true"),
                new XElement(pm + "object-unit", "RU"),
                new XElement(pm + "report-info", "COUNT")));
        }

        return root;
    }
}
