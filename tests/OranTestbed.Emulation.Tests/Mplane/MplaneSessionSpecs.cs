using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>The emulated O-RU's NETCONF session: hello, framing, rpc-reply rules and protocol errors (RFC 6241/6242).</summary>
[TestFixture]
public sealed class MplaneSessionSpecs
{
    [Test]
    public async Task Emulator_must_send_a_hello_with_session_id_protocol_and_module_revisions()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.SessionId, Is.GreaterThan(0u));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:base:1.0"));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:base:1.1"));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:capability:candidate:1.0"));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:capability:validate:1.1"));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:capability:notification:1.0"));
            Assert.That(client.Capabilities, Does.Contain("urn:ietf:params:netconf:capability:interleave:1.0"));
            Assert.That(client.Capabilities, Does.Contain("urn:o-ran:uplane-conf:1.0?module=o-ran-uplane-conf&revision=2024-12-23"));
            Assert.That(client.Capabilities, Does.Contain("urn:o-ran:supervision:1.0?module=o-ran-supervision&revision=2022-12-05"));
            Assert.That(client.Capabilities, Does.Contain("urn:o-ran:delay:1.0?module=o-ran-delay-management&revision=2024-08-12"));
            Assert.That(client.Capabilities, Does.Contain(
                "urn:ietf:params:xml:ns:yang:ietf-hardware?module=ietf-hardware&revision=2018-03-13"));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Emulator_must_answer_in_the_framing_both_hellos_agree_on(bool base11)
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server, base11);
        var reply = await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>");
        Assert.That(reply.Element(Nc + "data"), Is.Not.Null, reply.ToString());
    }

    [Test]
    public async Task Emulator_must_echo_every_rpc_attribute_in_its_reply()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.SendRawAsync($"<rpc xmlns=\"{Nc.NamespaceName}\" xmlns:ex=\"urn:example\" message-id=\"abc-7\" ex:user-id=\"fred\">"
            + "<get-config><source><running/></source></get-config></rpc>");
        var reply = await client.ReplyAsync("abc-7");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Name, Is.EqualTo(Nc + "rpc-reply"));
            Assert.That(reply.Attribute("message-id")?.Value, Is.EqualTo("abc-7"));
            Assert.That(reply.Attribute(XName.Get("user-id", "urn:example"))?.Value, Is.EqualTo("fred"));
        }
    }

    [Test]
    public async Task Emulator_must_answer_xml_it_cannot_parse_with_malformed_message_and_go_on()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.SendRawAsync("<rpc message-id=\"1\" <oops");
        var error = await client.ReceiveAsync();
        var next = await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorTag(error!), Is.EqualTo("malformed-message"));
            Assert.That(error!.Descendants(Nc + "error-type").Single().Value, Is.EqualTo("rpc"));
            Assert.That(next.Element(Nc + "data"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Emulator_must_refuse_a_doctype_instead_of_expanding_it()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.SendRawAsync("<!DOCTYPE rpc [<!ENTITY x \"boom\">]><rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" "
            + "message-id=\"1\"><get/></rpc>");
        var error = await client.ReceiveAsync();
        Assert.That(ErrorTag(error!), Is.EqualTo("malformed-message"));
    }

    [TestCase("<nc:copy-config><nc:target><nc:running/></nc:target><nc:source><nc:candidate/></nc:source></nc:copy-config>",
        "operation-not-supported", "protocol")]
    [TestCase("<reset xmlns=\"urn:o-ran:operations:1.0\"/>", "operation-not-supported", "protocol")]
    [TestCase("<nc:get-config/>", "missing-element", "protocol")]
    [TestCase("<nc:get-config><nc:source><nc:startup/></nc:source></nc:get-config>", "invalid-value", "application")]
    [TestCase("<nc:get><nc:filter type=\"xpath\" select=\"/x\"/></nc:get>", "operation-not-supported", "protocol")]
    [TestCase("<nc:kill-session><nc:session-id>999</nc:session-id></nc:kill-session>", "invalid-value", "application")]
    public async Task Emulator_must_refuse_a_bad_rpc_with_a_typed_rpc_error(string operation, string tag, string type)
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync(operation);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorTag(reply), Is.EqualTo(tag), reply.ToString());
            Assert.That(reply.Descendants(Nc + "error-type").Single().Value, Is.EqualTo(type));
            Assert.That(reply.Descendants(Nc + "error-severity").Single().Value, Is.EqualTo("error"));
            Assert.That(reply.Descendants(Nc + "error-message").Single().Value, Is.Not.Empty);
        }
    }

    [Test]
    public async Task Emulator_must_answer_an_rpc_without_message_id_with_missing_attribute()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.SendRawAsync($"<rpc xmlns=\"{Nc.NamespaceName}\"><get/></rpc>");
        var reply = await client.ReceiveAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorTag(reply!), Is.EqualTo("missing-attribute"));
            Assert.That(reply!.Descendants(Nc + "bad-attribute").Single().Value, Is.EqualTo("message-id"));
        }
    }

    [Test]
    public async Task Emulator_must_end_the_session_on_close_session_after_replying_ok()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync("<nc:close-session/>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(Nc + "ok"), Is.Not.Null);
            Assert.That(await client.EndedAsync(), Is.True);
            Assert.That((await client.Serving).End, Is.EqualTo(SessionEnd.Closed));
        }
    }

    [Test]
    public async Task Emulator_must_end_a_session_whose_hello_is_not_netconf_as_a_protocol_error()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        var (clientEnd, serverEnd) = OranTestbed.Mplane.Transport.PipeTransport.CreatePair();
        var serving = server.ServeAsync(serverEnd);
        await clientEnd.Output.WriteAsync("<greeting/>]]>]]>"u8.ToArray());
        var result = await serving.WaitAsync(TimeSpan.FromSeconds(10));
        await clientEnd.DisposeAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.End, Is.EqualTo(SessionEnd.ProtocolError));
            Assert.That(result.Detail, Does.Contain("greeting"));
        }
    }

    [Test]
    public async Task Emulator_must_let_one_session_kill_another_and_release_its_locks()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var first = await NetconfTestClient.ConnectAsync(server);
        await using var second = await NetconfTestClient.ConnectAsync(server);
        await first.RpcAsync("<nc:lock><nc:target><nc:running/></nc:target></nc:lock>");
        var kill = await second.RpcAsync($"<nc:kill-session><nc:session-id>{first.SessionId}</nc:session-id></nc:kill-session>");
        var lockAfter = await second.RpcAsync("<nc:lock><nc:target><nc:running/></nc:target></nc:lock>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kill.Element(Nc + "ok"), Is.Not.Null, kill.ToString());
            Assert.That(await first.EndedAsync(), Is.True);
            Assert.That((await first.Serving).End, Is.EqualTo(SessionEnd.Killed));
            Assert.That(lockAfter.Element(Nc + "ok"), Is.Not.Null, lockAfter.ToString());
        }
    }

    internal static string? ErrorTag(XElement reply) => reply.Descendants(Nc + "error-tag").FirstOrDefault()?.Value;
}
