using System.Text.Json;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.SPlane;

public class PtpAnalyzerSpecs
{
    private static readonly int[] Domains = [24, 25];
    private static readonly string[] RateKeys = ["sync", "followUp", "delayReq", "delayResp", "announce"];

    private static PtpClockReport Clock(AnalysisReport report, Fronthaul.Ptp.PtpPortIdentity port) =>
        report.Ptp.Clocks.Single(c => c.PortIdentity == port);

    [Test]
    public void PtpAnalyzer_must_accept_G8275_1_rates_16_8_16_without_findings()
    {
        var report = PtpTraffic.Conformant(seconds: 2).Analyze();

        var master = Clock(report, PtpTraffic.Master);
        var slave = Clock(report, PtpTraffic.Slave);
        Assert.Multiple(() =>
        {
            Assert.That(report.Findings, Is.Empty);
            Assert.That(report.Ptp.Evaluated, Is.True);
            Assert.That(report.Ptp.NotEvaluatedReason, Is.Null);
            Assert.That(report.Ptp.Clocks, Has.Length.EqualTo(2));
            Assert.That(master.Domain, Is.EqualTo(24));
            Assert.That(master.ClockClass, Is.EqualTo(248));
            Assert.That(master.GrandmasterIdentity, Is.EqualTo(PtpTraffic.Master.ClockIdentity));
            Assert.That(master.Rates.Sync.PerSecond, Is.EqualTo(16).Within(1e-9));
            Assert.That(master.Rates.Sync.Evaluated, Is.True);
            Assert.That(master.Rates.FollowUp.PerSecond, Is.EqualTo(16).Within(1e-9));
            Assert.That(master.Rates.FollowUp.Evaluated, Is.False, "G.8275.1 fixes no Follow_Up rate of its own");
            Assert.That(master.Rates.Announce.PerSecond, Is.EqualTo(8).Within(1e-9));
            Assert.That(master.Rates.Announce.Evaluated, Is.True);
            Assert.That(slave.Rates.DelayReq.PerSecond, Is.EqualTo(16).Within(1e-9));
            Assert.That(slave.Rates.DelayReq.Evaluated, Is.True);
            Assert.That(slave.ClockClass, Is.Null, "the slave sends no Announce");
            Assert.That(master.SequenceGaps + slave.SequenceGaps, Is.Zero);
            Assert.That(master.UnpairedSync + master.UnpairedFollowUp, Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_report_a_Sync_rate_of_10_per_second()
    {
        var stream = new PtpTraffic().Syncs(0, PtpTraffic.Second / 10, 21);
        var report = stream.Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpSyncRate), Is.EqualTo(1));
            Assert.That(Clock(report, PtpTraffic.Master).Rates.Sync.PerSecond, Is.EqualTo(10).Within(1e-9));
            Assert.That(Clock(report, PtpTraffic.Master).Rates.Sync.OutOfTolerance, Is.True);
        });
    }

    [TestCase(15.0, false)] // 1 s / 15 = 6.25 % slow: inside ±10 %
    [TestCase(14.0, true)] // 12.5 % slow
    [TestCase(18.0, true)]
    public void PtpAnalyzer_must_judge_the_Sync_rate_against_plus_minus_10_percent(double perSecond, bool finding)
    {
        var report = new PtpTraffic().Syncs(0, (long)(PtpTraffic.Second / perSecond), ((int)perSecond * 2) + 1).Analyze();

        Assert.That(report.CountOf(RuleCatalogue.PtpSyncRate), Is.EqualTo(finding ? 1 : 0));
    }

    [Test]
    public void PtpAnalyzer_must_report_an_Announce_rate_of_4_per_second()
    {
        var report = new PtpTraffic().Announces(0, PtpTraffic.Second / 4, 9, _ => 6).Analyze();

        Assert.That(report.CountOf(RuleCatalogue.PtpAnnounceRate), Is.EqualTo(1));
    }

