using System.Xml.Linq;
using OranTestbed.Mplane.Framing;
using OranTestbed.Mplane.Session;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>RPCs: correlation by message-id, typed rpc-errors, timeouts, and what a broken peer or connection does to them.</summary>
public sealed class NetconfRpcSpecs
{
    private static readonly XNamespace Probe = "urn:example:probe";

    [Test]
    public async Task Replies_must_be_matched_by_message_id_whatever_their_order()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var calls = Enumerable.Range(0, 3)
            .Select(i => session.RpcAsync(new XElement(Probe + "ask", i), CancellationToken.None))
            .ToArray();
        var received = new List<(string Id, XElement Operation)>();
        for (int i = 0; i < 3; i++)
        {
            received.Add(await server.ReceiveRpcAsync());
        }

        foreach (var (id, operation) in Enumerable.Reverse(received))
        {
            await server.ReplyAsync(id, $"<answer xmlns=\"{Probe.NamespaceName}\">{operation.Value}</answer>");
        }

        var replies = await Task.WhenAll(calls).WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Select(r => r.Id), Is.Unique);
            Assert.That(replies.Select(r => r.Element(Probe + "answer")!.Value), Is.EqualTo((string[])["0", "1", "2"]));
            Assert.That(session.Outstanding, Is.Zero);
        }
    }

    [Test]
    public async Task Prefixed_replies_must_be_understood()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();
        await server.SendAsync($"<nc:rpc-reply xmlns:nc=\"{Nc.NamespaceName}\" nc:message-id=\"{id}\"><nc:data><x:sync xmlns:x=\"urn:o-ran:sync:1.0\"/></nc:data></nc:rpc-reply>");

        var reply = await call.WaitAsync(Patience);

        Assert.That(reply.Element(Nc + "data")!.Element(XName.Get("sync", "urn:o-ran:sync:1.0")), Is.Not.Null);
    }

    [Test]
    public async Task An_rpc_error_must_be_thrown_typed()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "edit-config"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id, """
            <rpc-error><error-type>application</error-type><error-tag>invalid-value</error-tag>
              <error-severity>error</error-severity><error-app-tag>range-violation</error-app-tag>
              <error-path xmlns:if="urn:ietf:params:xml:ns:yang:ietf-interfaces">/if:interfaces/if:interface[if:name='eth0']/o-ran-int:vlan-id</error-path>
              <error-message xml:lang="en">value not in range</error-message>
              <error-info><bad-element>vlan-id</bad-element></error-info></rpc-error>
            <rpc-error><error-type>protocol</error-type><error-tag>operation-failed</error-tag><error-severity>warning</error-severity></rpc-error>
            """);

        var error = Assert.ThrowsAsync<NetconfRpcException>(async () => await call.WaitAsync(Patience))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Errors, Has.Length.EqualTo(2));
            var first = error.Errors[0];
            Assert.That(first.Type, Is.EqualTo("application"));
            Assert.That(first.Tag, Is.EqualTo("invalid-value"));
            Assert.That(first.Severity, Is.EqualTo(NetconfErrorSeverity.Error));
            Assert.That(first.AppTag, Is.EqualTo("range-violation"));
            Assert.That(first.Path, Is.EqualTo("/if:interfaces/if:interface[if:name='eth0']/o-ran-int:vlan-id"));
            Assert.That(first.Message, Is.EqualTo("value not in range"));
            Assert.That(first.InfoValue(Nc + "bad-element"), Is.EqualTo("vlan-id"));
            Assert.That(error.Errors[1].Severity, Is.EqualTo(NetconfErrorSeverity.Warning));
            Assert.That(error.Operation, Is.EqualTo("edit-config"));
            Assert.That(error.Message, Does.Contain("o-ru-1").And.Contain("<edit-config>").And.Contain("invalid-value").And.Contain("value not in range"));
            Assert.That(session.IsOpen, Is.True, "an rpc-error is an answer, not a broken session");
        }
    }

    [Test]
    public async Task Warnings_alone_must_not_throw()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "commit"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id, "<rpc-error><error-type>application</error-type><error-tag>operation-failed</error-tag>"
            + "<error-severity>warning</error-severity><error-message>deprecated leaf</error-message></rpc-error><ok/>");

        var reply = await call.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(Nc + "ok"), Is.Not.Null);
            Assert.That(NetconfRpcError.FromReply(reply).Single().Message, Is.EqualTo("deprecated leaf"));
        }
    }

    [Test]
    public async Task A_timed_out_rpc_must_fail_and_its_late_reply_be_dropped()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var slow = session.RpcAsync(new XElement(Probe + "slow"), CancellationToken.None, TimeSpan.FromMilliseconds(200));
        var (slowId, _) = await server.ReceiveRpcAsync();

        var timeout = Assert.ThrowsAsync<NetconfTimeoutException>(async () => await slow.WaitAsync(Patience))!;
        var next = session.RpcAsync(new XElement(Probe + "next"), CancellationToken.None);
        var (nextId, _) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(slowId, $"<answer xmlns=\"{Probe.NamespaceName}\">late</answer>");
        await server.ReplyAsync(nextId, $"<answer xmlns=\"{Probe.NamespaceName}\">next</answer>");
        var reply = await next.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeout.Message, Does.Contain("o-ru-1").And.Contain("<slow>").And.Contain("0.2 s"));
            Assert.That(timeout.Operation, Is.EqualTo("slow"));
            Assert.That(timeout, Is.InstanceOf<TimeoutException>());
            Assert.That(reply.Element(Probe + "answer")!.Value, Is.EqualTo("next"), "the late reply is not taken for another");
            Assert.That(session.IsOpen, Is.True);
        }
    }

    [Test]
    public async Task A_cancelled_rpc_must_leave_the_session_usable()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        using var cancel = new CancellationTokenSource();
        var abandoned = session.RpcAsync(new XElement(Probe + "abandoned"), cancel.Token);
        var (abandonedId, _) = await server.ReceiveRpcAsync();

        await cancel.CancelAsync();
        Assert.That(async () => await abandoned.WaitAsync(Patience), Throws.InstanceOf<OperationCanceledException>());
        await server.ReplyAsync(abandonedId);
        var next = session.RpcAsync(new XElement(Probe + "next"), CancellationToken.None);
        var (nextId, _) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(nextId, $"<answer xmlns=\"{Probe.NamespaceName}\">next</answer>");

        Assert.That((await next.WaitAsync(Patience)).Element(Probe + "answer")!.Value, Is.EqualTo("next"));
    }

    [Test]
    public async Task An_rpc_timing_out_while_sending_must_still_put_a_whole_message_on_the_wire()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        string big = new('x', 512 * 1024); // beyond what the pipe buffers while the server is not reading
        var blocked = session.RpcAsync(new XElement(Probe + "big", big), CancellationToken.None, TimeSpan.FromMilliseconds(200));

        Assert.That(async () => await blocked.WaitAsync(Patience), Throws.InstanceOf<NetconfTimeoutException>());
        var next = session.RpcAsync(new XElement(Probe + "next"), CancellationToken.None);
        var (bigId, bigOperation) = await server.ReceiveRpcAsync();
        var (nextId, _) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(nextId);
        await next.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bigId, bigOperation.Value.Length), Is.EqualTo(("1", big.Length)), "the slow message arrived whole");
            Assert.That(nextId, Is.EqualTo("2"));
            Assert.That(session.IsOpen, Is.True);
        }
    }

    [Test]
    public async Task A_dropped_connection_must_fail_every_outstanding_rpc()
    {
        var (session, server) = await ConnectAsync();
        await using var __ = session;
        var get = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var getConfig = session.RpcAsync(new XElement(Nc + "get-config"), CancellationToken.None);
        await server.ReceiveRpcAsync();
        await server.ReceiveRpcAsync();

        await server.DisposeAsync();

        var first = Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await get.WaitAsync(Patience))!;
        var second = Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await getConfig.WaitAsync(Patience))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Message, Does.Contain("o-ru-1").And.Contain("the peer closed the connection"));
            Assert.That(first.Outstanding, Is.EqualTo((string[])["rpc 1 (get)", "rpc 2 (get-config)"]));
            Assert.That(second.Message, Does.Contain("unanswered: rpc 1 (get), rpc 2 (get-config)"));
            Assert.That(session.IsOpen, Is.False);
            Assert.That(async () => await session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None),
                Throws.InstanceOf<NetconfSessionClosedException>(), "a closed session refuses at once");
        }
    }

    [Test]
    public async Task Framing_garbage_must_close_the_session()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        await server.ReceiveRpcAsync();

        await server.SendRawAsync("\n#12x\n<rpc-reply/>");

        var error = Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await call.WaitAsync(Patience))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Framing, Is.EqualTo(NetconfFraming.Chunked));
            Assert.That(error.InnerException, Is.InstanceOf<NetconfFramingException>());
            Assert.That(error.Message, Does.Contain("RFC 6242 framing").And.Contain("rpc 1 (get)"));
            Assert.That(await server.TryReceiveAsync(), Is.Null, "RFC 6242 §4.2: the client closed the connection");
        }
    }

    [Test]
    public async Task A_message_with_a_dtd_must_close_the_session()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();

        await server.SendAsync($"<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rpc-reply xmlns=\"{Nc.NamespaceName}\" message-id=\"{id}\"><data>&x;</data></rpc-reply>");

        var error = Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await call.WaitAsync(Patience))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.InnerException, Is.InstanceOf<NetconfProtocolException>());
            Assert.That(error.InnerException!.Message, Does.Contain("DTD"));
            Assert.That(session.IsOpen, Is.False);
        }
    }

    [Test]
    public async Task A_message_past_the_document_bound_must_close_the_session()
    {
        var (session, server) = await ConnectAsync(Options with { MaxCharactersInDocument = 1000 });
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();

        await server.ReplyAsync(id, $"<data>{new string('x', 2000)}</data>");

        var error = Assert.ThrowsAsync<NetconfSessionClosedException>(async () => await call.WaitAsync(Patience))!;
        Assert.That(error.InnerException, Is.InstanceOf<NetconfProtocolException>());
    }

    [Test]
    public async Task Close_must_send_close_session_then_close_the_transport()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        var close = session.CloseAsync();
        var (id, operation) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id);

        await close.WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.Name, Is.EqualTo(Nc + "close-session"));
            Assert.That(await server.TryReceiveAsync(), Is.Null, "the transport is closed");
            Assert.That(session.IsOpen, Is.False);
            Assert.That(session.Notifications.Completion.IsCompletedSuccessfully, Is.True, "a clean close ends notifications without error");
        }
    }

    [Test]
    public async Task Kill_session_must_name_the_other_session()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var kill = session.KillSessionAsync(7);
        var (id, operation) = await server.ReceiveRpcAsync();
        await server.ReplyAsync(id);
        await kill.WaitAsync(Patience);

        Assert.That(XNode.DeepEquals(operation, new XElement(Nc + "kill-session", new XElement(Nc + "session-id", "7"))), Is.True, operation.ToString());
    }
}
