using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>
/// NETCONF supervision (CONF 3.1.3.1/.2; O-RAN.WG4.MP.0 ch. 14): notifications every interval, next-update-at from each
/// watchdog reset, and the supervision failure when resets stop. Fake time: 30 rounds take no wall-clock time.
/// </summary>
[TestFixture]
public sealed class MplaneSupervisionSpecs
{
    private static readonly XNamespace Sup = "urn:o-ran:supervision:1.0";

    private static string Reset(int interval, int guard) =>
        $"<supervision-watchdog-reset xmlns=\"{Sup.NamespaceName}\"><supervision-notification-interval>{interval}"
        + $"</supervision-notification-interval><guard-timer-overhead>{guard}</guard-timer-overhead></supervision-watchdog-reset>";

    [Test]
    public async Task Emulator_must_keep_supervision_for_30_rounds_while_the_client_resets_in_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(Subscribe);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        while (await client.NextNotificationAsync(TimeSpan.FromMilliseconds(200)) is not null)
        {
            // config-change and carrier states of the commit
        }

        var nextUpdates = new List<DateTimeOffset>();
        var notificationTimes = new List<DateTimeOffset>();
        for (int round = 0; round < 30; round++)
        {
            var reply = await client.RpcAsync(Reset(20, 5));
            nextUpdates.Add(DateTimeOffset.Parse(reply.Element(Sup + "next-update-at")!.Value, CultureInfo.InvariantCulture));
            time.Advance(TimeSpan.FromSeconds(20));
            var envelope = await client.NextEnvelopeAsync();
            Assert.That(envelope?.Elements().ElementAt(1).Name, Is.EqualTo(Sup + "supervision-notification"), $"round {round}");
            notificationTimes.Add(DateTimeOffset.Parse(envelope!.Element(Notif + "eventTime")!.Value, CultureInfo.InvariantCulture));
            time.Advance(TimeSpan.FromSeconds(2)); // the O-DU answers within the guard time
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notificationTimes, Is.EqualTo(nextUpdates), "each notification comes at the announced next-update-at");
            Assert.That(nextUpdates[1] - nextUpdates[0], Is.EqualTo(TimeSpan.FromSeconds(22)));
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Ready));
            Assert.That(client.Serving.IsCompleted, Is.False);
        }
    }

    [Test]
    public async Task Emulator_must_use_60_and_10_seconds_when_the_reset_gives_no_values()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync($"<supervision-watchdog-reset xmlns=\"{Sup.NamespaceName}\"/>");
        var next = DateTimeOffset.Parse(reply.Element(Sup + "next-update-at")!.Value, CultureInfo.InvariantCulture);
        time.Advance(TimeSpan.FromSeconds(69));
        bool endedBeforeGuard = client.Serving.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(next - time.Start, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(endedBeforeGuard, Is.False);
            Assert.That(await client.EndedAsync(), Is.True, "60 s + 10 s without a reset");
        }
    }

    [Test]
    public async Task Emulator_must_disable_carriers_and_end_the_session_when_the_reset_is_missed()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(Subscribe);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        await client.RpcAsync(Reset(10, 3));
        time.Advance(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(3));
        var received = new List<XElement>();
        while (await client.NextNotificationAsync(TimeSpan.FromSeconds(2)) is { } notification)
        {
            received.Add(notification);
        }

        var result = await client.Serving.WaitAsync(TimeSpan.FromSeconds(10));
        var tail = received.TakeLast(3).Select(n => (n.Name.LocalName, n.Descendants().FirstOrDefault(d => d.Name.LocalName == "state")?.Value))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tail, Is.EqualTo(new List<(string, string?)>
            {
                ("supervision-notification", null),
                ("tx-array-carriers-state-change", "DISABLED"),
                ("rx-array-carriers-state-change", "DISABLED"),
            }));
            Assert.That(result.End, Is.EqualTo(SessionEnd.SupervisionFailure));
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Disabled));
        }

        await using var next = await NetconfTestClient.ConnectAsync(server);
        var active = (await next.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>"))
            .Descendants(XName.Get("active", Up)).Select(a => a.Value);
        Assert.That(active, Is.All.EqualTo("INACTIVE"), "the deactivation is in running for the next O-DU session");
    }

    [Test]
    public async Task Emulator_must_refuse_a_zero_supervision_interval()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync(Reset(0, 10));
        Assert.That(MplaneSessionSpecs.ErrorTag(reply), Is.EqualTo("invalid-value"));
    }
}
