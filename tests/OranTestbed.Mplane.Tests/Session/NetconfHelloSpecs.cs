using System.Text;
using System.Xml.Linq;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Session;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>RFC 6241 §8.1 / RFC 6242 §4.1: the hello exchange, the framing it chooses, and the hellos a client refuses.</summary>
public sealed class NetconfHelloSpecs
{
    [TestCase(true, true, NetconfFraming.Chunked)]
    [TestCase(true, false, NetconfFraming.EndOfMessage)]
    [TestCase(false, true, NetconfFraming.EndOfMessage)]
    [TestCase(false, false, NetconfFraming.EndOfMessage)]
    public async Task Hello_must_choose_chunked_framing_only_when_both_sides_advertise_base_1_1(
        bool clientBase11, bool serverBase11, NetconfFraming expected)
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options with { AdvertiseBase11 = clientBase11 }, CancellationToken.None);
        var clientHello = await server.HandshakeAsync(serverBase11 ? [Base10, Base11] : [Base10], sessionId: 4711);
        await using var session = await open.WaitAsync(Patience);

        var rpc = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var (id, operation) = await server.ReceiveRpcAsync(); // the server reads with the framing it expects
        await server.ReplyAsync(id);
        await rpc.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Framing, Is.EqualTo(expected));
            Assert.That(server.Framing, Is.EqualTo(expected));
            Assert.That(session.SessionId, Is.EqualTo(4711u));
            Assert.That(clientHello.Descendants(Nc + "capability").Select(c => c.Value),
                Is.EqualTo(clientBase11 ? new[] { Base10, Base11 } : [Base10]));
            Assert.That(clientHello.Element(Nc + "session-id"), Is.Null, "a client hello carries no session-id");
            Assert.That(operation.Name, Is.EqualTo(Nc + "get"));
        }
    }

    [Test]
    public async Task Client_hello_must_travel_alone_in_one_write_before_the_server_hello()
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options, CancellationToken.None);

        var buffer = new byte[64 * 1024];
        int first = await server.Input.ReadAsync(buffer).AsTask().WaitAsync(Patience);
        string hello = Encoding.UTF8.GetString(buffer, 0, first);
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var more = server.Input.ReadAsync(buffer, quiet.Token).AsTask();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hello, Does.EndWith("]]>]]>"), "the hello is end-of-message framed and complete in one write");
            Assert.That(hello.Split("]]>]]>"), Has.Length.EqualTo(2), "one message only");
            Assert.That(XElement.Parse(hello[..^6]).Name, Is.EqualTo(Nc + "hello"));
            Assert.That(async () => await more, Throws.InstanceOf<OperationCanceledException>(),
                "nothing else is sent while the server's hello is awaited");
            Assert.That(open.IsCompleted, Is.False);
        }
    }

    [Test]
    public async Task Hello_without_session_id_must_be_refused_and_the_transport_closed()
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options, CancellationToken.None);
        await server.HandshakeAsync([Base10, Base11], sessionId: null);

        var error = Assert.ThrowsAsync<NetconfProtocolException>(async () => await open.WaitAsync(Patience));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("o-ru-1").And.Contain("no session-id"));
            Assert.That(await server.TryReceiveAsync(), Is.Null, "the client closed the connection");
        }
    }

    [TestCase("<session-id>0</session-id>", "invalid session-id")]
    [TestCase("<session-id>x1</session-id>", "invalid session-id")]
    [TestCase("", "neither base:1.0 nor base:1.1")]
    public async Task Hello_that_breaks_rfc_6241_must_be_refused(string sessionId, string why)
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options, CancellationToken.None);
        await server.ReceiveAsync();
        string capabilities = why.StartsWith("neither", StringComparison.Ordinal) ? "urn:example:only" : Base10;
        await server.SendAsync($"<hello xmlns=\"{Nc.NamespaceName}\"><capabilities><capability>{capabilities}</capability></capabilities>{(sessionId.Length == 0 ? "<session-id>5</session-id>" : sessionId)}</hello>");

        var error = Assert.ThrowsAsync<NetconfProtocolException>(async () => await open.WaitAsync(Patience));

        Assert.That(error!.Message, Does.Contain(why));
    }

    [Test]
    public async Task Hello_must_time_out_naming_the_peer()
    {
        var (client, server) = Create("ncadmin@10.0.0.7:830");
        await using var _ = server;
        var options = Options with { HelloTimeout = TimeSpan.FromMilliseconds(200) };

        var error = Assert.ThrowsAsync<NetconfTimeoutException>(
            async () => await NetconfSession.OpenAsync(client, options, CancellationToken.None).WaitAsync(Patience));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Peer, Is.EqualTo("ncadmin@10.0.0.7:830"));
            Assert.That(error.Operation, Is.EqualTo("hello"));
            Assert.That(error.Limit, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(error.Message, Does.Contain("ncadmin@10.0.0.7:830").And.Contain("hello").And.Contain("0.2 s"));
        }
    }

    [Test]
    public async Task Hello_with_prefixed_names_must_be_understood()
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options, CancellationToken.None);
        await server.ReceiveAsync();
        await server.SendAsync($"<nc:hello xmlns:nc=\"{Nc.NamespaceName}\"><nc:capabilities><nc:capability>{Base10}</nc:capability>"
            + $"<nc:capability> {Base11} </nc:capability></nc:capabilities><nc:session-id>9</nc:session-id></nc:hello>");

        await using var session = await open.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.SessionId, Is.EqualTo(9u));
            Assert.That(session.ServerCapabilities.Supports(Base11), Is.True, "capability values are trimmed");
            Assert.That(session.Framing, Is.EqualTo(NetconfFraming.Chunked));
        }
    }

    [Test]
    public async Task Hello_with_a_dtd_must_be_refused()
    {
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options, CancellationToken.None);
        await server.ReceiveAsync();
        await server.SendAsync("<?xml version=\"1.0\"?><!DOCTYPE hello [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
            + $"<hello xmlns=\"{Nc.NamespaceName}\"><capabilities><capability>&b;</capability></capabilities><session-id>1</session-id></hello>");

        var error = Assert.ThrowsAsync<NetconfProtocolException>(async () => await open.WaitAsync(Patience));

        Assert.That(error!.Message, Does.Contain("o-ru-1").And.Contain("DTD"));
    }
}
