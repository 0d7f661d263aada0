using System.Text.Json;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.Analyzer;

public class FronthaulAnalyzerSpecs
{
    private static readonly string[] PacketKeys = ["total", "cplane", "uplane", "ptp", "other", "malformed"];

    /// <summary>n slots of DL C-plane + DL U-plane on eAxC 1 and UL U-plane on eAxC 2, seqIds from 250 (wrapping).</summary>
    private static List<byte[]> CleanStream(int messages, Func<int, bool>? keep = null, Func<int, int>? seqOf = null)
    {
        var frames = new List<byte[]>();
        for (int i = 0; i < messages; i++)
        {
            if (keep is not null && !keep(i))
            {
                continue;
            }

            byte seq = (byte)(seqOf?.Invoke(i) ?? (250 + i));
            int slot = i % 2, symbol = i % 14;
            frames.Add(FronthaulFrames.CPlane(0x0001, seq, downlink: true, slotId: slot, numSymbol: 14));
            frames.Add(FronthaulFrames.UPlane(0x0001, seq, downlink: true, slotId: slot, symbolId: symbol));
            frames.Add(FronthaulFrames.UPlane(0x0002, seq, downlink: false, slotId: slot, symbolId: symbol));
        }

        return frames;
    }

    [Test]
    public void FronthaulAnalyzer_must_pass_a_clean_stream_with_no_findings()
    {
        var report = Analyze.Frames(CleanStream(20));
        Assert.Multiple(() =>
        {
            Assert.That(report.Packets, Is.EqualTo(new PacketCounts(60, 20, 40, 0, 0, 0)));
            Assert.That(report.Findings, Is.Empty);
            Assert.That(report.Sequence.Flows, Has.Length.EqualTo(3));
            Assert.That(report.Sequence.Received, Is.EqualTo(60));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive), "no delay window judged: a PASS needs evidence");
            Assert.That(report.Verdict.Reasons, Has.Some.StartWith("timing: no delay window could be judged: no fronthaul profile was given"));
        });
    }

    [Test]
    public void FronthaulAnalyzer_must_count_exactly_the_removed_and_duplicated_sequence_ids()
    {
        var frames = CleanStream(20, keep: i => i is not (3 or 7 or 8)); // 3 messages lost on each of 3 flows
        frames.Add(frames[^1]); // the last UL U-plane repeated
        var report = Analyze.Frames(frames);
        Assert.Multiple(() =>
        {
            Assert.That(report.Sequence.Lost, Is.EqualTo(9));
            Assert.That(report.Sequence.Duplicate, Is.EqualTo(1));
            Assert.That(report.Sequence.OutOfOrder, Is.Zero);
            Assert.That(report.CountOf(RuleCatalogue.SeqLost), Is.EqualTo(9));
            Assert.That(report.CountOf(RuleCatalogue.SeqDuplicate), Is.EqualTo(1));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.SeqDuplicate).Examples, Is.EqualTo(new long[] { frames.Count }));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
            Assert.That(report.Verdict.Reasons, Has.Some.StartsWith("SEQ-LOST"));
        });
    }

    [Test]
    public void FronthaulAnalyzer_must_count_a_swapped_pair_as_out_of_order_without_loss()
    {
        var frames = CleanStream(10);
        (frames[12], frames[15]) = (frames[15], frames[12]); // C-plane of messages 4 and 5 swapped
        var report = Analyze.Frames(frames);
        Assert.That(report.Sequence.Lost, Is.Zero);
        Assert.That(report.Sequence.OutOfOrder, Is.EqualTo(1));
        Assert.That(report.CountOf(RuleCatalogue.SeqLost), Is.Zero);
        Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive), "out of order is a warning; timing was not judged");
    }

    [Test]
    public void FronthaulAnalyzer_must_report_a_malformed_frame_under_its_rule()
    {
        var frames = CleanStream(2);
        frames.Add(FronthaulFrames.CPlane(0x0003, 0, downlink: true, revision: 2));
        var report = Analyze.Frames(frames);
        Assert.That(report.Packets.Malformed, Is.EqualTo(1));
        Assert.That(report.Findings.Single().Rule, Is.SameAs(RuleCatalogue.EcpriRevision));
        Assert.That(report.Findings.Single().Examples, Is.EqualTo(new long[] { 7 }));
        Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
    }

    [Test]
    public void FronthaulAnalyzer_must_report_prbs_beyond_the_carrier()
    {
        // Carrier 106 PRBs: PRBs 100..109 (C-plane) and 105..106 (U-plane) overrun; 96..105 fits exactly.
        var report = Analyze.Frames(
        [
            FronthaulFrames.CPlane(0x0001, 0, true, startPrbc: 96, numPrbc: 10),
            FronthaulFrames.CPlane(0x0001, 1, true, startPrbc: 100, numPrbc: 10),
            FronthaulFrames.UPlane(0x0001, 0, true, startPrb: 104, numPrb: 2),
            FronthaulFrames.UPlane(0x0001, 1, true, startPrb: 105, numPrb: 2),
        ]);
        Assert.That(report.CountOf(RuleCatalogue.CPlanePrbBeyondCarrier), Is.EqualTo(1));
        Assert.That(report.CountOf(RuleCatalogue.UPlanePrbBeyondCarrier), Is.EqualTo(1));
        Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.CPlanePrbBeyondCarrier).Examples, Is.EqualTo(new long[] { 2 }));
    }

    [TestCase(0, 1, 1)]
    [TestCase(1, 1, 0)]
    [TestCase(1, 2, 1)]
    [TestCase(3, 7, 0)]
    [TestCase(3, 8, 1)]
    public void FronthaulAnalyzer_must_report_slot_ids_beyond_the_numerology(int numerology, int slot, int expected)
    {
        var report = Analyze.Frames(
        [
            FronthaulFrames.CPlane(0x0001, 0, true, slotId: slot),
            FronthaulFrames.UPlane(0x0001, 0, true, slotId: slot),
        ], numerology);
        Assert.That(report.CountOf(RuleCatalogue.CPlaneSlotRange), Is.EqualTo(expected));
        Assert.That(report.CountOf(RuleCatalogue.UPlaneSlotRange), Is.EqualTo(expected));
    }

    [Test]
    public void FronthaulAnalyzer_must_report_subframes_and_symbols_out_of_range()
    {
        var report = Analyze.Frames(
        [
            FronthaulFrames.CPlane(0x0001, 0, true, subframeId: 10),
            FronthaulFrames.CPlane(0x0001, 1, true, startSymbol: 4, numSymbol: 11), // 4 + 11 > 14
            FronthaulFrames.UPlane(0x0001, 0, true, symbolId: 14),
            FronthaulFrames.CPlane(0x0001, 2, true, payloadVersion: 2),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(report.CountOf(RuleCatalogue.CPlaneSlotRange), Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.CPlaneSymbolRange), Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.UPlaneSymbolRange), Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.CPlanePayloadVersion), Is.EqualTo(1));
        });
    }

    [Test]
    public void FronthaulAnalyzer_must_follow_fragments_and_report_an_incomplete_message()
    {
        // Message 0 in two fragments (complete), message 1's last fragment never arrives, message 2 complete.
        var report = Analyze.Frames(
        [
            FronthaulFrames.UPlane(0x0001, 0, true, eBit: false, subseq: 0),
            FronthaulFrames.UPlane(0x0001, 0, true, eBit: true, subseq: 1),
            FronthaulFrames.UPlane(0x0001, 1, true, eBit: false, subseq: 0),
            FronthaulFrames.UPlane(0x0001, 2, true),
        ]);
        Assert.That(report.Sequence.FragmentsIncomplete, Is.EqualTo(1));
        Assert.That(report.Sequence.Lost, Is.Zero);
        Assert.That(report.Packets.Malformed, Is.Zero);
        // The DL U-plane has no C-plane (UPLANE-ORPHAN, C/U correlation): only the fragment finding matters here.
        var fragments = report.Findings.Single(f => f.Rule != RuleCatalogue.UPlaneOrphan);
        Assert.That(fragments.Rule, Is.SameAs(RuleCatalogue.SeqFragmentIncomplete));
        Assert.That(fragments.Examples, Is.EqualTo(new long[] { 4 }));
    }

    [Test]
    public void FronthaulAnalyzer_must_count_cplane_messages_per_section_type_with_their_eaxcs()
    {
        var report = Analyze.Frames(
        [
            FronthaulFrames.CPlane(0x0002, 0, true), FronthaulFrames.CPlane(0x0001, 0, true),
            FronthaulFrames.CPlane(0x0001, 1, true), FronthaulFrames.UPlane(0x0001, 0, true),
        ]);

        var types = report.CPlaneSectionTypes.Select(t => (t.SectionType, t.Messages, string.Join(",", t.Eaxcs)));
        Assert.That(types, Is.EqualTo(new[] { (CPlaneSectionType.Normal, 3L, "1,2") }));
    }

    [Test]
    public void FronthaulAnalyzer_must_be_inconclusive_without_fronthaul_traffic()
    {
        var report = Analyze.Frames([new byte[60]]);
        Assert.That(report.Packets, Is.EqualTo(new PacketCounts(1, 0, 0, 0, 1, 0)));
        Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(report.Verdict.Reasons, Has.Length.EqualTo(1));
    }

    [Test]
    public void FronthaulAnalyzer_must_not_allocate_per_frame_after_warm_up()
    {
        var frames = CleanStream(300);
        var analyzer = new FronthaulAnalyzer(Analyze.Options, 1);
        for (int i = 0; i < 30; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 30; i < frames.Count; i++)
        {
            analyzer.Process(frames[i], i, i + 1);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void FronthaulAnalyzer_must_judge_the_shared_reference_capture()
    {
        var analyzer = new FronthaulAnalyzer(Analyze.Options with { CarrierPrbs = 273 }, numerology: 1);
        using (var reader = new CaptureFileReader(TestPaths.SharedCapture))
        {
            while (reader.TryReadNext(out var frame))
            {
                analyzer.Process(frame);
            }

            reader.ThrowIfFailed();
        }

        var report = analyzer.BuildReport();
        Assert.Multiple(() =>
        {
            // PTP Announce/Sync/Follow_Up, eCPRI one-way delay, UL C-plane ST3 and ST1, DL U-plane.
            Assert.That(report.Packets, Is.EqualTo(new PacketCounts(7, 2, 1, 3, 1, 0)));
            // Frames 5, 6, 7: eAxC 4 UL C-plane (ST3), eAxC 1 UL C-plane (ST1), eAxC 1 DL U-plane, one message each.
            Assert.That(report.Sequence.Flows.Select(f => f.Flow), Is.EqualTo(new[]
            {
                new FlowKey(1, MessagePlane.CPlane, DataDirection.Uplink),
                new FlowKey(1, MessagePlane.UPlane, DataDirection.Downlink),
                new FlowKey(4, MessagePlane.CPlane, DataDirection.Uplink),
            }));
            Assert.That(report.Sequence.Received, Is.EqualTo(3));
            // Frame 7, DL U-plane, has no DL C-plane, but comes 150 µs into the capture: its C-plane may have been sent
            // before the first captured frame, so it is not evaluated (no UPLANE-ORPHAN) and nothing fails; nor is any
            // delay window judged (no profile), so there is no evidence for a PASS.
            Assert.That(report.Findings, Is.Empty);
            Assert.That(report.Correlation.Totals.DlNotEvaluatedAtStart, Is.EqualTo(1));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive));
        });
    }

    [Test]
    public void AnalysisReportJson_must_use_the_keys_of_issue_3()
    {
        var frames = CleanStream(3, keep: i => i != 1);
        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(Analyze.Frames(frames)));
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(ReportContract.TopLevelKeys));
            Assert.That(root.GetProperty("packets").EnumerateObject().Select(p => p.Name),
                Is.EqualTo(PacketKeys));
            Assert.That(root.GetProperty("sequence").GetProperty("lost").GetInt64(), Is.EqualTo(3));
            var flow = root.GetProperty("sequence").GetProperty("flows")[0];
            Assert.That(flow.GetProperty("eAxC").GetInt32(), Is.EqualTo(1));
            Assert.That(flow.GetProperty("plane").GetString(), Is.EqualTo("C"));
            Assert.That(flow.GetProperty("direction").GetString(), Is.EqualTo("DL"));
            var finding = root.GetProperty("findings")[0];
            Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("SEQ-LOST"));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(finding.GetProperty("count").GetInt64(), Is.EqualTo(3));
            Assert.That(finding.GetProperty("examples").GetArrayLength(), Is.EqualTo(3));
            Assert.That(root.GetProperty("verdict").GetProperty("value").GetString(), Is.EqualTo("FAIL"));
            Assert.That(root.GetProperty("verdict").GetProperty("reasons").GetArrayLength(), Is.EqualTo(1));
        });
    }
}
