using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Tracing;
using OranTestbed.TestSupport;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Tracing;

/// <summary>The per-session trace: every message and event, timed and directed, in the documented format; errors surface; no secrets.</summary>
public sealed class NetconfTraceSpecs
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("netconf-trace-").FullName;

    [TearDown]
    public void DeleteFolder() => TempFolders.Delete(_folder);

    [Test]
    public async Task Trace_must_record_every_message_of_a_session_in_order_with_time_and_direction()
    {
        string path = Path.Combine(_folder, "session.trace");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var trace = NetconfTrace.Create(path))
        {
            var (session, server) = await ConnectAsync(Options with { Trace = trace });
            await using var _ = server;
            var get = session.GetAsync();
            var (id, _) = await server.ReceiveRpcAsync();
            await server.NotifyAsync("<tick xmlns=\"urn:example:flood\">1</tick>");
            await server.ReplyAsync(id, "<data/>");
            await get.WaitAsync(Patience);
            var close = session.CloseAsync();
            var (closeId, _) = await server.ReceiveRpcAsync();
            await server.ReplyAsync(closeId);
            await close.WaitAsync(Patience);
        }

        var records = TraceFile.Read(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Select(r => r.Line.Split(" bytes=")[0]), Is.EqualTo((string[])
            [
                "-- connect peer=o-ru-1",
                ">> hello",
                "<< hello",
                ">> rpc message-id=1 operation=get",
                "<< notification event=tick",
                "<< rpc-reply message-id=1",
                ">> rpc message-id=2 operation=close-session",
                "<< rpc-reply message-id=2",
                "-- closed session-id=42 reason=NETCONF session with o-ru-1 closed: closed by the client (close-session)",
            ]));
            Assert.That(records.Select(r => r.Time), Is.Ordered);
            Assert.That(records.Select(r => r.Time), Is.All.InRange(before, DateTimeOffset.UtcNow.AddSeconds(1)));
            Assert.That(records.Where(r => r.Direction != "--").Select(r => XElement.Parse(r.Body).Name.LocalName),
                Is.EqualTo((string[])["hello", "hello", "rpc", "notification", "rpc-reply", "rpc", "rpc-reply"]),
                "each body is the whole message, exactly bytes= long");
        }
    }

    [Test]
    public async Task Trace_must_record_timeouts_late_replies_and_the_end_of_a_failed_session()
    {
        string path = Path.Combine(_folder, "failed.trace");
        await using (var trace = NetconfTrace.Create(path))
        {
            var (session, server) = await ConnectAsync(Options with { Trace = trace });
            await using var __ = session;
            var slow = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None, TimeSpan.FromMilliseconds(100));
            var (id, _) = await server.ReceiveRpcAsync();
            Assert.ThrowsAsync<NetconfTimeoutException>(async () => await slow.WaitAsync(Patience));
            var next = session.RpcAsync(new XElement(Nc + "get-config"), CancellationToken.None);
            await server.ReceiveRpcAsync();
            await server.ReplyAsync(id);
            await server.DisposeAsync();
            Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await next.WaitAsync(Patience));
        }

        var events = TraceFile.Read(path).Where(r => r.Direction == "--").Select(r => r.Header).ToList();

        Assert.That(events, Is.EqualTo((string[])
        [
            "connect peer=o-ru-1",
            "rpc-abandoned message-id=1 operation=get timeout limit=0.1s",
            "late-reply-dropped message-id=1 operation=get",
            "closed session-id=42 reason=NETCONF session with o-ru-1 closed: the peer closed the connection; unanswered: rpc 2 (get-config)",
        ]));
    }

    [Test]
    public async Task Trace_must_record_a_hello_timeout()
    {
        string path = Path.Combine(_folder, "silent.trace");
        var (client, server) = Create();
        await using var _ = server;
        await using (var trace = NetconfTrace.Create(path))
        {
            var options = Options with { Trace = trace, HelloTimeout = TimeSpan.FromMilliseconds(100) };
            Assert.ThrowsAsync<NetconfTimeoutException>(async () => await NetconfSession.OpenAsync(client, options, CancellationToken.None));
        }

        Assert.That(TraceFile.Read(path).Select(r => r.Line.Split(" bytes=")[0]), Is.EqualTo((string[])
        [
            "-- connect peer=o-ru-1",
            ">> hello",
            "-- hello-timeout peer=o-ru-1 error=o-ru-1 did not answer <hello> within 0.1 s",
        ]));
    }

    [Test]
    public async Task A_trace_that_cannot_be_written_must_fail_the_session_and_its_disposal()
    {
        var trace = NetconfTrace.Create("/dev/full");
        var (client, server) = Create();
        await using var _ = server;
        var open = NetconfSession.OpenAsync(client, Options with { Trace = trace }, CancellationToken.None);
        await server.HandshakeAsync([Base10, Base11]);

        var error = Assert.ThrowsAsync<IOException>(async () => await open.WaitAsync(Patience))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("/dev/full").And.Contain("incomplete"));
            Assert.That(error.InnerException, Is.InstanceOf<IOException>(), "the write error itself (ENOSPC)");
            Assert.That(await server.TryReceiveAsync(), Is.Null, "a session without evidence is not kept open");
            Assert.That(trace.Dispose, Throws.InstanceOf<IOException>().With.Message.Contains("/dev/full"));
        }
    }

    [Test]
    public async Task A_trace_failing_mid_session_must_fail_the_next_operation_before_it_is_sent()
    {
        string path = Path.Combine(_folder, "closed-early.trace");
        var trace = NetconfTrace.Create(path);
        var (session, server) = await ConnectAsync(Options with { Trace = trace });
        await using var _ = server;
        Assert.That(trace.Dispose, Throws.Nothing, "nothing lost yet");

        var error = Assert.ThrowsAsync<IOException>(async () => await session.GetAsync());
        var disposal = Assert.ThrowsAsync<IOException>(async () => await session.DisposeAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain(path).And.Contain("incomplete"));
            Assert.That(disposal!.Message, Does.Contain(path));
            Assert.That(await server.TryReceiveAsync(), Is.Null, "neither the get nor a close-session went out unrecorded");
            Assert.That(session.IsOpen, Is.False, "disposal closed the transport all the same");
        }
    }

    [Test]
    public async Task Secrets_must_never_reach_the_trace()
    {
        string path = Path.Combine(_folder, "secrets.trace");
        XNamespace users = "urn:o-ran:user-mgmt:1.0";
        XElement received;
        string peer;
        await using (var trace = NetconfTrace.Create(path))
        {
            var (session, server) = await ConnectAsync(Options with { Trace = trace },
                [Base10, Base11, "urn:ietf:params:netconf:capability:writable-running:1.0"], peer: "ncadmin:secret-pw@127.0.0.1:830");
            await using var _ = server;
            await using var __ = session;
            peer = session.Peer;
            var edit = session.EditConfigAsync(NetconfDatastore.Running,
                new XElement(users + "users", new XElement(users + "user", new XElement(users + "name", "operator"),
                    new XElement(users + "password", "hunter2"), new XElement(users + "enabled", "true"))));
            (var id, received) = await server.ReceiveRpcAsync();
            await server.ReplyAsync(id);
            await edit.WaitAsync(Patience);
        }

        string text = await File.ReadAllTextAsync(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Descendants(users + "password").Single().Value, Is.EqualTo("hunter2"), "the server gets the real value");
            Assert.That(text, Does.Not.Contain("hunter2"));
            Assert.That(text, Does.Not.Contain("secret-pw"));
            Assert.That(text, Does.Contain(">> rpc message-id=1 operation=edit-config bytes=").And.Contain(" redacted\n"));
            Assert.That(text, Does.Contain("<password>***</password>").And.Contain("<name>operator</name>"));
            Assert.That(peer, Is.EqualTo("ncadmin:***@127.0.0.1:830"));
        }
    }
}
