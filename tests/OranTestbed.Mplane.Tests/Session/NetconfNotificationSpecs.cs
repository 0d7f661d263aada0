using System.Xml.Linq;
using OranTestbed.Mplane.Session;
using static OranTestbed.Mplane.Tests.Session.ScriptedNetconfServer;

namespace OranTestbed.Mplane.Tests.Session;

/// <summary>RFC 5277 notifications: routed apart from replies, parsed, and never able to stall the replies behind them.</summary>
public sealed class NetconfNotificationSpecs
{
    private static readonly XNamespace Supervision = "urn:o-ran:supervision:1.0";

    [Test]
    public async Task Session_must_route_notifications_apart_from_replies()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Supervision + "supervision-watchdog-reset"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();

        await server.NotifyAsync($"<supervision-notification xmlns=\"{Supervision.NamespaceName}\"><session-id>42</session-id></supervision-notification>");
        await server.ReplyAsync(id, $"<next-update-at xmlns=\"{Supervision.NamespaceName}\">2026-12-07T18:01:00Z</next-update-at>");
        var reply = await call.WaitAsync(Patience);
        var notification = await session.Notifications.ReadAsync().AsTask().WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(Supervision + "next-update-at")!.Value, Is.EqualTo("2026-12-07T18:01:00Z"));
            Assert.That(notification.Name, Is.EqualTo(Supervision + "supervision-notification"));
            Assert.That(notification.Content.Element(Supervision + "session-id")!.Value, Is.EqualTo("42"));
            Assert.That(notification.Content.Parent, Is.Null, "the event element stands alone");
            Assert.That(notification.EventTime, Is.EqualTo(new DateTimeOffset(2026, 12, 7, 18, 0, 0, 500, TimeSpan.FromHours(1))));
            Assert.That(notification.EventTime.Offset, Is.EqualTo(TimeSpan.FromHours(1)), "the server's offset is kept");
            Assert.That(session.Notifications.TryRead(out var extra), Is.False, extra?.ToString());
        }
    }

    [Test]
    public async Task A_notification_flood_must_not_block_replies_and_must_drop_the_oldest()
    {
        const int flood = 5000;
        const int capacity = 8;
        var (session, server) = await ConnectAsync(Options with { NotificationCapacity = capacity });
        await using var _ = server;
        await using var __ = session;
        var call = session.RpcAsync(new XElement(Nc + "get"), CancellationToken.None);
        var (id, _) = await server.ReceiveRpcAsync();

        for (int i = 0; i < flood; i++)
        {
            await server.NotifyAsync($"<tick xmlns=\"urn:example:flood\">{i}</tick>");
        }

        await server.ReplyAsync(id);
        await call.WaitAsync(Patience);
        var held = new List<int>();
        while (session.Notifications.TryRead(out var notification))
        {
            held.Add(int.Parse(notification.Content.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(held, Is.EqualTo(Enumerable.Range(flood - capacity, capacity)), "the newest are kept");
            Assert.That(session.DroppedNotifications, Is.EqualTo(flood - capacity));
        }
    }

    [Test]
    public async Task A_notification_without_event_time_must_be_ignored_not_fatal()
    {
        var (session, server) = await ConnectAsync();
        await using var _ = server;
        await using var __ = session;

        await server.SendAsync("<notification xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><tick xmlns=\"urn:example:flood\"/></notification>");
        await server.NotifyAsync("<tick xmlns=\"urn:example:flood\">good</tick>", "2026-12-07T18:00:00Z");
        var notification = await session.Notifications.ReadAsync().AsTask().WaitAsync(Patience);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notification.Content.Value, Is.EqualTo("good"));
            Assert.That(notification.EventTime, Is.EqualTo(new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero)));
            Assert.That(session.IsOpen, Is.True);
        }
    }

    [Test]
    public async Task A_failed_session_must_end_the_notifications_with_its_reason()
    {
        var (session, server) = await ConnectAsync();
        await using var __ = session;

        await server.DisposeAsync();

        Assert.That(async () => await session.Notifications.Completion.WaitAsync(Patience),
            Throws.InstanceOf<NetconfSessionClosedException>().With.Message.Contains("the peer closed the connection"));
    }
}
