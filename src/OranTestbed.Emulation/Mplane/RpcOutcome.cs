using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// What an operation answers: the reply's content (<c>&lt;ok/&gt;</c>, <c>&lt;data&gt;</c>, RPC output) and the
/// notifications it caused, sent after the reply (a commit's netconf-config-change and carrier state changes).
/// </summary>
internal sealed record RpcOutcome(IReadOnlyList<XElement> Reply, IReadOnlyList<XElement> Notifications)
{
    public static RpcOutcome Ok { get; } = new([new XElement(NetconfNamespaces.Base + "ok")], []);

    public static RpcOutcome OkThen(IReadOnlyList<XElement> notifications) => Ok with { Notifications = notifications };

    public static RpcOutcome Of(params XElement[] reply) => new(reply, []);

    /// <summary>The session ends once this reply is sent (close-session).</summary>
    public bool EndsSession { get; init; }
}
