using System.Text;
using System.Xml.Linq;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>
/// The server end of a <see cref="PipeTransport"/> pair, driven step by step by a spec: it reads framed messages with
/// the production <see cref="NetconfMessageReader"/> and answers canned XML, so each spec states exactly what the peer
/// does (including what real peers get wrong).
/// </summary>
internal sealed class ScriptedNetconfServer : IAsyncDisposable
{
    public const string Base10 = NetconfCapabilities.Base10;
    public const string Base11 = NetconfCapabilities.Base11;
    public static readonly XNamespace Nc = NetconfNamespaces.Base;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Session options for specs: a server that ignores close-session costs 0.3 s at disposal, not 5 s.</summary>
    public static NetconfSessionOptions Options { get; } = new() { CloseTimeout = TimeSpan.FromMilliseconds(300) };

    private readonly PipeTransport _transport;
    private readonly NetconfMessageReader _reader;
    private readonly NetconfMessageWriter _writer;

    private ScriptedNetconfServer(PipeTransport transport)
    {
        _transport = transport;
        _reader = new NetconfMessageReader(transport.Input);
        _writer = new NetconfMessageWriter(transport.Output);
    }

    public Stream Input => _transport.Input;

    public Stream Output => _transport.Output;

    /// <summary>A connected pair; the client end names the server <paramref name="peer"/>.</summary>
    public static (PipeTransport Client, ScriptedNetconfServer Server) Create(string peer = "o-ru-1")
    {
        var (client, server) = PipeTransport.CreatePair(peer);
        return (client, new ScriptedNetconfServer(server));
    }

    /// <summary>Opens a session against a server that answers the hello with <paramref name="capabilities"/>.</summary>
    public static async Task<(NetconfSession Session, ScriptedNetconfServer Server)> ConnectAsync(
        NetconfSessionOptions? options = null, IEnumerable<string>? capabilities = null, string peer = "o-ru-1")
    {
        var (client, server) = Create(peer);
        var open = NetconfSession.OpenAsync(client, options ?? Options, CancellationToken.None);
        await server.HandshakeAsync(capabilities ?? [Base10, Base11]);
        return (await open.WaitAsync(Patience), server);
    }

    public static string Hello(IEnumerable<string> capabilities, uint? sessionId = 42) =>
        $"<hello xmlns=\"{Nc.NamespaceName}\"><capabilities>"
        + string.Concat(capabilities.Select(c => $"<capability>{System.Security.SecurityElement.Escape(c)}</capability>"))
        + "</capabilities>" + (sessionId is null ? "" : $"<session-id>{sessionId}</session-id>") + "</hello>";

    /// <summary>Reads the client's hello, answers ours, and switches to chunked framing iff both advertise base:1.1.</summary>
    public async Task<XElement> HandshakeAsync(IEnumerable<string> capabilities, uint? sessionId = 42)
    {
        var clientHello = await ReceiveAsync();
        string[] ours = [.. capabilities];
        await SendAsync(Hello(ours, sessionId));
        bool clientBase11 = clientHello.Descendants(Nc + "capability").Any(c => c.Value == Base11);
        if (clientBase11 && ours.Contains(Base11))
        {
            _reader.Framing = NetconfFraming.Chunked;
            _writer.Framing = NetconfFraming.Chunked;
        }

        return clientHello;
    }

    public NetconfFraming Framing => _reader.Framing;

    /// <summary>The next message, or null when the client closed the connection.</summary>
    public async Task<XElement?> TryReceiveAsync()
    {
        byte[]? message = await _reader.ReadMessageAsync().AsTask().WaitAsync(Patience);
        return message is null ? null : XElement.Parse(Encoding.UTF8.GetString(message));
    }

    public async Task<XElement> ReceiveAsync() =>
        await TryReceiveAsync() ?? throw new InvalidOperationException("the client closed the connection");

    /// <summary>The next RPC: its message-id and its operation element.</summary>
    public async Task<(string Id, XElement Operation)> ReceiveRpcAsync()
    {
        var rpc = await ReceiveAsync();
        if (rpc.Name != Nc + "rpc")
        {
            throw new InvalidOperationException($"expected an rpc, got {rpc}");
        }

        return (rpc.Attribute("message-id")!.Value, rpc.Elements().Single());
    }

    public Task SendAsync(string xml) => _writer.WriteMessageAsync(Encoding.UTF8.GetBytes(xml)).AsTask();

    /// <summary>Bytes exactly as given, outside any framing.</summary>
    public async Task SendRawAsync(string bytes)
    {
        await _transport.Output.WriteAsync(Encoding.UTF8.GetBytes(bytes));
        await _transport.Output.FlushAsync();
    }

    public Task ReplyAsync(string messageId, string body = "<ok/>") =>
        SendAsync($"<rpc-reply xmlns=\"{Nc.NamespaceName}\" message-id=\"{messageId}\">{body}</rpc-reply>");

    public Task NotifyAsync(string eventXml, string eventTime = "2026-12-07T18:00:00.5+01:00") =>
        SendAsync($"<notification xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><eventTime>{eventTime}</eventTime>{eventXml}</notification>");

    /// <summary>Answers every RPC with what <paramref name="answer"/> returns (the reply's content) until the client leaves.</summary>
    public async Task ServeAsync(Func<XElement, string> answer)
    {
        while (await TryReceiveAsync() is { } rpc)
        {
            await ReplyAsync(rpc.Attribute("message-id")!.Value, answer(rpc.Elements().Single()));
        }
    }

    /// <summary>Drops the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _transport.DisposeAsync();
    }
}