    [Test]
    public void PtpAnalyzer_must_report_domain_44_outside_24_to_43()
    {
        var stream = new PtpTraffic { Domain = 44 }.Syncs(0, PtpTraffic.Interval16, 3, followUps: false);
        var report = stream.Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpDomain), Is.EqualTo(3));
            Assert.That(report.Ptp.Clocks[0].Domain, Is.EqualTo(44));
        });
    }

    [TestCase((byte)24)]
    [TestCase((byte)43)]
    public void PtpAnalyzer_must_accept_the_domain_edges(byte domain)
    {
        var report = new PtpTraffic { Domain = domain }.Syncs(0, PtpTraffic.Interval16, 3).Analyze();

        Assert.That(report.CountOf(RuleCatalogue.PtpDomain), Is.Zero);
    }

    [Test]
    public void PtpAnalyzer_must_record_clockClass_6_7_6_as_two_changes()
    {
        // Announces 0..16 at 8/s: class 7 for #6..#9, then 6 again.
        var report = new PtpTraffic().Announces(0, PtpTraffic.Interval8, 17, i => i is >= 6 and < 10 ? (byte)7 : (byte)6)
            .Analyze();

        var master = Clock(report, PtpTraffic.Master);
        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpClockClassChange), Is.EqualTo(2));
            Assert.That(master.ClockClassChangeCount, Is.EqualTo(2));
            Assert.That(master.ClockClassChanges, Is.EqualTo(new[]
            {
                new PtpClockClassChange(6, 7, 6 * PtpTraffic.Interval8, 7),
                new PtpClockClassChange(7, 6, 10 * PtpTraffic.Interval8, 11),
            }));
            Assert.That(master.ClockClass, Is.EqualTo(6));
            Assert.That(report.CountOf(RuleCatalogue.PtpAnnounceRate), Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_accept_both_G8275_1_multicast_addresses_and_report_any_other()
    {
        var forwardable = new PtpTraffic { Destination = PtpTraffic.Forwardable }.Syncs(0, PtpTraffic.Interval16, 2).Analyze();
        var unicast = new PtpTraffic { Destination = [0x02, 0, 0, 0, 0, 0x0B] }.Syncs(0, PtpTraffic.Interval16, 2).Analyze();
        var ptpPrimary = new PtpTraffic { Destination = [0x01, 0x1B, 0x19, 0x00, 0x00, 0x01] }
            .Syncs(0, PtpTraffic.Interval16, 1, followUps: false).Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(forwardable.CountOf(RuleCatalogue.PtpMulticastAddress), Is.Zero);
            Assert.That(unicast.CountOf(RuleCatalogue.PtpMulticastAddress), Is.EqualTo(4), "2 Sync + 2 Follow_Up");
            Assert.That(ptpPrimary.CountOf(RuleCatalogue.PtpMulticastAddress), Is.EqualTo(1));
        });
    }

    [Test]
    public void PtpAnalyzer_must_report_PTP_over_UDP_as_G8275_2_transport()
    {
        var buffer = new byte[128];
        var writer = new FrameWriter(buffer);
        writer.WriteEthernetHeader([0x01, 0x00, 0x5E, 0x00, 0x01, 0x81], [0x02, 0, 0, 0, 0, 1], [], EthernetFields.TypeIpv4);
        int ip = writer.BeginIpv4Udp([10, 0, 0, 1], [224, 0, 1, 129], UdpFields.PtpEventPort, UdpFields.PtpEventPort);
        writer.WritePtpSync(PtpHeader.V2 with { DomainNumber = 44, SourcePortIdentity = PtpTraffic.Master }, default);
        writer.EndIpv4Udp(ip);
        byte[] frame = buffer[..writer.Finish()];

        var report = Support.Analyze.Frames([frame]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Packets.Ptp, Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.PtpUdpTransport), Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.PtpMulticastAddress), Is.Zero, "the L2 address rule is G.8275.1's");
        });
    }

    [Test]
    public void PtpAnalyzer_must_report_a_sequence_gap_per_port_and_type()
    {
        // Sync (and its Follow_Up) #5 missing: one gap each, one message missing each.
        var report = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 20, keep: i => i != 5).Analyze();

        var master = Clock(report, PtpTraffic.Master);
        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpSequenceGap), Is.EqualTo(2));
            Assert.That(master.SequenceGaps, Is.EqualTo(2));
            Assert.That(master.SequenceMissing, Is.EqualTo(2));
            Assert.That(report.CountOf(RuleCatalogue.PtpSyncWithoutFollowUp), Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_follow_the_sequenceId_across_its_16_bit_wrap()
    {
        var report = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 10, firstSequence: 65530).Analyze();

        Assert.That(report.CountOf(RuleCatalogue.PtpSequenceGap), Is.Zero);
    }

    [Test]
    public void PtpAnalyzer_must_report_a_two_step_Sync_without_its_Follow_Up()
    {
        var stream = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 5).Syncs(5 * PtpTraffic.Interval16, 1, 1, 5, followUps: false)
            .Syncs(6 * PtpTraffic.Interval16, PtpTraffic.Interval16, 5, firstSequence: 6);
        var report = stream.Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpSyncWithoutFollowUp), Is.EqualTo(1));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.PtpSyncWithoutFollowUp).Examples,
                Is.EqualTo(new long[] { 11 }), "frame of Sync #5");
            Assert.That(Clock(report, PtpTraffic.Master).UnpairedSync, Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.PtpFollowUpWithoutSync), Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_report_a_Follow_Up_without_its_Sync()
    {
        var report = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 3).FollowUp(PtpTraffic.Second, 77).Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpFollowUpWithoutSync), Is.EqualTo(1));
            Assert.That(Clock(report, PtpTraffic.Master).UnpairedFollowUp, Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.PtpSyncWithoutFollowUp), Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_not_judge_a_pair_cut_by_the_capture_edges()
    {
        // The capture starts after Sync #0 (its Follow_Up comes first) and stops before the Follow_Up of the last Sync.
        var report = new PtpTraffic().FollowUp(0, 0).Syncs(PtpTraffic.Interval16, PtpTraffic.Interval16, 4, 1)
            .Sync(5 * PtpTraffic.Interval16, 5, followUp: false).Analyze();

        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.PtpFollowUpWithoutSync), Is.Zero);
            Assert.That(report.CountOf(RuleCatalogue.PtpSyncWithoutFollowUp), Is.Zero);
        });
    }

    [Test]
    public void PtpAnalyzer_must_not_pair_one_step_Syncs()
    {
        var stream = new PtpTraffic();
        for (ushort i = 0; i < 4; i++)
        {
            stream.Sync(i * PtpTraffic.Interval16, i, twoStep: false);
        }

        Assert.That(stream.Analyze().Findings, Is.Empty);
    }

    [Test]
    public void PtpAnalyzer_must_not_evaluate_rates_on_fewer_than_the_minimum_or_under_1_s()
    {
        var few = new PtpTraffic().Syncs(0, PtpTraffic.Second / 4, 5).Analyze(); // 5 Syncs over 1 s at 4/s
        var brief = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 12).Analyze(); // 12 at 16/s: 0.69 s

        Assert.Multiple(() =>
        {
            foreach (var report in new[] { few, brief })
            {
                Assert.That(report.Findings, Is.Empty);
                Assert.That(report.Ptp.Evaluated, Is.False);
                Assert.That(report.Ptp.NotEvaluatedReason, Is.Not.Null.And.Not.Empty);
                var sync = Clock(report, PtpTraffic.Master).Rates.Sync;
                Assert.That(sync.Evaluated, Is.False);
                Assert.That(sync.Reason, Does.Contain("fewer than 8"));
                Assert.That(sync.PerSecond, Is.Not.Null, "the measured rate is still shown");
            }
        });
    }

    [Test]
    public void PtpAnalyzer_must_report_no_PTP_traffic_as_not_evaluated()
    {
        var report = Support.Analyze.Frames([]);

        Assert.Multiple(() =>
        {
            Assert.That(report.Ptp.Evaluated, Is.False);
            Assert.That(report.Ptp.Clocks, Is.Empty);
            Assert.That(report.Ptp.NotEvaluatedReason, Is.EqualTo("no PTP traffic"));
        });
    }

    [Test]
    public void PtpAnalyzer_must_keep_clocks_apart_by_port_and_domain()
    {
        var stream = new PtpTraffic().Syncs(0, PtpTraffic.Interval16, 3);
        stream.Domain = 25;
        stream.Syncs(1000, PtpTraffic.Interval16, 3);

        var report = stream.Analyze();
        Assert.Multiple(() =>
        {
            Assert.That(report.Ptp.Clocks.Select(c => (int)c.Domain), Is.EquivalentTo(Domains));
            Assert.That(report.Findings, Is.Empty, "each domain has its own sequence and pairing");
        });
    }

    [Test]
    public void PtpAnalyzer_must_write_the_ptp_block_of_the_JSON_report()
    {
        var report = PtpTraffic.Conformant(seconds: 2, clockClass: 6).Analyze();

        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(report));
        var ptp = json.RootElement.GetProperty("ptp");
        var master = ptp.GetProperty("clocks").EnumerateArray()
            .Single(c => c.GetProperty("portIdentity").GetString() == "001122.fffe.334455-1");
        Assert.Multiple(() =>
        {
            Assert.That(ptp.GetProperty("evaluated").GetBoolean(), Is.True);
            Assert.That(master.GetProperty("domain").GetInt32(), Is.EqualTo(24));
            Assert.That(master.GetProperty("grandmasterIdentity").GetString(), Is.EqualTo("001122.fffe.334455"));
            Assert.That(master.GetProperty("clockClass").GetInt32(), Is.EqualTo(6));
            Assert.That(master.GetProperty("clockClassChanges").GetArrayLength(), Is.Zero);
            Assert.That(master.GetProperty("rates").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(RateKeys));
            Assert.That(master.GetProperty("rates").GetProperty("sync").GetProperty("perSecond").GetDouble(),
                Is.EqualTo(16).Within(1e-9));
            Assert.That(master.GetProperty("sequenceGaps").GetInt64(), Is.Zero);
            Assert.That(master.GetProperty("unpairedSync").GetInt64(), Is.Zero);
            Assert.That(master.GetProperty("unpairedFollowUp").GetInt64(), Is.Zero);
        });
    }
}
