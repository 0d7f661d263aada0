using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// The notifications the emulated O-RU sends, as RFC 5277 <c>&lt;notification&gt;</c> envelopes with <c>eventTime</c>:
/// netconf-config-change (RFC 6470), supervision-notification, tx/rx-array-carriers-state-change,
/// synchronization-state-change and measurement-result-stats.
/// </summary>
internal static class OruNotifications
{
    public static XElement Envelope(DateTimeOffset eventTime, XElement content) =>
        new(NetconfNamespaces.Notification + "notification",
            new XElement(NetconfNamespaces.Notification + "eventTime", NetconfTime.Format(eventTime)),
            content);

    /// <summary>RFC 6470 §2.2: who changed running, and one edit per top-level node that changed.</summary>
    public static XElement ConfigChange(uint sessionId, string user, IEnumerable<(XName Node, string Operation)> edits)
    {
        var n = OranNamespaces.NetconfNotifications;
        return new XElement(n + "netconf-config-change",
            new XElement(n + "changed-by",
                new XElement(n + "username", user),
                new XElement(n + "session-id", sessionId)),
            new XElement(n + "datastore", "running"),
            edits.Select(e => new XElement(n + "edit",
                new XElement(n + "target", new XAttribute(XNamespace.Xmlns + "m", e.Node.NamespaceName), "/m:" + e.Node.LocalName),
                new XElement(n + "operation", e.Operation))));
    }

    public static XElement Supervision(uint sessionId) =>
        new(OranNamespaces.Supervision + "supervision-notification",
            new XElement(OranNamespaces.Supervision + "session-id", sessionId));

    /// <summary>One state-change notification for the carriers of one direction that changed together.</summary>
    public static XElement CarrierStateChange(bool transmit, IEnumerable<(string Name, CarrierState State)> carriers)
    {
        var up = OranNamespaces.UplaneConf;
        string list = transmit ? "tx-array-carriers" : "rx-array-carriers";
        return new XElement(up + (list + "-state-change"),
            carriers.Select(c => new XElement(up + list,
                new XElement(up + "name", c.Name),
                new XElement(up + "state", c.State.ToString().ToUpperInvariant()))));
    }

    public static XElement SyncStateChange(string state) =>
        new(OranNamespaces.Sync + "synchronization-state-change", new XElement(OranNamespaces.Sync + "sync-state", state));

    /// <summary>rx-window-stats per measurement object, counted per RU (the O-RU's hardware component).</summary>
    public static XElement MeasurementResult(DateTimeOffset start, DateTimeOffset end, IEnumerable<(string Object, long Count)> counts)
    {
        var p = OranNamespaces.PerformanceManagement;
        return new XElement(p + "measurement-result-stats",
            counts.Select(c => new XElement(p + "rx-window-stats",
                new XElement(p + "measurement-object", c.Object),
                new XElement(p + "start-time", NetconfTime.Format(start)),
                new XElement(p + "end-time", NetconfTime.Format(end)),
                new XElement(p + "name", OruStateData.ComponentName),
                new XElement(p + "count", c.Count))));
    }
}
