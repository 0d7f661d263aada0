using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>Subscriptions (CONF 3.1.2.1), sync state changes and measurement-result-stats.</summary>
[TestFixture]
public sealed class MplaneNotificationSpecs
{
    private static readonly XNamespace PmNs = Pm;

    [Test]
    public async Task Emulator_must_send_no_notification_before_create_subscription()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        server.SetSyncState("HOLDOVER");
        var subscribe = await client.RpcAsync(Subscribe);
        var again = await client.RpcAsync(Subscribe);
        server.SetSyncState("LOCKED");
        var first = await client.NextNotificationAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subscribe.Element(Nc + "ok"), Is.Not.Null);
            Assert.That(MplaneSessionSpecs.ErrorTag(again), Is.EqualTo("in-use"));
            Assert.That(first?.Name, Is.EqualTo(XName.Get("synchronization-state-change", "urn:o-ran:sync:1.0")));
            Assert.That(first?.Value, Is.EqualTo("LOCKED"));
        }
    }

    [Test]
    public async Task Emulator_must_send_only_what_the_subscription_filter_selects()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><filter type=\"subtree\">"
            + $"<tx-array-carriers-state-change xmlns=\"{Up}\"/></filter></create-subscription>");
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        var first = await client.NextNotificationAsync();
        var second = await client.NextNotificationAsync(TimeSpan.FromMilliseconds(300));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first?.Name.LocalName, Is.EqualTo("tx-array-carriers-state-change"));
            Assert.That(second, Is.Null, "neither config-change nor the rx carrier passes the filter");
        }
    }

    [Test]
    public async Task Emulator_must_refuse_an_unknown_stream_and_replay()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var stream = await client.RpcAsync("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\">"
            + "<stream>SYSLOG</stream></create-subscription>");
        var replay = await client.RpcAsync("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\">"
            + "<startTime>2026-01-01T00:00:00Z</startTime></create-subscription>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MplaneSessionSpecs.ErrorTag(stream), Is.EqualTo("invalid-value"));
            Assert.That(MplaneSessionSpecs.ErrorTag(replay), Is.EqualTo("operation-not-supported"));
        }
    }

    [Test]
    public async Task Emulator_must_report_nominal_rx_window_counts_every_notification_interval()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([0, 1])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        await client.RpcAsync(EditCandidate(Measurements(10, "RX_ON_TIME", "RX_LATE", "RX_TOTAL")));
        await client.RpcAsync(Commit);
        await client.RpcAsync(Subscribe);
        time.Advance(TimeSpan.FromSeconds(10));
        var stats = await client.NextNotificationAsync();
        var counts = Counts(stats);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stats?.Name, Is.EqualTo(PmNs + "measurement-result-stats"));
            Assert.That(counts["RX_ON_TIME"], Is.EqualTo(2 * 10 * 28_000), "2 eAxCs × 10 s × 28 000 symbols");
            Assert.That(counts["RX_LATE"], Is.Zero);
            Assert.That(counts["RX_TOTAL"], Is.EqualTo(2 * 10 * 30_000));
            Assert.That(stats!.Descendants(PmNs + "name").First().Value, Is.EqualTo("ru-module"));
        }
    }

    [Test]
    public async Task Emulator_must_report_the_fed_reception_counters_per_interval()
    {
        var time = new FakeTimeProvider();
        var cumulative = new RxWindowCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
        using var server = OruHarness.Server(time, feed: () => cumulative);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(Measurements(5, "RX_EARLY", "RX_LATE")));
        await client.RpcAsync(Commit);
        await client.RpcAsync(Subscribe);
        cumulative = cumulative with { Early = 3, Late = 40, Total = 43 };
        time.Advance(TimeSpan.FromSeconds(5));
        var first = Counts(await client.NextNotificationAsync());
        cumulative = cumulative with { Early = 4, Late = 50 };
        time.Advance(TimeSpan.FromSeconds(5));
        var second = Counts(await client.NextNotificationAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new Dictionary<string, long> { ["RX_EARLY"] = 3, ["RX_LATE"] = 40 }));
            Assert.That(second, Is.EqualTo(new Dictionary<string, long> { ["RX_EARLY"] = 1, ["RX_LATE"] = 10 }));
        }
    }

    internal static Dictionary<string, long> Counts(XElement? stats) =>
        stats?.Elements(PmNs + "rx-window-stats").ToDictionary(s => s.Element(PmNs + "measurement-object")!.Value,
            s => long.Parse(s.Element(PmNs + "count")!.Value, System.Globalization.CultureInfo.InvariantCulture)) ?? [];
}
