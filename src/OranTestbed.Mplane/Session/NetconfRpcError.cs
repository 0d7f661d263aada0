using System.Collections.Immutable;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// One <c>&lt;rpc-error&gt;</c> of a reply (RFC 6241 §4.3), typed so that a test can assert on what the equipment
/// refused (<see cref="Tag"/> <c>invalid-value</c> at <see cref="Path"/>) rather than on message text.
/// </summary>
/// <param name="Type">error-type: transport, rpc, protocol or application.</param>
/// <param name="Tag">error-tag, e.g. <c>invalid-value</c>, <c>access-denied</c>, <c>lock-denied</c>.</param>
/// <param name="Severity">error-severity; a missing or unknown severity counts as an error.</param>
/// <param name="AppTag">error-app-tag (YANG <c>error-app-tag</c>, e.g. <c>must-violation</c>), if any.</param>
/// <param name="Path">error-path: the XPath of the offending node, if any.</param>
/// <param name="Message">error-message, if any.</param>
/// <param name="Info">error-info's child elements (bad-element, session-id, …), copied.</param>
public sealed record NetconfRpcError(
    string Type,
    string Tag,
    NetconfErrorSeverity Severity,
    string? AppTag,
    string? Path,
    string? Message,
    ImmutableArray<XElement> Info)
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;

    /// <summary>Every rpc-error of a reply, warnings included, in document order.</summary>
    public static ImmutableArray<NetconfRpcError> FromReply(XElement reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return [.. reply.Elements(Nc + "rpc-error").Select(Parse)];
    }

    /// <summary>The error-info child named <paramref name="name"/> (e.g. <c>bad-element</c>), or null.</summary>
    public string? InfoValue(XName name) => Info.FirstOrDefault(e => e.Name == name)?.Value;

    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Type}/{Tag}"
        + (AppTag is null ? "" : $" ({AppTag})")
        + (Path is null ? "" : $" at {Path}")
        + (Message is null ? "" : $": {Message}");

    private static NetconfRpcError Parse(XElement error)
    {
        string? Text(string name) => error.Element(Nc + name)?.Value.Trim() is { Length: > 0 } text ? text : null;
        var severity = string.Equals(Text("error-severity"), "warning", StringComparison.Ordinal)
            ? NetconfErrorSeverity.Warning
            : NetconfErrorSeverity.Error;
        var info = error.Element(Nc + "error-info")?.Elements().Select(e => new XElement(e)) ?? [];
        return new NetconfRpcError(Text("error-type") ?? "", Text("error-tag") ?? "", severity, Text("error-app-tag"),
            Text("error-path"), Text("error-message"), [.. info]);
    }
}
