using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>Logs say what happened to which peer, never what the messages held (the trace file is the place for that).</summary>
public sealed class NetconfLoggingSpecs
{
    [Test]
    public async Task Logs_must_never_carry_message_bodies_at_any_level()
    {
        using var logs = new CapturingLoggerFactory();
        var (session, server) = await ConnectAsync(Options with { LoggerFactory = logs });
        await using (server)
        {
            XNamespace probe = "urn:example:probe";
            var call = session.RpcAsync(new XElement(probe + "set", "REQUEST-BODY-MARKER"), CancellationToken.None);
            var (id, _) = await server.ReceiveRpcAsync();
            await server.NotifyAsync("<tick xmlns=\"urn:example:flood\">NOTIFICATION-BODY-MARKER</tick>");
            await server.ReplyAsync(id, "<data><x xmlns=\"urn:example:probe\">REPLY-BODY-MARKER</x></data>");
            await call.WaitAsync(Patience);
            await session.Notifications.ReadAsync().AsTask().WaitAsync(Patience);
            var close = session.CloseAsync();
            var (closeId, _) = await server.ReceiveRpcAsync();
            await server.ReplyAsync(closeId);
            await close.WaitAsync(Patience);
        }

        var entries = logs.Entries.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => e.Message), Has.None.Contains("MARKER"));
            Assert.That(entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.EventName),
                Is.EqualTo((string[])["NetconfSessionOpened", "NetconfSessionClosed"]));
            Assert.That(entries.Select(e => e.EventName), Does.Contain("NetconfRpcSent").And.Contain("NetconfNotificationReceived"),
                "per-message events exist, at Trace level");
        }
    }
}
