using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using OranTestbed.Mplane.Session;

namespace OranTestbed.Mplane.Operations;

/// <summary>
/// The RFC 6241 / 5277 / 6022 operations over a <see cref="NetconfSession"/>, built as XML the way the RFCs draw them.
/// Each checks the capability it needs before sending (a clear <see cref="NetconfCapabilityException"/> instead of a
/// server's guess), and each fails like <see cref="NetconfSession.RpcAsync"/> (rpc-error, timeout, closed session).
/// </summary>
public static class NetconfOperations
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;

    /// <summary>RFC 6241 §7.7: running configuration and state, filtered; returns the <c>&lt;data&gt;</c> element.</summary>
    public static async Task<XElement> GetAsync(this NetconfSession session, NetconfFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireFilter(session, "get", filter);
        var reply = await session.RpcAsync(new XElement(Nc + "get", filter?.ToElement(Nc)), cancellationToken).ConfigureAwait(false);
        return Data(reply);
    }

    /// <summary>RFC 6241 §7.1: configuration of <paramref name="source"/>, filtered; returns the <c>&lt;data&gt;</c> element.</summary>
    public static async Task<XElement> GetConfigAsync(this NetconfSession session, NetconfDatastore source = NetconfDatastore.Running,
        NetconfFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireDatastore(session, "get-config", source);
        RequireFilter(session, "get-config", filter);
        var reply = await session.RpcAsync(
            new XElement(Nc + "get-config", new XElement(Nc + "source", Datastore(source)), filter?.ToElement(Nc)),
            cancellationToken).ConfigureAwait(false);
        return Data(reply);
    }

    /// <summary>
    /// RFC 6241 §7.2: applies <paramref name="config"/> (one top-level element, or a base-namespace <c>&lt;config&gt;</c>
    /// holding several) to <paramref name="target"/>, running (needs :writable-running) or candidate (needs :candidate).
    /// </summary>
    public static Task<XElement> EditConfigAsync(this NetconfSession session, NetconfDatastore target, XElement config,
        NetconfEditOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        const string operation = "edit-config";
        if (target == NetconfDatastore.Startup)
        {
            throw new ArgumentException("edit-config targets running or candidate (RFC 6241 §7.2); use copy-config for startup", nameof(target));
        }

        RequireDatastore(session, operation, target);
        if (target == NetconfDatastore.Running)
        {
            Require(session, operation, ":writable-running");
        }

        options ??= NetconfEditOptions.Default;
        if (options.TestOption is not null)
        {
            Require(session, operation, options.TestOption == NetconfTestOption.TestOnly ? ":validate:1.1" : ":validate");
        }

        if (options.ErrorOption == NetconfErrorOption.RollbackOnError)
        {
            Require(session, operation, ":rollback-on-error");
        }

        var edit = new XElement(Nc + operation,
            new XElement(Nc + "target", Datastore(target)),
            options.DefaultOperation is { } defaultOperation ? new XElement(Nc + "default-operation", Keyword(defaultOperation)) : null,
            options.TestOption is { } testOption ? new XElement(Nc + "test-option", Keyword(testOption)) : null,
            options.ErrorOption is { } errorOption ? new XElement(Nc + "error-option", Keyword(errorOption)) : null,
            ConfigElement(config));
        return session.RpcAsync(edit, cancellationToken);
    }

    /// <summary>RFC 6241 §7.5: locks <paramref name="target"/> for this session (lock-denied names the holder in error-info).</summary>
    public static Task<XElement> LockAsync(this NetconfSession session, NetconfDatastore target,
        CancellationToken cancellationToken = default) => LockOrUnlock(session, "lock", target, cancellationToken);

    /// <summary>RFC 6241 §7.6.</summary>
    public static Task<XElement> UnlockAsync(this NetconfSession session, NetconfDatastore target,
        CancellationToken cancellationToken = default) => LockOrUnlock(session, "unlock", target, cancellationToken);

    /// <summary>RFC 6241 §8.6.4.1: validates a datastore (needs :validate).</summary>
    public static Task<XElement> ValidateAsync(this NetconfSession session, NetconfDatastore source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Require(session, "validate", ":validate");
        RequireDatastore(session, "validate", source);
        return session.RpcAsync(new XElement(Nc + "validate", new XElement(Nc + "source", Datastore(source))), cancellationToken);
    }

    /// <summary>RFC 6241 §8.6.4.1: validates inline configuration (needs :validate).</summary>
    public static Task<XElement> ValidateAsync(this NetconfSession session, XElement config,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        Require(session, "validate", ":validate");
        return session.RpcAsync(new XElement(Nc + "validate", new XElement(Nc + "source", ConfigElement(config))), cancellationToken);
    }

    /// <summary>
    /// RFC 6241 §8.3.4.1: commits the candidate (needs :candidate); also confirms a pending confirmed commit of this
    /// session. Against netconfd read running back afterwards (a commit after validate is silently lost there).
    /// </summary>
    public static Task<XElement> CommitAsync(this NetconfSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Require(session, "commit", ":candidate");
        return session.RpcAsync(new XElement(Nc + "commit"), cancellationToken);
    }

    /// <summary>
    /// RFC 6241 §8.4.5.1: a confirmed commit (needs :confirmed-commit) that the server reverts unless confirmed within
    /// <paramref name="confirmTimeout"/> (whole seconds, RFC default 600 s). With <paramref name="persist"/> (needs
    /// :confirmed-commit:1.1) it survives this session and is confirmed with <see cref="ConfirmCommitAsync"/>.
    /// </summary>
    public static Task<XElement> ConfirmedCommitAsync(this NetconfSession session, TimeSpan confirmTimeout,
        string? persist = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmTimeout, TimeSpan.FromSeconds(1));
        Require(session, "commit", ":candidate");
        Require(session, "commit", persist is null ? ":confirmed-commit" : ":confirmed-commit:1.1");
        var commit = new XElement(Nc + "commit",
            new XElement(Nc + "confirmed"),
            new XElement(Nc + "confirm-timeout", ((uint)Math.Ceiling(confirmTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
            persist is null ? null : new XElement(Nc + "persist", persist));
        return session.RpcAsync(commit, cancellationToken);
    }

    /// <summary>RFC 6241 §8.4.5.1: confirms a persistent confirmed commit, from any session (needs :confirmed-commit:1.1).</summary>
    public static Task<XElement> ConfirmCommitAsync(this NetconfSession session, string persistId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(persistId);
        Require(session, "commit", ":confirmed-commit:1.1");
        return session.RpcAsync(new XElement(Nc + "commit", new XElement(Nc + "persist-id", persistId)), cancellationToken);
    }

    /// <summary>RFC 6241 §8.4.4.1: cancels an ongoing confirmed commit (needs :confirmed-commit:1.1).</summary>
    public static Task<XElement> CancelCommitAsync(this NetconfSession session, string? persistId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Require(session, "cancel-commit", ":confirmed-commit:1.1");
        return session.RpcAsync(
            new XElement(Nc + "cancel-commit", persistId is null ? null : new XElement(Nc + "persist-id", persistId)),
            cancellationToken);
    }

    /// <summary>RFC 6241 §8.3.4.2: resets the candidate to running (needs :candidate).</summary>
    public static Task<XElement> DiscardChangesAsync(this NetconfSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        Require(session, "discard-changes", ":candidate");
        return session.RpcAsync(new XElement(Nc + "discard-changes"), cancellationToken);
    }

    /// <summary>RFC 6241 §7.3: replaces <paramref name="target"/> with the whole of <paramref name="source"/>.</summary>
    public static Task<XElement> CopyConfigAsync(this NetconfSession session, NetconfDatastore target, NetconfDatastore source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (target == source)
        {
            throw new ArgumentException($"copy-config from {source} to itself", nameof(source));
        }

        RequireDatastore(session, "copy-config", target);
        RequireDatastore(session, "copy-config", source);
        return session.RpcAsync(
            new XElement(Nc + "copy-config", new XElement(Nc + "target", Datastore(target)), new XElement(Nc + "source", Datastore(source))),
            cancellationToken);
    }

    /// <summary>RFC 6241 §7.3: replaces <paramref name="target"/> with inline configuration.</summary>
    public static Task<XElement> CopyConfigAsync(this NetconfSession session, NetconfDatastore target, XElement config,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        RequireDatastore(session, "copy-config", target);
        return session.RpcAsync(
            new XElement(Nc + "copy-config", new XElement(Nc + "target", Datastore(target)), new XElement(Nc + "source", ConfigElement(config))),
            cancellationToken);
    }

    /// <summary>RFC 6241 §7.4: deletes a datastore other than running (running cannot be deleted).</summary>
    public static Task<XElement> DeleteConfigAsync(this NetconfSession session, NetconfDatastore target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (target == NetconfDatastore.Running)
        {
            throw new ArgumentException("running cannot be deleted (RFC 6241 §7.4)", nameof(target));
        }

        RequireDatastore(session, "delete-config", target);
        return session.RpcAsync(new XElement(Nc + "delete-config", new XElement(Nc + "target", Datastore(target))), cancellationToken);
    }

    /// <summary>
    /// RFC 6022 §3.1: the text of a schema the server holds, e.g. <c>o-ran-supervision</c> in YANG; the module's
    /// source as the server has it, to compare with the one the test plan was written against.
    /// </summary>
    public static async Task<string> GetSchemaAsync(this NetconfSession session, string identifier, string? version = null,
        string format = "yang", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentException.ThrowIfNullOrEmpty(format);
        XNamespace ncm = NetconfNamespaces.Monitoring;
        var request = new XElement(ncm + "get-schema",
            new XElement(ncm + "identifier", identifier),
            version is null ? null : new XElement(ncm + "version", version),
            new XElement(ncm + "format", format));
        var reply = await session.RpcAsync(request, cancellationToken).ConfigureAwait(false);
        var data = reply.Element(ncm + "data") ?? reply.Element(Nc + "data")
            ?? throw new NetconfProtocolException($"{session.Peer} answered <get-schema> for '{identifier}' without <data>");
        return data.Value;
    }

    /// <summary>
    /// RFC 5277 §2.1.1: starts the session's notifications (needs :notification) from <paramref name="stream"/>
    /// (server default NETCONF), optionally filtered and replayed from <paramref name="startTime"/> until
    /// <paramref name="stopTime"/>. They arrive on <see cref="NetconfSession.Notifications"/>.
    /// </summary>
    public static Task<XElement> CreateSubscriptionAsync(this NetconfSession session, string? stream = null,
        NetconfFilter? filter = null, DateTimeOffset? startTime = null, DateTimeOffset? stopTime = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string operation = "create-subscription";
        Require(session, operation, ":notification");
        if (stopTime is not null && startTime is null)
        {
            throw new ArgumentException("stopTime needs a startTime (RFC 5277 §2.1.1)", nameof(stopTime));
        }

        if (stopTime < startTime)
        {
            throw new ArgumentException("stopTime is before startTime", nameof(stopTime));
        }

        if (filter is { IsXPath: true })
        {
            Require(session, operation, ":xpath");
        }

        XNamespace ncEvent = NetconfNamespaces.Notification;
        var subscribe = new XElement(ncEvent + operation,
            stream is null ? null : new XElement(ncEvent + "stream", stream),
            filter?.ToElement(ncEvent),
            startTime is { } start ? new XElement(ncEvent + "startTime", XmlConvert.ToString(start)) : null,
            stopTime is { } stop ? new XElement(ncEvent + "stopTime", XmlConvert.ToString(stop)) : null);
        return session.RpcAsync(subscribe, cancellationToken);
    }

    /// <summary>
    /// Any other RPC, e.g. O-RAN's <c>&lt;supervision-watchdog-reset xmlns="urn:o-ran:supervision:1.0"&gt;</c>, or a YANG
    /// 1.1 action (<c>&lt;action xmlns="urn:ietf:params:xml:ns:yang:1"&gt;</c> around the data path); returns the reply.
    /// </summary>
    public static Task<XElement> InvokeAsync(this NetconfSession session, XElement rpcOrAction, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rpcOrAction);
        return session.RpcAsync(rpcOrAction, cancellationToken, timeout);
    }

    private static Task<XElement> LockOrUnlock(NetconfSession session, string operation, NetconfDatastore target,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireDatastore(session, operation, target);
        return session.RpcAsync(new XElement(Nc + operation, new XElement(Nc + "target", Datastore(target))), cancellationToken);
    }

    /// <summary>The reply's <c>&lt;data&gt;</c> (an empty one when the server sent none: nothing matched).</summary>
    private static XElement Data(XElement reply) => reply.Element(Nc + "data") ?? new XElement(Nc + "data");

    private static XElement ConfigElement(XElement config) =>
        config.Name == Nc + "config" ? new XElement(config) : new XElement(Nc + "config", new XElement(config));

    private static XElement Datastore(NetconfDatastore datastore) => new(Nc + datastore switch
    {
        NetconfDatastore.Running => "running",
        NetconfDatastore.Candidate => "candidate",
        NetconfDatastore.Startup => "startup",
        _ => throw new ArgumentOutOfRangeException(nameof(datastore), datastore, "not a NETCONF datastore"),
    });

    private static string Keyword(NetconfDefaultOperation value) => value switch
    {
        NetconfDefaultOperation.Merge => "merge",
        NetconfDefaultOperation.Replace => "replace",
        NetconfDefaultOperation.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a default-operation"),
    };

    private static string Keyword(NetconfTestOption value) => value switch
    {
        NetconfTestOption.TestThenSet => "test-then-set",
        NetconfTestOption.Set => "set",
        NetconfTestOption.TestOnly => "test-only",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a test-option"),
    };

    private static string Keyword(NetconfErrorOption value) => value switch
    {
        NetconfErrorOption.StopOnError => "stop-on-error",
        NetconfErrorOption.ContinueOnError => "continue-on-error",
        NetconfErrorOption.RollbackOnError => "rollback-on-error",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not an error-option"),
    };

    private static void RequireDatastore(NetconfSession session, string operation, NetconfDatastore datastore)
    {
        if (datastore == NetconfDatastore.Candidate)
        {
            Require(session, operation, ":candidate");
        }
        else if (datastore == NetconfDatastore.Startup)
        {
            Require(session, operation, ":startup");
        }
    }

    private static void RequireFilter(NetconfSession session, string operation, NetconfFilter? filter)
    {
        if (filter is { IsXPath: true })
        {
            Require(session, operation, ":xpath");
        }
    }

    private static void Require(NetconfSession session, string operation, string capability)
    {
        if (!session.ServerCapabilities.Supports(capability))
        {
            throw new NetconfCapabilityException(session.Peer, operation, capability);
        }
    }
}
