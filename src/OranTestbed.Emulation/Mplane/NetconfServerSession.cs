using System.Text;
using System.Threading.Channels;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using OranTestbed.Mplane.Framing;
using NetconfNamespaces = OranTestbed.Mplane.Session.NetconfNamespaces;
using NetconfCapabilities = OranTestbed.Mplane.Session.NetconfCapabilities;

namespace OranTestbed.Emulation.Mplane;

/// <summary>
/// One NETCONF session of the emulated O-RU (RFC 6241, framing RFC 6242): sends its hello with the session id and
/// capabilities, reads the client's (chunked framing once both advertise base:1.1), then answers each <c>&lt;rpc&gt;</c>
/// in turn with an <c>&lt;rpc-reply&gt;</c> carrying every attribute of the rpc (§4.2). Replies and notifications leave
/// through one queue, so a commit's reply precedes the notifications it causes. XML is parsed namespace-aware with DTDs
/// prohibited; a message that is not XML is answered with malformed-message, a framing error ends the session (§4.2 of
/// RFC 6242).
/// </summary>
internal sealed class NetconfServerSession : IDisposable
{
    private static readonly XNamespace B = NetconfNamespaces.Base;

    /// <summary>Stands for a message that is not XML (no element of a real message has a name without namespace like it).</summary>
    private static readonly XName NotXml = XName.Get("not-well-formed-xml");

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreProcessingInstructions = true,
    };

    private readonly OruMplaneServer _server;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly ILogger _logger;
    private readonly Channel<XElement> _outgoing = Channel.CreateUnbounded<XElement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _end = new();
    private readonly SupervisionWatchdog _watchdog;
    private readonly Lock _gate = new();
    private SessionEnd? _endReason;
    private bool _subscribed;
    private XElement? _notificationFilter;

    public NetconfServerSession(OruMplaneServer server, uint id, Stream input, Stream output, string peer, NacmAccess access,
        ILogger logger)
    {
        _server = server;
        Id = id;
        Access = access;
        _input = input;
        _output = output;
        Peer = peer;
        _logger = logger;
        Started = server.Options.Time.GetUtcNow();
        _watchdog = new SupervisionWatchdog(server.Options.Time,
            () => Notify(server.Options.Time.GetUtcNow(), OruNotifications.Supervision(Id), filter: null),
            () =>
            {
                if (server.SupervisionExpired(this))
                {
                    End(SessionEnd.SupervisionFailure);
                }
            });
    }

    public uint Id { get; }

    public string Peer { get; }

    /// <summary>The session's user and what NACM lets it do.</summary>
    public NacmAccess Access { get; }

    public DateTimeOffset Started { get; }

    public async Task<SessionResult> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _end.Token);
        var token = linked.Token;
        var reader = new NetconfMessageReader(_input);
        using var writer = new NetconfMessageWriter(_output);
        Task? writing = null;
        var result = new SessionResult(SessionEnd.PeerGone);
        try
        {
            await writer.WriteMessageAsync(Serialize(Hello()), token).ConfigureAwait(false);
            var hello = await ReadAsync(reader, token).ConfigureAwait(false);
            if (hello is null)
            {
                return result;
            }

            var framing = ReadHello(hello);
            reader.Framing = framing;
            writer.Framing = framing;
            MplaneLog.SessionStarted(_logger, Id, Peer, framing);
            MplaneLog.SessionUser(_logger, Id, Access.User, Access.Group ?? "(none)");
            writing = WriteAllAsync(writer);
            result = await ServeAsync(reader, token).ConfigureAwait(false);
        }
        catch (NetconfFramingException ex)
        {
            result = new SessionResult(SessionEnd.ProtocolError, "framing: " + ex.Message);
        }
        catch (ProtocolViolation ex)
        {
            result = new SessionResult(SessionEnd.ProtocolError, ex.Message);
        }
        catch (OperationCanceledException) when (_end.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                result = new SessionResult(_endReason ?? SessionEnd.Killed);
            }
        }
        catch (IOException)
        {
            result = new SessionResult(SessionEnd.PeerGone);
        }
        finally
        {
            _watchdog.Dispose();
            _outgoing.Writer.TryComplete();
            if (writing is not null)
            {
                await writing.ConfigureAwait(false);
            }

            await CloseOutputAsync().ConfigureAwait(false);
        }

        if (result.End == SessionEnd.ProtocolError)
        {
            MplaneLog.ProtocolError(_logger, Id, result.Detail ?? "");
        }

        MplaneLog.SessionEnded(_logger, Id, result.End);
        return result;
    }

    /// <summary>Ends the session from outside (kill-session, supervision failure, server stop); queued messages still go.</summary>
    public void End(SessionEnd reason)
    {
        lock (_gate)
        {
            _endReason ??= reason;
        }

        _end.Cancel();
    }

    /// <summary>
    /// create-subscription: notifications flow from now on; supervision starts with its default timers for a session that
    /// may reset the watchdog (NACM exec on o-ran-supervision: not fm-pm or swm, which the O-RU does not supervise).
    /// </summary>
    public void Subscribe(XElement? filter)
    {
        lock (_gate)
        {
            if (_subscribed)
            {
                throw new NetconfRpcException(RpcError.InUse("this session already has a subscription (RFC 5277 §2.1.1)"));
            }

            _subscribed = true;
            _notificationFilter = filter is { HasElements: true } ? filter : null;
        }

        if (!_watchdog.IsArmed && Access.MayExecute(OranTestbed.Mplane.Oran.OranNamespaces.Supervision + "supervision-watchdog-reset"))
        {
            _watchdog.Reset(SupervisionWatchdog.DefaultIntervalSeconds, SupervisionWatchdog.DefaultGuardSeconds);
        }
    }

    public DateTimeOffset ResetWatchdog(int intervalSeconds, int guardSeconds) => _watchdog.Reset(intervalSeconds, guardSeconds);

    /// <summary>
    /// Queues a notification when the session subscribed, may read it (RFC 8341 §3.4.6) and its filter (if any) selects it.
    /// </summary>
    public void Notify(DateTimeOffset eventTime, XElement content, SubtreeFilter? filter)
    {
        lock (_gate)
        {
            // A session ending for supervision failure still gets the deactivation it caused.
            if (!_subscribed || (_endReason is not null && _endReason != SessionEnd.SupervisionFailure))
            {
                return;
            }

            if (!Access.MayReceive(content))
            {
                return;
            }

            if (_notificationFilter is not null && filter is not null
                && !filter.Apply(new XElement(B + "data", new XElement(content)), _notificationFilter).HasElements)
            {
                return;
            }
        }

        _outgoing.Writer.TryWrite(OruNotifications.Envelope(eventTime, new XElement(content)));
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        _end.Dispose();
    }

    private async Task<SessionResult> ServeAsync(NetconfMessageReader reader, CancellationToken token)
    {
        var dispatcher = new RpcDispatcher(_server, this);
        while (true)
        {
            var message = await ReadAsync(reader, token).ConfigureAwait(false);
            if (message is null)
            {
                return new SessionResult(SessionEnd.PeerGone);
            }

            var rpc = message;
            var operation = rpc.Elements().FirstOrDefault();
            RpcOutcome outcome;
            string opName = operation?.Name.LocalName ?? "(none)";
            MplaneLog.RpcReceived(_logger, Id, opName, rpc.Attribute("message-id")?.Value);
            try
            {
                outcome = Check(rpc, operation) ?? await dispatcher.DispatchAsync(operation!, token).ConfigureAwait(false);
            }
            catch (NetconfRpcException ex)
            {
                MplaneLog.RpcRefused(_logger, Id, opName, ex.Error.Tag, ex.Error.Message);
                outcome = RpcOutcome.Of(ex.Error.ToXml());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fault of the emulator must not end the O-DU's session: it gets operation-failed, the log the exception.
                MplaneLog.RpcFailed(_logger, Id, opName, ex);
                outcome = RpcOutcome.Of(RpcError.OperationFailed($"the O-RU failed: {ex.Message}").ToXml());
            }

            _outgoing.Writer.TryWrite(Reply(rpc, outcome.Reply));
            _server.Publish(outcome.Notifications);
            if (outcome.EndsSession)
            {
                return new SessionResult(SessionEnd.Closed);
            }
        }
    }

    /// <summary>An error reply for an rpc that cannot be dispatched, or null.</summary>
    private static RpcOutcome? Check(XElement rpc, XElement? operation)
    {
        if (rpc.Name == NotXml)
        {
            return RpcOutcome.Of(RpcError.MalformedMessage($"the message is not well-formed XML: {rpc.Value}").ToXml());
        }

        if (rpc.Name != B + "rpc")
        {
            return RpcOutcome.Of(RpcError.MalformedMessage($"expected an rpc in {B.NamespaceName}, got {rpc.Name.LocalName} in '{rpc.Name.NamespaceName}'").ToXml());
        }

        if (rpc.Attribute("message-id") is null)
        {
            return RpcOutcome.Of(new RpcError("rpc", "missing-attribute", "the rpc has no message-id attribute")
            {
                Info = [new XElement(B + "bad-attribute", "message-id"), new XElement(B + "bad-element", "rpc")],
            }.ToXml());
        }

        return operation is null ? RpcOutcome.Of(RpcError.MalformedMessage("the rpc holds no operation").ToXml()) : null;
    }

    /// <summary>The rpc-reply: every attribute of the rpc (message-id and any other, with their namespace declarations).</summary>
    private static XElement Reply(XElement rpc, IReadOnlyList<XElement> content) =>
        new(B + "rpc-reply", rpc.Name == B + "rpc" ? rpc.Attributes().Select(a => new XAttribute(a)) : [], content);

    /// <summary>The next message as XML; one that is not XML becomes an rpc named in no namespace (answered malformed-message).</summary>
    private static async Task<XElement?> ReadAsync(NetconfMessageReader reader, CancellationToken token)
    {
        // A read of standard input cannot be cancelled: wait for it or for the session's end, whichever comes first.
        byte[]? bytes = await reader.ReadMessageAsync(CancellationToken.None).AsTask().WaitAsync(token).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var xml = XmlReader.Create(stream, XmlSettings);
            return XElement.Load(xml);
        }
        catch (XmlException ex)
        {
            return new XElement(NotXml, ex.Message);
        }
    }

    private XElement Hello() =>
        new(B + "hello",
            new XElement(B + "capabilities", _server.HelloCapabilities.Select(c => new XElement(B + "capability", c))),
            new XElement(B + "session-id", Id));

    private static NetconfFraming ReadHello(XElement hello)
    {
        if (hello.Name != B + "hello")
        {
            throw new ProtocolViolation(hello.Name == NotXml
                ? $"the client's hello is not XML ({hello.Value})"
                : $"the client's first message is {hello.Name.LocalName}, not a hello");
        }

        if (hello.Element(B + "session-id") is not null)
        {
            throw new ProtocolViolation("the client's hello carries a session-id (RFC 6241 §8.1)");
        }

        var capabilities = hello.Element(B + "capabilities")?.Elements(B + "capability").Select(c => c.Value.Trim()).ToList() ?? [];
        if (capabilities.Contains(NetconfCapabilities.Base11))
        {
            return NetconfFraming.Chunked;
        }

        return capabilities.Contains(NetconfCapabilities.Base10)
            ? NetconfFraming.EndOfMessage
            : throw new ProtocolViolation("the client's hello advertises neither base:1.0 nor base:1.1");
    }

    private async Task WriteAllAsync(NetconfMessageWriter writer)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await writer.WriteMessageAsync(Serialize(message)).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            End(SessionEnd.PeerGone);
        }
    }

    private async Task CloseOutputAsync()
    {
        try
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The peer is gone already.
        }
    }

    private static byte[] Serialize(XElement message) =>
        Encoding.UTF8.GetBytes(message.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces));

    /// <summary>The client broke the protocol in a way that ends the session (hello).</summary>
    private sealed class ProtocolViolation(string message) : Exception(message);
}
