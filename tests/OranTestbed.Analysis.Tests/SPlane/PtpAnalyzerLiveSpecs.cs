using System.Collections.Concurrent;
using OranTestbed.Analysis.Rules;
using OranTestbed.Capture.Live;
using OranTestbed.TestSupport.Live;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>
/// Real ptp4l (Debian linuxptp) as G.8275.1 grandmaster (namespace A) and slave-only clock (namespace B) over a veth
/// pair, L2 transport to 01-80-C2-00-00-0E, domain 24, two-step, clockClass 248; captured live on A's end and fed frame
/// by frame to <see cref="FronthaulAnalyzer"/>. Same set-up as the Capture tests' Ptp4lG8275Tests, whose VethLink and
/// LiveFrames are link-compiled here.
/// </summary>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed class PtpAnalyzerLiveSpecs
{
    [Test]
    public async Task PtpAnalyzer_must_find_ptp4l_G8275_1_master_and_slave_conformant()
    {
        using var link = VethLink.Create();
        await using var source = LiveCaptureSource.Start(new LiveCaptureOptions
        {
            Interface = link.InterfaceA,
            NetworkNamespace = link.NamespaceA,
            KernelBufferBytes = 8 << 20,
        });
        using var ptp4l = Ptp4lPair.Start(link);
        var log = ptp4l.Log;
        var frames = await LiveFrames.CollectAsync(source, int.MaxValue, TimeSpan.FromSeconds(4.5));
        await source.StopAsync();

        var analyzer = new FronthaulAnalyzer(Support.Analyze.Options, 1);
        foreach (var (data, timestamp, number) in frames)
        {
            analyzer.Process(data, timestamp, number);
        }

        var report = analyzer.BuildReport();
        string context = Analysis.Reports.AnalysisReportJson.ToJson(report) + "\n" + string.Join('\n', log);
        var ptp = report.Ptp;
        var grandmaster = ptp.Clocks.Single(c => c.Rates.Sync.Count > 0);
        var slaveClock = ptp.Clocks.Single(c => c.Rates.DelayReq.Count > 0);
        Assert.Multiple(() =>
        {
            Assert.That(report.Packets.Ptp, Is.EqualTo(report.Packets.Total), "only PTP crosses the link");
            Assert.That(report.Findings, Is.Empty, context);
            Assert.That(ptp.Evaluated, Is.True, context);
            Assert.That(ptp.Clocks, Has.Length.EqualTo(2), context);
            Assert.That(ptp.Clocks.All(c => c.Domain == 24), Is.True, "domain 24");
            Assert.That(grandmaster.Rates.Sync.Evaluated, Is.True, context);
            Assert.That(grandmaster.Rates.Sync.PerSecond, Is.EqualTo(16).Within(10).Percent, "Sync/s");
            Assert.That(grandmaster.Rates.Announce.Evaluated, Is.True, context);
            Assert.That(grandmaster.Rates.Announce.PerSecond, Is.EqualTo(8).Within(10).Percent, "Announce/s");
            Assert.That(slaveClock.Rates.DelayReq.Evaluated, Is.True, context);
            Assert.That(slaveClock.Rates.DelayReq.PerSecond, Is.EqualTo(16).Within(25).Percent, "Delay_Req/s");
            Assert.That(grandmaster.ClockClass, Is.EqualTo(Ptp4lPair.ClockClass));
            Assert.That(grandmaster.ClockClassChangeCount, Is.Zero);
            Assert.That(grandmaster.GrandmasterIdentity, Is.EqualTo(grandmaster.PortIdentity.ClockIdentity));
            Assert.That(grandmaster.SequenceGaps + slaveClock.SequenceGaps, Is.Zero, "no sequence gaps");
            Assert.That(grandmaster.UnpairedSync + grandmaster.UnpairedFollowUp, Is.Zero, "Sync/Follow_Up pairs");
            Assert.That(grandmaster.Rates.FollowUp.Count, Is.InRange(grandmaster.Rates.Sync.Count - 1,
                grandmaster.Rates.Sync.Count + 1), "one Follow_Up per Sync");
            Assert.That(report.Findings.Any(f => f.Rule == RuleCatalogue.PtpMulticastAddress), Is.False,
                "every message to 01-80-C2-00-00-0E as configured");
        });
    }
}
