using System.Globalization;
using System.Xml.Linq;
using OranTestbed.Emulation.Timing;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The O-RU's operational (config false) data, as <c>&lt;get&gt;</c> returns it over the running configuration: hardware,
/// interface, module capabilities, static endpoints and arrays, carrier states, delay profile, sync, alarms, software and
/// measurement capabilities, and the NETCONF monitoring schemas. Element names follow the v17.01 modules of testplans/yang.
/// </summary>
internal sealed class OruStateData(Personality personality, OruCapabilities capabilities, YangCatalog catalog)
{
    /// <summary>The O-RU's one hardware component, named by measurement results (RU object unit).</summary>
    public const string ComponentName = "ru-module";

    /// <summary>Its fronthaul port (one Ethernet interface).</summary>
    public const string InterfaceName = "eth0";

    private static readonly XNamespace Hw = OranNamespaces.IetfHardware;
    private static readonly XNamespace If = OranNamespaces.IetfInterfaces;
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;
    private static readonly XNamespace Mc = OranNamespaces.ModuleCap;

    private static readonly string[] RxWindowObjects =
        ["RX_ON_TIME", "RX_EARLY", "RX_LATE", "RX_CORRUPT", "RX_DUPL", "RX_TOTAL", "RX_ON_TIME_C", "RX_EARLY_C", "RX_LATE_C"];

    public XElement Build(IReadOnlyDictionary<CarrierKey, CarrierState> carriers, string syncState,
        IEnumerable<(uint Id, string User, DateTimeOffset Start)> sessions)
    {
        bool busy = carriers.Values.Any(s => s != CarrierState.Disabled);
        return new XElement(NetconfNamespaces.Base + "data",
            Hardware(busy), Interface(), ModuleCapability(), UserPlane(carriers), DelayManagement(),
            // The emulator sets no limit of its own on transport flows: the YANG default.
            new XElement(OranNamespaces.ProcessingElement + "processing-elements",
                new XElement(OranNamespaces.ProcessingElement + "maximum-number-of-transport-flows", 4094)),
            new XElement(OranNamespaces.Sync + "sync",
                new XElement(OranNamespaces.Sync + "sync-status", new XElement(OranNamespaces.Sync + "sync-state", syncState))),
            new XElement(OranNamespaces.Fm + "active-alarm-list"),
            Software(), Measurements(), Operations(), Monitoring(sessions));
    }

    private XElement Hardware(bool busy)
    {
        string[] idParts = personality.Id.Split('/');
        return new XElement(Hw + "hardware",
            new XElement(Hw + "component",
                new XElement(Hw + "name", ComponentName),
                new XElement(Hw + "class", new XAttribute(XNamespace.Xmlns + "o-ran-hw", OranNamespaces.Hardware), "o-ran-hw:O-RAN-RADIO"),
                new XElement(Hw + "serial-num", "EMU-" + personality.Id.Replace('/', '-').ToUpperInvariant()),
                new XElement(Hw + "mfg-name", idParts[0]),
                new XElement(Hw + "model-name", idParts.Length > 1 ? idParts[1] : personality.Id),
                new XElement(Hw + "state",
                    new XElement(Hw + "admin-state", "unlocked"),
                    new XElement(Hw + "oper-state", "enabled"),
                    new XElement(Hw + "usage-state", busy ? "busy" : "idle"),
                    new XElement(OranNamespaces.Hardware + "power-state", "AWAKE"),
                    new XElement(OranNamespaces.Hardware + "availability-state", "NORMAL"))));
    }

    private XElement Interface() =>
        new(If + "interfaces",
            new XElement(If + "interface",
                new XElement(If + "name", InterfaceName),
                new XElement(If + "type", new XAttribute(XNamespace.Xmlns + "ianaift", OranNamespaces.IanaIfType), "ianaift:ethernetCsmacd"),
                new XElement(If + "oper-status", "up"),
                new XElement(If + "phys-address", "02:00:00:00:00:01"),
                new XElement(OranNamespaces.Interfaces + "mac-address", "02:00:00:00:00:01"),
                new XElement(OranNamespaces.Interfaces + "l2-mtu", personality.Settings.Mtu)));

