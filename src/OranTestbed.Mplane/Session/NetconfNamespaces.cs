using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>The XML namespaces of the NETCONF protocol itself (everything else belongs to YANG modules).</summary>
public static class NetconfNamespaces
{
    /// <summary>RFC 6241 §3.1: hello, rpc, rpc-reply, rpc-error and the base operations.</summary>
    public static readonly XNamespace Base = "urn:ietf:params:xml:ns:netconf:base:1.0";

    /// <summary>RFC 5277: notification, eventTime, create-subscription.</summary>
    public static readonly XNamespace Notification = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    /// <summary>RFC 6022: get-schema and its reply.</summary>
    public static readonly XNamespace Monitoring = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
}
