using System.Globalization;
using System.Text;
using System.Xml.Linq;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// Just enough NETCONF to prove a transport, spoken raw with the framer (the session layer is built elsewhere and must
/// not be what these specs depend on): the hello exchange — client hello with base:1.0 and base:1.1, each hello as its
/// own end-of-message write, chunked framing once both sides advertise 1.1 (RFC 6242 §4.1) — then <c>&lt;rpc&gt;</c>s
/// correlated by message-id, with notifications put aside.
/// </summary>
internal sealed class RawNetconf : IDisposable
{
    public const string Base10 = "urn:ietf:params:netconf:base:1.0";
    public const string Base11 = "urn:ietf:params:netconf:base:1.1";
    public static readonly XNamespace Nc = "urn:ietf:params:xml:ns:netconf:base:1.0";
    public static readonly XNamespace NotificationNs = "urn:ietf:params:xml:ns:netconf:notification:1.0";

    private readonly NetconfMessageReader _reader;
    private readonly NetconfMessageWriter _writer;
    private int _messageId;

    public RawNetconf(INetconfTransport transport)
    {
        _reader = new NetconfMessageReader(transport.Input);
        _writer = new NetconfMessageWriter(transport.Output);
    }

    /// <summary>
    /// The pause after our hello before the first rpc (see <see cref="HelloAsync"/>): long enough for netconf-subsystem
    /// and netconfd to have read the hello alone even on a loaded 2-core CI machine (load average 15 seen here).
    /// </summary>
    public static readonly TimeSpan HelloSettle = TimeSpan.FromMilliseconds(250);

    public static string ClientHello { get; } =
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"{Nc.NamespaceName}\"><capabilities>" +
        $"<capability>{Base10}</capability><capability>{Base11}</capability></capabilities></hello>";

    public IReadOnlyList<string> ServerCapabilities { get; private set; } = [];

    public NetconfFraming Framing => _writer.Framing;

    public List<XElement> Notifications { get; } = [];

    /// <summary>Reads the server's hello, sends ours, and switches both directions to chunked when both speak base:1.1.</summary>
    public async Task<XElement> HelloAsync(CancellationToken cancellationToken)
    {
        XElement hello = await ReadServerHelloAsync(cancellationToken);
        await _writer.WriteMessageAsync(Encoding.UTF8.GetBytes(ClientHello), cancellationToken);
        // netconfd holds back an <rpc> that reaches it in the same read as the client hello until more bytes arrive
        // (mplane.md §1.5-3, NetconfdQuirkSpecs), and separate writes do not prevent that: ssh, sshd and netconf-subsystem
        // may each merge them (seen with the OpenSSH client, whose stdin read took hello and get-config together).
        // NETCONF acknowledges no hello, so give it time.
        await Task.Delay(HelloSettle, cancellationToken);
        SwitchFramingIfBothSpeak11();
        return hello;
    }

    /// <summary>Reads the server's hello only (the caller sends ours), recording its capabilities.</summary>
    public async Task<XElement> ReadServerHelloAsync(CancellationToken cancellationToken)
    {
        XElement hello = await ReadAsync(cancellationToken) ?? throw new AssertionException("the server closed before its <hello>");
        Assert.That(hello.Name, Is.EqualTo(Nc + "hello"), hello.ToString);
        ServerCapabilities = hello.Descendants(Nc + "capability").Select(c => c.Value.Trim()).ToList();
        return hello;
    }

    /// <summary>Chunked framing both ways when the server advertised base:1.1 (ours always does).</summary>
    public void SwitchFramingIfBothSpeak11()
    {
        if (ServerCapabilities.Contains(Base11))
        {
            _reader.Framing = NetconfFraming.Chunked;
            _writer.Framing = NetconfFraming.Chunked;
        }
    }

    /// <summary>Sends <paramref name="operation"/> in an <c>&lt;rpc&gt;</c> and returns the <c>&lt;rpc-reply&gt;</c> with the same message-id.</summary>
    public async Task<XElement> RpcAsync(string operation, CancellationToken cancellationToken)
    {
        string id = (++_messageId).ToString(CultureInfo.InvariantCulture);
        await SendAsync(Rpc(id, operation), cancellationToken);
        return await ReplyAsync(id, cancellationToken);
    }

    public static string Rpc(string messageId, string operation) =>
        $"<rpc xmlns=\"{Nc.NamespaceName}\" message-id=\"{messageId}\">{operation}</rpc>";

    public ValueTask SendAsync(string message, CancellationToken cancellationToken) =>
        _writer.WriteMessageAsync(Encoding.UTF8.GetBytes(message), cancellationToken);

    /// <summary>Reads until the reply to <paramref name="messageId"/>; notifications met on the way go to <see cref="Notifications"/>.</summary>
    public async Task<XElement> ReplyAsync(string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            XElement message = await ReadAsync(cancellationToken) ?? throw new AssertionException($"the server closed before replying to {messageId}");
            if (message.Name == NotificationNs + "notification")
            {
                Notifications.Add(message);
                continue;
            }

            Assert.That(message.Name, Is.EqualTo(Nc + "rpc-reply"), message.ToString);
            return (string?)message.Attribute("message-id") == messageId
                ? message
                : throw new AssertionException($"expected the reply to message-id {messageId}, got {message}");
        }
    }

    /// <summary>The next message as XML, or null when the stream ended between messages.</summary>
    public async Task<XElement?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes = await _reader.ReadMessageAsync(cancellationToken);
        return bytes is null ? null : XElement.Parse(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The next notification: one already set aside, else the next message (which must be one).</summary>
    public async Task<XElement> NotificationAsync(CancellationToken cancellationToken)
    {
        if (Notifications.Count > 0)
        {
            XElement first = Notifications[0];
            Notifications.RemoveAt(0);
            return first;
        }

        XElement message = await ReadAsync(cancellationToken) ?? throw new AssertionException("the server closed instead of notifying");
        Assert.That(message.Name, Is.EqualTo(NotificationNs + "notification"), message.ToString);
        return message;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>How long one spec's exchange may take: a hung peer fails the spec instead of hanging the run.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>A <c>&lt;get-config&gt;</c> of running with a subtree filter for the ietf-interfaces list.</summary>
    public const string GetRunningInterfaces =
        "<get-config><source><running/></source><filter type=\"subtree\">" +
        "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"/></filter></get-config>";

    public static readonly XNamespace Interfaces = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
}