    private XElement ModuleCapability()
    {
        int ports = capabilities.AntennaPorts;
        var iq = new XElement(Mc + "format-of-iq-sample",
            new XElement(Mc + "dynamic-compression-supported", "true"),
            new XElement(Mc + "realtime-variable-bit-width-supported", "false"),
            capabilities.Compression.Select(c => new XElement(Mc + "compression-method-supported",
                new XElement(Mc + "iq-bitwidth", c.Bitwidth),
                new XElement(Mc + "compression-type", "STATIC"),
                new XElement(Mc + "compression-method", c.Method))));
        return new XElement(Mc + "module-capability",
            new XElement(Mc + "ru-capabilities",
                new XElement(Mc + "ru-supported-category", "CAT_A"),
                new XElement(Mc + "number-of-ru-ports", ports),
                new XElement(Mc + "number-of-spatial-streams", ports),
                new XElement(Mc + "max-num-bands", capabilities.Bands.Length),
                new XElement(Mc + "fronthaul-split-option", 7),
                iq),
            capabilities.Bands.Select(b => new XElement(Mc + "band-capabilities",
                new XElement(Mc + "band-number", b.Band),
                new XElement(Mc + "max-supported-frequency-dl", b.MaxHz),
                new XElement(Mc + "min-supported-frequency-dl", b.MinHz),
                new XElement(Mc + "max-supported-bandwidth-dl", b.MaxBandwidthHz),
                new XElement(Mc + "max-num-carriers-dl", 1),
                new XElement(Mc + "max-supported-frequency-ul", b.MaxHz),
                new XElement(Mc + "min-supported-frequency-ul", b.MinHz),
                new XElement(Mc + "max-supported-bandwidth-ul", b.MaxBandwidthHz),
                new XElement(Mc + "max-num-carriers-ul", 1))));
    }

    private XElement UserPlane(IReadOnlyDictionary<CarrierKey, CarrierState> carriers)
    {
        var uplane = new XElement(Up + "user-plane-configuration");
        for (int port = 0; port < capabilities.AntennaPorts; port++)
        {
            uplane.Add(new XElement(Up + "static-low-level-tx-endpoints",
                new XElement(Up + "name", $"slltx-endpoint-{port}"), new XElement(Up + "array", $"tx-array-{port}")));
            uplane.Add(new XElement(Up + "static-low-level-rx-endpoints",
                new XElement(Up + "name", $"sllrx-endpoint-{port}"), new XElement(Up + "array", $"rx-array-{port}")));
        }

        foreach (var (key, state) in carriers)
        {
            uplane.Add(new XElement(Up + key.ListName, new XElement(Up + "name", key.Name),
                new XElement(Up + "state", state.ToString().ToUpperInvariant())));
        }

        for (int port = 0; port < capabilities.AntennaPorts; port++)
        {
            uplane.Add(Array("tx-arrays", $"tx-array-{port}"));
            uplane.Add(Array("rx-arrays", $"rx-array-{port}"));
        }

        return uplane;
    }

    private XElement Array(string list, string name) =>
        new(Up + list,
            new XElement(Up + "name", name),
            new XElement(Up + "number-of-rows", 1),
            new XElement(Up + "number-of-columns", 1),
            new XElement(Up + "number-of-array-layers", 1),
            new XElement(Up + "band-number", capabilities.Bands[0].Band));

