using System.Xml.Linq;

namespace OranTestbed.Mplane.Oran;

/// <summary>XML namespaces of the O-RAN M-plane modules (testplans/yang/o-ran-v17.01) and the IETF ones they use; one
/// table for the client, the driver and the emulated O-RU (NETCONF's own are <see cref="Session.NetconfNamespaces"/>).</summary>
public static class OranNamespaces
{
    public static readonly XNamespace UplaneConf = "urn:o-ran:uplane-conf:1.0";
    public static readonly XNamespace Delay = "urn:o-ran:delay:1.0";
    public static readonly XNamespace PerformanceManagement = "urn:o-ran:performance-management:1.0";
    public static readonly XNamespace Supervision = "urn:o-ran:supervision:1.0";
    public static readonly XNamespace ProcessingElement = "urn:o-ran:processing-element:1.0";
    public static readonly XNamespace ModuleCap = "urn:o-ran:module-cap:1.0";
    public static readonly XNamespace Sync = "urn:o-ran:sync:1.0";
    public static readonly XNamespace Fm = "urn:o-ran:fm:1.0";
    public static readonly XNamespace Operations = "urn:o-ran:operations:1.0";
    public static readonly XNamespace Interfaces = "urn:o-ran:interfaces:1.0";
    public static readonly XNamespace Hardware = "urn:o-ran:hardware:1.0";
    public static readonly XNamespace SoftwareManagement = "urn:o-ran:software-management:1.0";
    public static readonly XNamespace IetfInterfaces = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    public static readonly XNamespace IetfHardware = "urn:ietf:params:xml:ns:yang:ietf-hardware";
    public static readonly XNamespace NetconfMonitoring = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    public static readonly XNamespace NetconfNotifications = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    public static readonly XNamespace IanaHardware = "urn:ietf:params:xml:ns:yang:iana-hardware";
    public static readonly XNamespace IanaIfType = "urn:ietf:params:xml:ns:yang:iana-if-type";

    /// <summary>The prefix every O-RAN namespace starts with.</summary>
    public const string OranPrefix = "urn:o-ran:";
}
