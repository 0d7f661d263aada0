using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Plans.Personalities;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>Each M-plane defect a personality declares shows on the wire, where a clean O-RU behaves.</summary>
[TestFixture]
public sealed class MplaneDefectSpecs
{
    [Test]
    public async Task Emulator_with_mplane_wrong_revision_must_advertise_the_older_uplane_conf()
    {
        using var server = OruHarness.Server(new FakeTimeProvider(), new MplaneDefects { WrongUplaneConfRevision = "2022-08-15" });
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var uplane = client.Capabilities.Where(c => c.StartsWith("urn:o-ran:uplane-conf:1.0?", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(uplane, Is.EqualTo((string[])["urn:o-ran:uplane-conf:1.0?module=o-ran-uplane-conf&revision=2022-08-15"]));
            Assert.That(client.Capabilities, Does.Contain("urn:o-ran:supervision:1.0?module=o-ran-supervision&revision=2022-12-05"));
        }
    }

    [Test]
    public async Task Emulator_with_mplane_slow_commit_must_answer_the_commit_only_after_the_delay()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time, new MplaneDefects { SlowCommit = TimeSpan.FromSeconds(8) });
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        string id = await client.SendRpcAsync(Commit);
        var early = await client.ReceiveAsync(TimeSpan.FromMilliseconds(300));
        time.Advance(TimeSpan.FromSeconds(7));
        var stillEarly = await client.ReceiveAsync(TimeSpan.FromMilliseconds(300));
        time.Advance(TimeSpan.FromSeconds(1));
        var reply = await client.ReplyAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(early, Is.Null);
            Assert.That(stillEarly, Is.Null);
            Assert.That(reply.Element(Nc + "ok"), Is.Not.Null, reply.ToString());
        }
    }

    [Test]
    public async Task Emulator_with_mplane_late_ready_must_keep_carriers_busy_past_the_clean_delay()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time, new MplaneDefects { LateReady = TimeSpan.FromSeconds(30) });
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        var afterCleanDelay = server.StateOf(new CarrierKey(true, "txcc0"));
        time.Advance(TimeSpan.FromSeconds(30) - MplaneServerOptions.DefaultReadyDelay);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterCleanDelay, Is.EqualTo(CarrierState.Busy));
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Ready));
        }
    }

    [Test]
    public async Task Emulator_with_mplane_watchdog_ignored_must_keep_carriers_and_session_after_a_missed_reset()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time, new MplaneDefects { WatchdogIgnored = true });
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        await client.RpcAsync("<supervision-watchdog-reset xmlns=\"urn:o-ran:supervision:1.0\"><supervision-notification-interval>10"
            + "</supervision-notification-interval><guard-timer-overhead>2</guard-timer-overhead></supervision-watchdog-reset>");
        time.Advance(TimeSpan.FromSeconds(60));
        var reply = await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(Nc + "data"), Is.Not.Null, "the session is still served");
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Ready));
        }
    }

    [Test]
    public async Task Emulator_with_mplane_wrong_counters_must_under_report_rx_late()
    {
        var time = new FakeTimeProvider();
        var fed = new RxWindowCounts(OnTime: 900, Early: 0, Late: 100, OnTimeC: 0, EarlyC: 0, LateC: 10, Corrupt: 0, Duplicated: 0, Total: 1010);
        using var server = OruHarness.Server(time, new MplaneDefects { RxLateReportedFraction = 0.25 }, feed: () => fed);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        fed = default;
        await client.RpcAsync(EditCandidate(Measurements(10, "RX_ON_TIME", "RX_LATE", "RX_LATE_C", "RX_TOTAL")));
        await client.RpcAsync(Commit);
        await client.RpcAsync(Subscribe);
        fed = new RxWindowCounts(OnTime: 900, Early: 0, Late: 100, OnTimeC: 0, EarlyC: 0, LateC: 10, Corrupt: 0, Duplicated: 0, Total: 1010);
        time.Advance(TimeSpan.FromSeconds(10));
        var counts = MplaneNotificationSpecs.Counts(await client.NextNotificationAsync());
        Assert.That(counts, Is.EqualTo(new Dictionary<string, long>
        {
            ["RX_ON_TIME"] = 900, ["RX_LATE"] = 25, ["RX_LATE_C"] = 2, ["RX_TOTAL"] = 1010,
        }));
    }
}