    /// <summary>
    /// The ru-delay-profile per supported (bandwidth, SCS): a personality times its UL sends as a percentage of the
    /// windows, which does not imply the windows, so the O-RU declares the O-RAN SC FHI library's tables the emulators
    /// already fall back to (<see cref="FallbackDelayWindows"/>), µ = 0 at 20 MHz and µ = 1 at 100 MHz.
    /// </summary>
    private static XElement DelayManagement()
    {
        var d = OranNamespaces.Delay;
        var root = new XElement(d + "delay-management");
        foreach (var (bandwidthKHz, numerology) in new[] { (20_000, 0), (100_000, 1) })
        {
            var up = FallbackDelayWindows.Of(DelayWindow.T2aUp, numerology);
            var cpDl = FallbackDelayWindows.Of(DelayWindow.T2aCpDl, numerology);
            var cpUl = FallbackDelayWindows.Of(DelayWindow.T2aCpUl, numerology);
            var ta3 = FallbackDelayWindows.Of(DelayWindow.Ta3, numerology);
            root.Add(new XElement(d + "bandwidth-scs-delay-state",
                new XElement(d + "bandwidth", bandwidthKHz),
                new XElement(d + "subcarrier-spacing", 15_000 << numerology),
                new XElement(d + "ru-delay-profile",
                    new XElement(d + "t2a-min-up", up.Min), new XElement(d + "t2a-max-up", up.Max),
                    new XElement(d + "t2a-min-cp-dl", cpDl.Min), new XElement(d + "t2a-max-cp-dl", cpDl.Max),
                    new XElement(d + "tcp-adv-dl", cpDl.Min - up.Min),
                    new XElement(d + "ta3-min", ta3.Min), new XElement(d + "ta3-max", ta3.Max),
                    new XElement(d + "t2a-min-cp-ul", cpUl.Min), new XElement(d + "t2a-max-cp-ul", cpUl.Max))));
        }

        return root;
    }

    private XElement Software()
    {
        var s = OranNamespaces.SoftwareManagement;
        return new XElement(s + "software-inventory",
            new XElement(s + "software-slot",
                new XElement(s + "name", "slot-a"),
                new XElement(s + "status", "VALID"),
                new XElement(s + "active", "true"),
                new XElement(s + "running", "true"),
                new XElement(s + "access", "READ_ONLY"),
                new XElement(s + "vendor-code", personality.Id.Split('/')[0]),
                new XElement(s + "build-id", "oran-testbed-emulator"),
                new XElement(s + "build-name", personality.Id),
                new XElement(s + "build-version", "17.01")));
    }

    private static XElement Measurements()
    {
        var p = OranNamespaces.PerformanceManagement;
        return new XElement(p + "performance-measurement-objects",
            new XElement(p + "measurement-capabilitites",
                RxWindowObjects.Select(o => new XElement(p + "rx-window-objects", new XElement(p + "measurement-object", o)))));
    }

    private static XElement Operations()
    {
        var o = OranNamespaces.Operations;
        return new XElement(o + "operational-info",
            new XElement(o + "declarations", new XElement(o + "supported-mplane-version", "17.0.0")),
            new XElement(o + "operational-state", new XElement(o + "restart-cause", "POWER-ON")));
    }

    private XElement Monitoring(IEnumerable<(uint Id, string User, DateTimeOffset Start)> sessions)
    {
        var m = NetconfNamespaces.Monitoring;
        return new XElement(m + "netconf-state",
            new XElement(m + "schemas", catalog.Modules.Select(module => new XElement(m + "schema",
                new XElement(m + "identifier", module.Name),
                new XElement(m + "version", module.Revision),
                new XElement(m + "format", "yang"),
                new XElement(m + "namespace", module.Namespace),
                new XElement(m + "location", "NETCONF")))),
            new XElement(m + "sessions", sessions.Select(session => new XElement(m + "session",
                new XElement(m + "session-id", session.Id),
                new XElement(m + "transport", "netconf-ssh"),
                new XElement(m + "username", session.User),
                new XElement(m + "login-time", NetconfTime.Format(session.Start))))));
    }
}
