using System.Globalization;
using System.Text;
using System.Xml.Linq;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>
/// A small NETCONF client for the specs, on the framer and XDocument only (independent of the production client being
/// written elsewhere): hello exchange, rpc with message-id correlation, notifications queued as they pass by.
/// Every wait is bounded, so a server that stays silent fails the spec instead of hanging it.
/// </summary>
internal sealed class NetconfTestClient : IAsyncDisposable
{
    public static readonly XNamespace Nc = "urn:ietf:params:xml:ns:netconf:base:1.0";
    public static readonly XNamespace Notif = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly IAsyncDisposable _connection;
    private readonly NetconfMessageReader _reader;
    private readonly NetconfMessageWriter _writer;
    private readonly Queue<XElement> _notifications = new();
    private Task<byte[]?>? _pendingRead;
    private int _messageId;

    private NetconfTestClient(Stream input, Stream output, IAsyncDisposable connection, Task<SessionResult> serving)
    {
        _connection = connection;
        _reader = new NetconfMessageReader(input);
        _writer = new NetconfMessageWriter(output);
        Serving = serving;
    }

    /// <summary>The server's session: completes when the server ends it.</summary>
    public Task<SessionResult> Serving { get; }

    public XElement ServerHello { get; private set; } = null!;

    public uint SessionId => uint.Parse(ServerHello.Element(Nc + "session-id")!.Value, CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Capabilities =>
        [.. ServerHello.Element(Nc + "capabilities")!.Elements(Nc + "capability").Select(c => c.Value)];

    public static async Task<NetconfTestClient> ConnectAsync(OruMplaneServer server, bool base11 = true)
    {
        var (client, serverEnd) = PipeTransport.CreatePair();
        var serving = Task.Run(() => server.ServeAsync(serverEnd));
        return await ConnectAsync(client.Input, client.Output, client, serving, base11);
    }

    /// <summary>A session over any byte stream (a call-home TCP connection); <paramref name="connection"/> is closed at the end.</summary>
    public static async Task<NetconfTestClient> ConnectAsync(Stream input, Stream output, IAsyncDisposable connection,
        Task<SessionResult> serving, bool base11 = true)
    {
        var session = new NetconfTestClient(input, output, connection, serving);
        session.ServerHello = await session.ReceiveAsync() ?? throw new InvalidOperationException("no server hello");
        string version = base11 ? "1.1" : "1.0";
        await session.SendRawAsync($"<hello xmlns=\"{Nc.NamespaceName}\"><capabilities><capability>urn:ietf:params:netconf:base:{version}"
            + "</capability></capabilities></hello>");
        if (base11)
        {
            session._reader.Framing = NetconfFraming.Chunked;
            session._writer.Framing = NetconfFraming.Chunked;
        }

        return session;
    }

    public async Task SendRawAsync(string xml) => await _writer.WriteMessageAsync(Encoding.UTF8.GetBytes(xml));

    /// <summary>Sends an rpc around <paramref name="operationXml"/> (nc: prefix, as ncclient does) and returns its reply.</summary>
    public async Task<XElement> RpcAsync(string operationXml)
    {
        string id = (++_messageId).ToString(CultureInfo.InvariantCulture);
        await SendRawAsync($"<nc:rpc xmlns:nc=\"{Nc.NamespaceName}\" message-id=\"{id}\">{operationXml}</nc:rpc>");
        return await ReplyAsync(id);
    }

    /// <summary>Sends an rpc without waiting for the reply (which <see cref="ReplyAsync"/> then reads).</summary>
    public async Task<string> SendRpcAsync(string operationXml)
    {
        string id = (++_messageId).ToString(CultureInfo.InvariantCulture);
        await SendRawAsync($"<nc:rpc xmlns:nc=\"{Nc.NamespaceName}\" message-id=\"{id}\">{operationXml}</nc:rpc>");
        return id;
    }

    /// <summary>The rpc-reply with <paramref name="messageId"/>; notifications read meanwhile are queued.</summary>
    public async Task<XElement> ReplyAsync(string messageId, TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(timeout) ?? throw new TimeoutException($"no reply to message-id {messageId}");
            if (message.Name == Notif + "notification")
            {
                _notifications.Enqueue(message);
                continue;
            }

            if (message.Attribute("message-id")?.Value == messageId)
            {
                return message;
            }

            throw new InvalidOperationException($"unexpected message {message}");
        }
    }

    /// <summary>The next notification's content (the element after eventTime), or null if none comes within the timeout.</summary>
    public async Task<XElement?> NextNotificationAsync(TimeSpan? timeout = null)
    {
        var envelope = await NextEnvelopeAsync(timeout);
        return envelope?.Elements().Skip(1).First();
    }

    public async Task<XElement?> NextEnvelopeAsync(TimeSpan? timeout = null)
    {
        if (_notifications.Count > 0)
        {
            return _notifications.Dequeue();
        }

        var message = await ReceiveAsync(timeout);
        return message is null || message.Name == Notif + "notification" ? message
            : throw new InvalidOperationException($"expected a notification, got {message}");
    }

    /// <summary>True when the server closed the stream (end of session) within the timeout.</summary>
    public async Task<bool> EndedAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var read = _pendingRead ??= _reader.ReadMessageAsync().AsTask();
            if (await Task.WhenAny(read, Task.Delay(timeout ?? Patience)) != read)
            {
                return false;
            }

            _pendingRead = null;
            if (await read is not { } bytes)
            {
                return true;
            }

            _notifications.Enqueue(XElement.Parse(Encoding.UTF8.GetString(bytes)));
        }
    }

    /// <summary>The next message, or null when none arrives within the timeout or the stream ended.</summary>
    public async Task<XElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        var read = _pendingRead ??= _reader.ReadMessageAsync().AsTask();
        if (await Task.WhenAny(read, Task.Delay(timeout ?? Patience)) != read)
        {
            return null;
        }

        _pendingRead = null;
        return await read is { } bytes ? XElement.Parse(Encoding.UTF8.GetString(bytes)) : null;
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _connection.DisposeAsync();
    }
}
