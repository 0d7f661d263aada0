using System.Xml.Linq;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The XML namespaces the emulated O-RU speaks: NETCONF itself (RFC 6241, RFC 5277), the IETF modules it serves and the
/// O-RAN v17.01 modules (their <c>namespace</c> statements in testplans/yang).
/// </summary>
internal static class NetconfNamespaces
{
    public static readonly XNamespace Base = "urn:ietf:params:xml:ns:netconf:base:1.0";
    public static readonly XNamespace Notification = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    public static readonly XNamespace Monitoring = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    public static readonly XNamespace NetconfNotifications = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    public static readonly XNamespace Hardware = "urn:ietf:params:xml:ns:yang:ietf-hardware";
    public static readonly XNamespace IanaHardware = "urn:ietf:params:xml:ns:yang:iana-hardware";
    public static readonly XNamespace Interfaces = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    public static readonly XNamespace IanaIfType = "urn:ietf:params:xml:ns:yang:iana-if-type";
    public static readonly XNamespace UplaneConf = "urn:o-ran:uplane-conf:1.0";
    public static readonly XNamespace Supervision = "urn:o-ran:supervision:1.0";
    public static readonly XNamespace Performance = "urn:o-ran:performance-management:1.0";
    public static readonly XNamespace Delay = "urn:o-ran:delay:1.0";
    public static readonly XNamespace ModuleCap = "urn:o-ran:module-cap:1.0";
    public static readonly XNamespace ProcessingElement = "urn:o-ran:processing-element:1.0";
    public static readonly XNamespace Sync = "urn:o-ran:sync:1.0";
    public static readonly XNamespace Fm = "urn:o-ran:fm:1.0";
    public static readonly XNamespace Operations = "urn:o-ran:operations:1.0";
    public static readonly XNamespace OranHardware = "urn:o-ran:hardware:1.0";
    public static readonly XNamespace OranInterfaces = "urn:o-ran:interfaces:1.0";
    public static readonly XNamespace Software = "urn:o-ran:software-management:1.0";

    /// <summary>The prefix every O-RAN namespace starts with (an element there that no served O-RAN module declares is rejected with unknown-element).</summary>
    public const string OranPrefix = "urn:o-ran:";

    public const string Base10 = "urn:ietf:params:netconf:base:1.0";
    public const string Base11 = "urn:ietf:params:netconf:base:1.1";
}
