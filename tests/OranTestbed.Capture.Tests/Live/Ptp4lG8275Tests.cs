using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using OranTestbed.Capture.Live;
using OranTestbed.Capture.Tests.Live.Support;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.TestSupport.Live;

namespace OranTestbed.Capture.Tests.Live;

/// <summary>
/// Real ptp4l (Debian linuxptp) as G.8275.1 grandmaster in namespace A and slave-only clock in namespace B over the
/// veth pair, L2 transport, software timestamps; captured live on A's end and decoded with <see cref="FrameDecoder"/>.
/// </summary>
/// <remarks>
/// The configuration is linuxptp's shipped G.8275.1 example (/usr/share/doc/linuxptp/configs/G.8275.1.cfg: G.8275.x
/// dataset comparison, logAnnounceInterval -3, logSyncInterval -4, logMinDelayReqInterval -4, L2 to
/// 01-80-C2-00-00-0E) plus domainNumber 24 (G.8275.1 default domain), two-step, and per-instance UDS sockets. The
/// slave runs with free_running 1: both ends share this host's CLOCK_REALTIME, which a test must never steer.
/// </remarks>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed partial class Ptp4lG8275Tests
{
    private const string Pmc = "/usr/sbin/pmc";
    private static readonly byte[] NonForwardableMulticast = [0x01, 0x80, 0xC2, 0x00, 0x00, 0x0E];

    [Test]
    public async Task Ptp4l_G8275_1_master_and_slave_over_veth_must_show_the_profile_on_the_wire()
    {
        if (!File.Exists(Pmc))
        {
            Assert.Fail("pmc missing: install linuxptp (tools/setup/install-system-packages.sh does)");
        }

        using var link = VethLink.Create();
        await using var source = LiveCaptureSource.Start(new LiveCaptureOptions
        {
            Interface = link.InterfaceA,
            NetworkNamespace = link.NamespaceA,
            KernelBufferBytes = 8 << 20,
        });
        using var ptp4l = Ptp4lPair.Start(link);
        var log = ptp4l.Log;

        var frames = new List<(byte[] Data, long Timestamp, long Number)>();
        var collect = LiveFrames.CollectAsync(source, int.MaxValue, TimeSpan.FromSeconds(4.5));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var parent = VethLink.RunIn(link.NamespaceB, Pmc, "-u", "-b", "0", "-d", "24", "-s",
            Path.Combine(ptp4l.Directory, "slave.sock"), "-i", Path.Combine(ptp4l.Directory, "pmc.sock"),
            "GET PARENT_DATA_SET").Output;
        frames.AddRange(await collect);
        await source.StopAsync();
        var health = source.Health;
        TestContext.Out.WriteLine(string.Join('\n', log));
        TestContext.Out.WriteLine(parent);

        var reportedClockClass = int.Parse(ClockClassLine().Match(parent).Groups[1].Value, CultureInfo.InvariantCulture);
        AssertProfile(frames, reportedClockClass, log);
        Assert.That(health.IsLossless, Is.True, health.ToString());
    }

    private static void AssertProfile(List<(byte[] Data, long Timestamp, long Number)> frames, int reportedClockClass,
        ConcurrentQueue<string> log)
    {
        var messages = new List<(PtpRecorder Ptp, long Timestamp, byte[] Destination)>();
        foreach (var (data, timestamp, _) in frames)
        {
            var recorder = new PtpRecorder();
            var error = FrameDecoder.Decode(data, FronthaulDecodeOptions.Default, ref recorder, out var kind);
            Assert.That(error.IsError, Is.False, $"ptp4l frame must decode: {error}");
            Assert.That(kind, Is.EqualTo(FrameKind.Ptp), "only PTP crosses the link");
            messages.Add((recorder, timestamp, data[..6]));
        }

        var byType = messages.GroupBy(m => m.Ptp.Type).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var type in (PtpMessageType[])[PtpMessageType.Announce, PtpMessageType.Sync, PtpMessageType.FollowUp,
                     PtpMessageType.DelayReq, PtpMessageType.DelayResp])
        {
            Assert.That(byType.ContainsKey(type), Is.True,
                $"{type} missing; seen {string.Join(", ", byType.Keys)}\n{string.Join('\n', log)}");
        }

        var syncs = byType[PtpMessageType.Sync];
        var announces = byType[PtpMessageType.Announce];
        Assert.Multiple(() =>
        {
            Assert.That(messages.TrueForAll(m => m.Ptp.Domain == 24), Is.True, "domain 24");
            Assert.That(messages.TrueForAll(m => m.Destination.AsSpan().SequenceEqual(NonForwardableMulticast)),
                Is.True, "every message to 01-80-C2-00-00-0E as configured");
            Assert.That(syncs.TrueForAll(m => (m.Ptp.Flags & 0x0200) != 0), Is.True, "Sync is two-step");
            Assert.That(byType[PtpMessageType.FollowUp], Has.Count.InRange(syncs.Count - 1, syncs.Count + 1),
                "one Follow_Up per Sync");

            // G.8275.1 rates: Sync and Delay_Req 16/s, Announce 8/s (tolerant: software timestamps, shared CPU).
            Assert.That(Rate(syncs), Is.InRange(12.0, 20.0), "Sync per second");
            Assert.That(Rate(announces), Is.InRange(6.0, 10.0), "Announce per second");
            Assert.That(Rate(byType[PtpMessageType.DelayReq]), Is.InRange(6.0, 32.0), "Delay_Req per second");
            Assert.That(byType[PtpMessageType.DelayResp], Has.Count.InRange(
                byType[PtpMessageType.DelayReq].Count - 2, byType[PtpMessageType.DelayReq].Count), "Delay_Resp answers");

            foreach (var group in byType.Values)
            {
                foreach (var sender in group.GroupBy(m => m.Ptp.SourceClock))
                {
                    var ids = sender.Select(m => (int)m.Ptp.SequenceId).ToList();
                    for (var i = 1; i < ids.Count; i++)
                    {
                        Assert.That((ids[i] - ids[i - 1] + 65536) % 65536, Is.EqualTo(1),
                            $"{sender.First().Ptp.Type} sequenceId {ids[i - 1]} then {ids[i]}");
                    }
                }
            }

            Assert.That(announces.Select(a => (int)a.Ptp.ClockClass!.Value).Distinct(),
                Is.EquivalentTo(new[] { reportedClockClass }), "Announce clockClass is what the slave's pmc reports");
            Assert.That(reportedClockClass, Is.EqualTo(Ptp4lPair.ClockClass), "a free-running G.8275.1 grandmaster announces 248");
        });
    }

    private static double Rate(List<(PtpRecorder Ptp, long Timestamp, byte[] Destination)> messages) =>
        messages.Count < 2
            ? 0
            : (messages.Count - 1) / ((messages[^1].Timestamp - messages[0].Timestamp) / 1e9);

    [GeneratedRegex(@"gm\.ClockClass\s+(\d+)")]
    private static partial Regex ClockClassLine();
}
