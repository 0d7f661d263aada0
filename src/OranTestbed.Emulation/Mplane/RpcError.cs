using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// One <c>&lt;rpc-error&gt;</c> (RFC 6241 §4.3, tags from Appendix A): the layer (<c>transport</c>, <c>rpc</c>,
/// <c>protocol</c>, <c>application</c>), the tag, the severity (always <c>error</c> here), an optional path to the node
/// at fault (an XPath), a message for humans and optional error-info children.
/// </summary>
public sealed record RpcError(string Type, string Tag, string Message, string? Path = null)
{
    /// <summary>Extra <c>&lt;error-info&gt;</c> content (<c>bad-element</c>, <c>session-id</c>).</summary>
    public IReadOnlyList<XElement> Info { get; init; } = [];

    public static RpcError MalformedMessage(string message) => new("rpc", "malformed-message", message);

    public static RpcError OperationNotSupported(string message) => new("protocol", "operation-not-supported", message);

    public static RpcError InvalidValue(string message, string? path = null) => new("application", "invalid-value", message, path);

    public static RpcError MissingElement(string element, string message, string type = "protocol") =>
        new(type, "missing-element", message) { Info = [new XElement(NetconfNamespaces.Base + "bad-element", element)] };

    public static RpcError UnknownElement(string element, string path) =>
        new("application", "unknown-element", $"{element} is not a node of any served module", path)
        {
            Info = [new XElement(NetconfNamespaces.Base + "bad-element", element)],
        };

    public static RpcError DataExists(string path) => new("application", "data-exists", "the node already exists", path);

    public static RpcError DataMissing(string path) => new("application", "data-missing", "the node does not exist", path);

    public static RpcError LockDenied(uint holder) =>
        new("protocol", "lock-denied", $"the datastore is locked by session {holder}")
        {
            Info = [new XElement(NetconfNamespaces.Base + "session-id", holder)],
        };

    /// <summary>
    /// RFC 8341 §3.4 / RFC 6241 Appendix A: NACM refuses. <paramref name="type"/> is <c>protocol</c> for an operation the
    /// user may not invoke, <c>application</c> for data it may not write.
    /// </summary>
    public static RpcError AccessDenied(string type, string message, string? path = null) => new(type, "access-denied", message, path);

    public static RpcError InUse(string message) => new("protocol", "in-use", message);

    public static RpcError OperationFailed(string message, string? path = null) =>
        new("application", "operation-failed", message, path);

    public XElement ToXml()
    {
        var b = NetconfNamespaces.Base;
        var error = new XElement(b + "rpc-error",
            new XElement(b + "error-type", Type),
            new XElement(b + "error-tag", Tag),
            new XElement(b + "error-severity", "error"));
        if (Path is not null)
        {
            error.Add(new XElement(b + "error-path", Path));
        }

        error.Add(new XElement(b + "error-message", new XAttribute(XNamespace.Xml + "lang", "en"), Message));
        if (Info.Count > 0)
        {
            error.Add(new XElement(b + "error-info", Info));
        }

        return error;
    }
}
