using System.Globalization;
using System.Xml.Linq;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using OranNamespaces = OranTestbed.Mplane.Oran.OranNamespaces;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// Reads one operation of an <c>&lt;rpc&gt;</c> (its parameters, by namespace and name) and runs it on the server:
/// the RFC 6241 base operations, create-subscription (RFC 5277), get-schema (RFC 6022) and the O-RAN
/// supervision-watchdog-reset. Anything else is operation-not-supported. An operation the session's NACM group may not
/// invoke is access-denied before anything else (RFC 8341 §3.4.4). Errors are thrown as <see cref="NetconfRpcException"/>.
/// </summary>
internal sealed class RpcDispatcher(OruMplaneServer server, NetconfServerSession session)
{
    private static readonly XNamespace B = NetconfNamespaces.Base;

    public async Task<RpcOutcome> DispatchAsync(XElement operation, CancellationToken cancellationToken)
    {
        var name = operation.Name;
        if (!session.Access.MayExecute(name))
        {
            throw session.Access.OperationDenied(name);
        }

        if (name.Namespace == B)
        {
            return name.LocalName switch
            {
                "get" => RpcOutcome.Of(server.Get(session, Filter(operation))),
                "get-config" => RpcOutcome.Of(server.GetConfig(session, Datastore(operation, "source"), Filter(operation))),
                "edit-config" => EditConfig(operation),
                "validate" => Validate(operation),
                "commit" => await CommitAsync(operation, cancellationToken).ConfigureAwait(false),
                "discard-changes" => Run(() => server.DiscardChanges(session)),
                "lock" => Run(() => server.Lock(session, Datastore(operation, "target"), locking: true)),
                "unlock" => Run(() => server.Lock(session, Datastore(operation, "target"), locking: false)),
                "close-session" => RpcOutcome.Ok with { EndsSession = true },
                "kill-session" => Run(() => server.KillSession(session, SessionId(operation))),
                _ => throw NotSupported(name),
            };
        }

        if (name == NetconfNamespaces.Notification + "create-subscription")
        {
            return Subscribe(operation);
        }

        if (name == NetconfNamespaces.Monitoring + "get-schema")
        {
            return GetSchema(operation);
        }

        if (name == OranNamespaces.Supervision + "supervision-watchdog-reset")
        {
            return WatchdogReset(operation);
        }

        throw NotSupported(name);
    }

    private static NetconfRpcException NotSupported(XName name) =>
        new(RpcError.OperationNotSupported($"the O-RU does not support the operation {name.LocalName} ({name.NamespaceName})"));

    private static RpcOutcome Run(Action action)
    {
        action();
        return RpcOutcome.Ok;
    }

