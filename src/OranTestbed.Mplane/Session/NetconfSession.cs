using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Tracing;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// The client side of one NETCONF session (RFC 6241) over a byte-stream transport: hello exchange and framing choice,
/// RPCs correlated by message-id (any number outstanding, replies in any order), rpc-errors typed, notifications
/// routed apart from replies, every message traced.
/// </summary>
/// <remarks>
/// One read loop owns the input: it parses each message (namespace-aware, DTDs refused) and either completes the
/// waiting RPC or queues the notification; it never waits on a caller. Anything that breaks the protocol (framing,
/// XML, a DTD) or the connection ends the session (RFC 6242 §4.2): the transport is closed and every outstanding RPC
/// fails with a <see cref="NetconfSessionClosedException"/>. An RPC that times out leaves the session open; its late
/// reply is dropped and traced.
/// </remarks>
public sealed class NetconfSession : IAsyncDisposable
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;
    private static readonly XNamespace Notif = NetconfNamespaces.Notification;
    private const int MaxAbandoned = 1024;

    private readonly INetconfTransport _transport;
    private readonly NetconfSessionOptions _options;
    private readonly NetconfMessageReader _reader;
    private readonly NetconfMessageWriter _writer;
    private readonly NetconfTrace? _trace;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PendingRpc> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _abandoned = new(StringComparer.Ordinal);
    private readonly Channel<NetconfNotification> _notifications;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _stateGate = new();
    private Task _readLoop = Task.CompletedTask;
    private long _lastMessageId;
    private long _droppedNotifications;
    private NetconfSessionClosedException? _closedBy;
    private volatile bool _closing;
    private int _transportDisposed;
    private int _disposed;

    private NetconfSession(
        INetconfTransport transport,
        NetconfSessionOptions options,
        NetconfMessageReader reader,
        NetconfMessageWriter writer,
        ILogger logger,
        string peer,
        uint sessionId,
        NetconfCapabilities clientCapabilities,
        NetconfCapabilities serverCapabilities)
    {
        _transport = transport;
        _options = options;
        _reader = reader;
        _writer = writer;
        _trace = options.Trace;
        _logger = logger;
        Peer = peer;
        SessionId = sessionId;
        ClientCapabilities = clientCapabilities;
        ServerCapabilities = serverCapabilities;
        _notifications = Channel.CreateBounded<NetconfNotification>(
            new BoundedChannelOptions(options.NotificationCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
            },
            OnNotificationDropped);
    }

    /// <summary>The peer as named in messages and traces (a password in it is masked).</summary>
    public string Peer { get; }

    /// <summary>The session-id the server assigned in its hello.</summary>
    public uint SessionId { get; }

    public NetconfCapabilities ClientCapabilities { get; }

    public NetconfCapabilities ServerCapabilities { get; }

    /// <summary>Chunked when both hellos advertised base:1.1, else end-of-message.</summary>
    public NetconfFraming Framing => _reader.Framing;

    /// <summary>
    /// Notifications in arrival order. Bounded (<see cref="NetconfSessionOptions.NotificationCapacity"/>): when the
    /// consumer falls behind, the oldest is dropped and counted in <see cref="DroppedNotifications"/> (every one is in
    /// the trace regardless). Completes when the session ends, with the <see cref="NetconfSessionClosedException"/> if
    /// it failed.
    /// </summary>
    public ChannelReader<NetconfNotification> Notifications => _notifications.Reader;

    /// <summary>Notifications dropped because the consumer fell behind.</summary>
    public long DroppedNotifications => Interlocked.Read(ref _droppedNotifications);

    public bool IsOpen => Volatile.Read(ref _closedBy) is null;

    /// <summary>RPCs sent and not yet answered.</summary>
    public int Outstanding => _pending.Count;

    /// <summary>
    /// Exchanges hellos on <paramref name="transport"/> (RFC 6241 §8.1, RFC 6242 §4.1): our hello alone in one write,
    /// then the server's, end-of-message framed; the session-id is required; chunked framing iff both sides advertise
    /// base:1.1. No RPC can be sent before this returns (netconfd 2.13 holds an RPC read together with the client hello until more bytes come). On any
    /// failure the transport is disposed.
    /// </summary>
    /// <exception cref="NetconfTimeoutException">No hello within <see cref="NetconfSessionOptions.HelloTimeout"/>.</exception>
    /// <exception cref="NetconfProtocolException">The server's hello is not acceptable.</exception>
    /// <exception cref="NetconfSessionClosedException">The connection ended before the server's hello.</exception>
    public static async Task<NetconfSession> OpenAsync(INetconfTransport transport, NetconfSessionOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string peer = NetconfPeerName.Redact(transport.Peer);
        var logger = (ILogger?)options.LoggerFactory?.CreateLogger<NetconfSession>() ?? NullLogger.Instance;
        var trace = options.Trace;
        var reader = new NetconfMessageReader(transport.Input, options.MaxMessageBytes);
        var writer = new NetconfMessageWriter(transport.Output);
        var clientCapabilities = new NetconfCapabilities(
            [NetconfCapabilities.Base10, .. options.AdvertiseBase11 ? [NetconfCapabilities.Base11] : Array.Empty<string>(), .. options.ExtraCapabilities]);
        trace?.RecordEvent("connect", $"peer={peer}");
        try
        {
            using var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            helloTimeout.CancelAfter(options.HelloTimeout);
            var hello = await ExchangeHellosAsync(reader, writer, trace, peer, clientCapabilities, options, helloTimeout.Token)
                .ConfigureAwait(false);
            trace?.ThrowIfFailed();
            var session = new NetconfSession(transport, options, reader, writer, logger, peer, hello.SessionId,
                clientCapabilities, hello.Capabilities);
            session.Start();
            NetconfSessionLog.SessionOpened(logger, peer, hello.SessionId, reader.Framing, hello.Capabilities.All.Length,
                hello.Capabilities.Modules.Length);
            return session;
        }
        catch (Exception e)
        {
            var thrown = e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? new NetconfTimeoutException(peer, "hello", options.HelloTimeout)
                : e;
            trace?.RecordEvent(thrown is NetconfTimeoutException ? "hello-timeout" : "hello-failed", $"peer={peer} error={thrown.Message}");
            NetconfSessionLog.HelloFailed(logger, peer, thrown);
            writer.Dispose();
            await transport.DisposeAsync().ConfigureAwait(false);
            if (ReferenceEquals(thrown, e))
            {
                throw;
            }

            throw thrown;
        }
    }

    /// <summary>
    /// Sends <paramref name="operation"/> in an <c>&lt;rpc&gt;</c> with the next message-id and returns the matching
    /// <c>&lt;rpc-reply&gt;</c>. Replies carrying rpc-errors of severity error throw; warnings alone do not (read them
    /// with <see cref="NetconfRpcError.FromReply"/>). The caller's element is copied, never modified.
    /// </summary>
    /// <exception cref="NetconfRpcException">The reply holds an rpc-error of severity error.</exception>
    /// <exception cref="NetconfTimeoutException">No reply within <paramref name="timeout"/> (default <see cref="NetconfSessionOptions.RpcTimeout"/>).</exception>
    /// <exception cref="NetconfSessionClosedException">The session ended before the reply.</exception>
    /// <exception cref="IOException">The trace could not be written.</exception>
    public async Task<XElement> RpcAsync(XElement operation, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        TimeSpan limit = timeout ?? _options.RpcTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        ThrowIfClosed();
        _trace?.ThrowIfFailed();

        string id = Interlocked.Increment(ref _lastMessageId).ToString(CultureInfo.InvariantCulture);
        string name = operation.Name.LocalName;
        var rpc = new XElement(Nc + "rpc", new XAttribute("message-id", id), new XElement(operation));
        byte[] bytes = NetconfXml.Serialize(rpc);
        _trace?.RecordMessage(NetconfTraceDirection.Sent, "rpc", $"message-id={id} operation={name}", rpc, bytes);
        _trace?.ThrowIfFailed(); // an RPC whose record is lost is not sent: the trace must show everything the peer saw
        var pending = new PendingRpc(id, name);
        _pending[id] = pending;
        if (Volatile.Read(ref _closedBy) is not null)
        {
            _pending.TryRemove(id, out _);
            ThrowIfClosed();
        }

        // The write itself is never cancelled: a write cut short would leave half a message on the wire and break the
        // framing for every later RPC. A caller who gives up (cancellation, the limit) stops waiting instead; if the
        // message still goes out, its reply arrives late and is dropped like any other.
        var time = _options.TimeProvider;
        long started = time.GetTimestamp();
        Task write = _writer.WriteMessageAsync(bytes, CancellationToken.None).AsTask();
        try
        {
            await write.WaitAsync(limit, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            Fail("the connection broke while sending", e);
            await pending.Reply.ConfigureAwait(false); // failed by Fail with the session's closed exception
            throw;
        }
        catch (TimeoutException) when (Abandon(pending, $"timeout while sending limit={limit.TotalSeconds:0.###}s"))
        {
            NetconfSessionLog.RpcTimedOut(_logger, Peer, id, name, limit);
            throw new NetconfTimeoutException(Peer, name, limit);
        }
        catch (OperationCanceledException) when (Abandon(pending, "cancelled while sending"))
        {
            throw;
        }

        NetconfSessionLog.RpcSent(_logger, Peer, id, name, bytes.Length);
        TimeSpan remaining = limit - time.GetElapsedTime(started);
        XElement reply;
        try
        {
            reply = await pending.Reply.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException) when (Abandon(pending, $"timeout limit={limit.TotalSeconds:0.###}s"))
        {
            NetconfSessionLog.RpcTimedOut(_logger, Peer, id, name, limit);
            throw new NetconfTimeoutException(Peer, name, limit);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && Abandon(pending, "cancelled"))
        {
            throw;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            reply = await pending.Reply.ConfigureAwait(false); // answered (or failed) while timing out
        }

        _trace?.ThrowIfFailed();
        var errors = NetconfRpcError.FromReply(reply);
        if (errors.Any(e => e.Severity == NetconfErrorSeverity.Error))
        {
            throw new NetconfRpcException(Peer, name, errors, reply);
        }

        return reply;
    }

    /// <summary>RFC 6241 §7.9: asks the server to end session <paramref name="sessionId"/> (not this one).</summary>
    public Task<XElement> KillSessionAsync(uint sessionId, CancellationToken cancellationToken = default) =>
        RpcAsync(new XElement(Nc + "kill-session", new XElement(Nc + "session-id", sessionId)), cancellationToken);

    /// <summary>
    /// RFC 6241 §7.8: close-session (within <see cref="NetconfSessionOptions.CloseTimeout"/>), then the transport is
    /// closed whatever the answer; the notification channel completes. Throws what close-session threw, and an
    /// <see cref="IOException"/> when the trace lost a record. Does nothing more once the session has ended.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (IsOpen)
        {
            _closing = true;
            try
            {
                await RpcAsync(new XElement(Nc + "close-session"), cancellationToken, _options.CloseTimeout).ConfigureAwait(false);
            }
            finally
            {
                await ShutdownAsync("closed by the client (close-session)", null, byClient: true).ConfigureAwait(false);
            }
        }
        else
        {
            await ShutdownAsync("closed by the client", null, byClient: true).ConfigureAwait(false);
        }

        _trace?.ThrowIfFailed();
    }

    /// <summary>Closes gracefully if still open (a refused or unanswered close-session is only logged), then releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NetconfRpcException or NetconfTimeoutException or NetconfSessionClosedException)
        {
            NetconfSessionLog.CloseFailed(_logger, Peer, e);
        }
        finally
        {
            _writer.Dispose();
            _stop.Dispose();
        }
    }

    private static async Task<(uint SessionId, NetconfCapabilities Capabilities)> ExchangeHellosAsync(
        NetconfMessageReader reader, NetconfMessageWriter writer, NetconfTrace? trace, string peer,
        NetconfCapabilities clientCapabilities, NetconfSessionOptions options, CancellationToken cancellationToken)
    {
        var ours = new XElement(Nc + "hello",
            new XElement(Nc + "capabilities", clientCapabilities.All.Select(c => new XElement(Nc + "capability", c))));
        byte[] ourBytes = NetconfXml.Serialize(ours);
        trace?.RecordMessage(NetconfTraceDirection.Sent, "hello", "", ours, ourBytes);
        await writer.WriteMessageAsync(ourBytes, cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);

        byte[] theirBytes = await reader.ReadMessageAsync(cancellationToken).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NetconfSessionClosedException(peer, "the connection ended before the server's hello", [], null);
        XElement theirs;
        try
        {
            theirs = NetconfXml.Parse(theirBytes, options.MaxCharactersInDocument);
        }
        catch (XmlException e)
        {
            trace?.RecordMessage(NetconfTraceDirection.Received, "unparsable", "", null, theirBytes);
            throw new NetconfProtocolException($"{peer} sent a hello that is not acceptable XML: {e.Message}", e);
        }

        trace?.RecordMessage(NetconfTraceDirection.Received, "hello", "", theirs, theirBytes);
        var hello = ParseServerHello(theirs, peer);
        if (hello.Capabilities.Supports(NetconfCapabilities.Base11) && clientCapabilities.Supports(NetconfCapabilities.Base11))
        {
            reader.Framing = NetconfFraming.Chunked;
            writer.Framing = NetconfFraming.Chunked;
        }

        return hello;
    }

    /// <summary>RFC 6241 §8.1: a server hello has capabilities, a base we share, and a session-id (1..2^32-1).</summary>
    private static (uint SessionId, NetconfCapabilities Capabilities) ParseServerHello(XElement hello, string peer)
    {
        if (hello.Name != Nc + "hello")
        {
            throw new NetconfProtocolException($"{peer} sent <{hello.Name}> where its <hello> was expected");
        }

        var capabilities = new NetconfCapabilities(
            hello.Element(Nc + "capabilities")?.Elements(Nc + "capability").Select(c => c.Value.Trim()) ?? []);
        if (!capabilities.Supports(NetconfCapabilities.Base10) && !capabilities.Supports(NetconfCapabilities.Base11))
        {
            throw new NetconfProtocolException($"{peer}'s hello advertises neither base:1.0 nor base:1.1");
        }

        string? sessionId = hello.Element(Nc + "session-id")?.Value.Trim();
        if (sessionId is null)
        {
            throw new NetconfProtocolException($"{peer}'s hello has no session-id (RFC 6241 §8.1 requires one)");
        }

        if (!uint.TryParse(sessionId, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) || id == 0)
        {
            throw new NetconfProtocolException($"{peer}'s hello has an invalid session-id '{sessionId}'");
        }

        return (id, capabilities);
    }

    private void Start() => _readLoop = Task.Run(ReadLoopAsync);

    private async Task ReadLoopAsync()
    {
        string reason;
        Exception? failure = null;
        try
        {
            while (true)
            {
                byte[]? message = await _reader.ReadMessageAsync(_stop.Token).ConfigureAwait(false);
                if (message is null)
                {
                    reason = "the peer closed the connection";
                    break;
                }

                Dispatch(message);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            reason = "closed by the client";
        }
        catch (NetconfFramingException e)
        {
            (reason, failure) = ("the peer broke RFC 6242 framing", e);
        }
        catch (NetconfProtocolException e)
        {
            (reason, failure) = ("the peer broke the NETCONF protocol", e);
        }
        catch (Exception e)
        {
            // Whatever else ends the loop (the transport's own exceptions vary) ends the session: an RPC must never
            // wait for a reply that no loop will deliver.
            (reason, failure) = ("the connection broke", e);
        }

        bool byClient = failure is null && (_closing || _stop.IsCancellationRequested);
        if (byClient && _closing)
        {
            reason = "closed by the client (close-session)";
        }

        await ShutdownAsync(reason, failure, byClient, awaitReadLoop: false).ConfigureAwait(false);
    }

    private void Dispatch(byte[] bytes)
    {
        XElement message;
        try
        {
            message = NetconfXml.Parse(bytes, _options.MaxCharactersInDocument);
        }
        catch (XmlException e)
        {
            _trace?.RecordMessage(NetconfTraceDirection.Received, "unparsable", "", null, bytes);
            throw new NetconfProtocolException($"{Peer} sent a message that is not acceptable XML: {e.Message}", e);
        }

        if (message.Name == Nc + "rpc-reply")
        {
            HandleReply(message, bytes);
        }
        else if (message.Name == Notif + "notification")
        {
            HandleNotification(message, bytes);
        }
        else
        {
            _trace?.RecordMessage(NetconfTraceDirection.Received, "other", $"element={message.Name.LocalName}", message, bytes);
            NetconfSessionLog.UnexpectedMessage(_logger, Peer, message.Name.ToString());
        }
    }

    private void HandleReply(XElement reply, byte[] bytes)
    {
        // RFC 6241 §4.2: message-id is unqualified; some peers qualify it with the base namespace.
        string? id = (reply.Attribute("message-id") ?? reply.Attribute(Nc + "message-id"))?.Value;
        _trace?.RecordMessage(NetconfTraceDirection.Received, "rpc-reply", $"message-id={id}", reply, bytes);
        if (id is not null && _pending.TryRemove(id, out var pending))
        {
            NetconfSessionLog.ReplyReceived(_logger, Peer, id, bytes.Length);
            pending.Complete(reply);
        }
        else if (id is not null && _abandoned.TryRemove(id, out string? operation))
        {
            _trace?.RecordEvent("late-reply-dropped", $"message-id={id} operation={operation}");
            NetconfSessionLog.LateReplyDropped(_logger, Peer, id, operation);
        }
        else
        {
            _trace?.RecordEvent("unmatched-reply-dropped", $"message-id={id}");
            NetconfSessionLog.UnmatchedReply(_logger, Peer, id);
        }
    }

    private void HandleNotification(XElement notification, byte[] bytes)
    {
        var content = notification.Elements().FirstOrDefault(e => e.Name != Notif + "eventTime");
        _trace?.RecordMessage(NetconfTraceDirection.Received, "notification", $"event={content?.Name.LocalName}", notification, bytes);
        string? eventTime = notification.Element(Notif + "eventTime")?.Value.Trim();
        if (content is null || eventTime is null
            || !DateTimeOffset.TryParse(eventTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            string problem = content is null ? "no event element" : $"eventTime '{eventTime}' is missing or not RFC 3339";
            NetconfSessionLog.MalformedNotification(_logger, Peer, problem);
            return;
        }

        NetconfSessionLog.NotificationReceived(_logger, Peer, content.Name.LocalName);
        content.Remove();
        _notifications.Writer.TryWrite(new NetconfNotification(time, content, _options.TimeProvider.GetUtcNow()));
    }

    private void OnNotificationDropped(NetconfNotification dropped)
    {
        if (Interlocked.Increment(ref _droppedNotifications) == 1)
        {
            NetconfSessionLog.NotificationsDropping(_logger, Peer, _options.NotificationCapacity);
        }
    }

    /// <summary>Stops waiting for <paramref name="pending"/>; true when it was still waiting (its late reply will be dropped).</summary>
    private bool Abandon(PendingRpc pending, string why)
    {
        if (!_pending.TryRemove(pending.MessageId, out _))
        {
            return false;
        }

        if (_abandoned.Count >= MaxAbandoned)
        {
            _abandoned.Clear();
        }

        _abandoned[pending.MessageId] = pending.Operation;
        _trace?.RecordEvent("rpc-abandoned", $"message-id={pending.MessageId} operation={pending.Operation} {why}");
        return true;
    }

    private void ThrowIfClosed()
    {
        if (Volatile.Read(ref _closedBy) is { } closed)
        {
            throw new NetconfSessionClosedException(Peer, closed.Reason ?? "closed", [], closed.InnerException);
        }
    }

    /// <summary>Ends the session from a caller's thread (a failed write); the read loop's own end does the rest.</summary>
    private void Fail(string reason, Exception cause)
    {
        MarkClosed(reason, cause, byClient: false);
        _stop.Cancel();
    }

    /// <summary>Marks the session ended, stops the read loop and closes the transport (once).</summary>
    private async Task ShutdownAsync(string reason, Exception? failure, bool byClient, bool awaitReadLoop = true)
    {
        MarkClosed(reason, failure, byClient);
        try
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // disposed after an earlier shutdown: nothing left to stop
        }

        if (Interlocked.Exchange(ref _transportDisposed, 1) == 0)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }

        if (awaitReadLoop)
        {
            await _readLoop.WaitAsync(_options.CloseTimeout, _options.TimeProvider).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Records why the session ended (first reason wins) and fails every outstanding RPC with it. Unless the client
    /// ended it and nothing broke, the notification channel completes with the same error: a consumer waiting for
    /// events learns that none will come, and why.
    /// </summary>
    private void MarkClosed(string reason, Exception? failure, bool byClient)
    {
        NetconfSessionClosedException closed;
        ImmutableArray<PendingRpc> outstanding;
        lock (_stateGate)
        {
            if (_closedBy is not null)
            {
                return;
            }

            outstanding = [.. _pending.Values.OrderBy(p => long.Parse(p.MessageId, CultureInfo.InvariantCulture))];
            closed = new NetconfSessionClosedException(Peer, reason, [.. outstanding.Select(p => p.ToString())], failure);
            Volatile.Write(ref _closedBy, closed);
        }

        foreach (var pending in outstanding)
        {
            _pending.TryRemove(pending.MessageId, out _);
            pending.Fail(closed);
        }

        foreach (var late in _pending.Values)
        {
            _pending.TryRemove(late.MessageId, out _);
            late.Fail(closed);
        }

        bool failed = failure is not null || !byClient;
        _notifications.Writer.TryComplete(failed ? closed : null);
        _trace?.RecordEvent("closed", $"session-id={SessionId} reason={closed.Message}");
        if (!failed)
        {
            NetconfSessionLog.SessionClosed(_logger, Peer, SessionId, reason, DroppedNotifications);
        }
        else
        {
            NetconfSessionLog.SessionFailed(_logger, Peer, SessionId, reason, outstanding.Length, failure ?? closed);
        }
    }
}
