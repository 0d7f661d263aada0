using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// One RFC 5277 <c>&lt;notification&gt;</c>: when the server says the event happened and the event's element (e.g.
/// <c>supervision-notification</c> in <c>urn:o-ran:supervision:1.0</c>, <c>netconf-config-change</c>).
/// </summary>
/// <param name="EventTime">eventTime (RFC 3339), with the server's offset.</param>
/// <param name="Content">The event element, detached from the message.</param>
/// <param name="ReceivedAt">When the client read it (UTC), to measure the server's delay.</param>
public sealed record NetconfNotification(DateTimeOffset EventTime, XElement Content, DateTimeOffset ReceivedAt)
{
    /// <summary>The event's qualified name (<see cref="XName.Namespace"/> says which module sent it).</summary>
    public XName Name => Content.Name;
}