    private RpcOutcome EditConfig(XElement operation)
    {
        string target = Datastore(operation, "target");
        var defaultOperation = operation.Element(B + "default-operation")?.Value.Trim() is { } d
            ? ConfigEditor.ParseOperation(d, "default-operation") : EditOperation.Merge;
        string testOption = operation.Element(B + "test-option")?.Value.Trim() ?? "test-then-set";
        if (testOption is not ("test-then-set" or "set" or "test-only"))
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"test-option '{testOption}' (test-then-set, set, test-only)"));
        }

        if (operation.Element(B + "error-option")?.Value.Trim() is { } errorOption
            && errorOption is not ("stop-on-error" or "rollback-on-error"))
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported(
                $"error-option '{errorOption}': an edit applies whole or not at all (stop-on-error, rollback-on-error)"));
        }

        if (operation.Element(B + "url") is not null)
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported("the O-RU has no :url capability"));
        }

        var config = operation.Element(B + "config")
            ?? throw new NetconfRpcException(RpcError.MissingElement("config", "edit-config needs <config>"));
        return RpcOutcome.OkThen(server.EditConfig(session, target, config, defaultOperation, testOption));
    }

    private RpcOutcome Validate(XElement operation)
    {
        var source = operation.Element(B + "source")
            ?? throw new NetconfRpcException(RpcError.MissingElement("source", "validate needs <source>"));
        if (source.Element(B + "config") is { } config)
        {
            server.Validate(null, config);
        }
        else
        {
            server.Validate(Datastore(operation, "source"), null);
        }

        return RpcOutcome.Ok;
    }

    private async Task<RpcOutcome> CommitAsync(XElement operation, CancellationToken cancellationToken)
    {
        if (operation.Element(B + "confirmed") is not null || operation.Element(B + "persist-id") is not null)
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported("the O-RU has no :confirmed-commit capability"));
        }

        return RpcOutcome.OkThen(await server.CommitAsync(session, cancellationToken).ConfigureAwait(false));
    }

    private RpcOutcome Subscribe(XElement operation)
    {
        var n = NetconfNamespaces.Notification;
        string stream = operation.Element(n + "stream")?.Value.Trim() ?? "NETCONF";
        if (stream != "NETCONF")
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"no stream '{stream}' (the O-RU has NETCONF)"));
        }

        if (operation.Element(n + "startTime") is not null)
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported("the O-RU keeps no replay log (no :replay capability)"));
        }

        session.Subscribe(operation.Element(n + "filter"));
        return RpcOutcome.Ok;
    }

    private RpcOutcome GetSchema(XElement operation)
    {
        var m = NetconfNamespaces.Monitoring;
        string identifier = operation.Element(m + "identifier")?.Value.Trim()
            ?? throw new NetconfRpcException(RpcError.MissingElement("identifier", "get-schema needs <identifier>", "application"));
        string text = server.GetSchema(identifier, operation.Element(m + "version")?.Value.Trim(),
            operation.Element(m + "format")?.Value.Trim());
        return RpcOutcome.Of(new XElement(m + "data", text));
    }

    private RpcOutcome WatchdogReset(XElement operation)
    {
        var s = OranNamespaces.Supervision;
        int interval = UInt16(operation, s + "supervision-notification-interval", SupervisionWatchdog.DefaultIntervalSeconds);
        int guard = UInt16(operation, s + "guard-timer-overhead", SupervisionWatchdog.DefaultGuardSeconds);
        var next = session.ResetWatchdog(interval, guard);
        return RpcOutcome.Of(new XElement(s + "next-update-at", NetconfTime.Format(next)));
    }

    private static int UInt16(XElement operation, XName name, int defaultValue)
    {
        if (operation.Element(name)?.Value.Trim() is not { } text)
        {
            return defaultValue;
        }

        if (!ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort value) || value == 0)
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"{name.LocalName} '{text}' is not a number of seconds 1..65535",
                "/" + operation.Name.LocalName + "/" + name.LocalName));
        }

        return value;
    }

    /// <summary>The datastore named by the only child of <c>&lt;source&gt;</c> / <c>&lt;target&gt;</c> (running, candidate).</summary>
    private static string Datastore(XElement operation, string parameter)
    {
        var holder = operation.Element(B + parameter)
            ?? throw new NetconfRpcException(RpcError.MissingElement(parameter, $"{operation.Name.LocalName} needs <{parameter}>"));
        var store = holder.Elements().FirstOrDefault()
            ?? throw new NetconfRpcException(RpcError.MissingElement(parameter, $"<{parameter}> names no datastore"));
        if (store.Name == B + "url")
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported("the O-RU has no :url capability"));
        }

        if (store.Name.Namespace != B || store.Name.LocalName is not ("running" or "candidate"))
        {
            throw new NetconfRpcException(RpcError.InvalidValue($"no datastore '{store.Name.LocalName}' (running, candidate)"));
        }

        return store.Name.LocalName;
    }

    private static XElement? Filter(XElement operation)
    {
        var filter = operation.Element(B + "filter");
        if (filter is null)
        {
            return null;
        }

        string type = (filter.Attribute("type") ?? filter.Attribute(B + "type"))?.Value ?? "subtree";
        if (type != "subtree")
        {
            throw new NetconfRpcException(RpcError.OperationNotSupported($"filter type '{type}': the O-RU has no :xpath capability"));
        }

        return filter;
    }

    private static uint SessionId(XElement operation)
    {
        string text = operation.Element(B + "session-id")?.Value.Trim()
            ?? throw new NetconfRpcException(RpcError.MissingElement("session-id", "kill-session needs <session-id>"));
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) && id != 0
            ? id
            : throw new NetconfRpcException(RpcError.InvalidValue($"session-id '{text}' is not a session id"));
    }
}
