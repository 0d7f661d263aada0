using System.Runtime.CompilerServices;
using System.Text.Json;
using OranTestbed.Analysis.Correlation;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture.Files;
using OranTestbed.TestSupport;
using static OranTestbed.Analysis.Tests.Correlation.CorrelationFrames;

namespace OranTestbed.Analysis.Tests.Correlation;

public class CUPlaneCorrelatorSpecs
{
    private const long Us = 1000;
    private const long Ms = 1_000_000;

    private static readonly string[] CountKeys =
    [
        "dlUplaneSections", "dlCovered", "dlOrphans", "ulCplaneSections", "ulAnswered", "ulOrphans", "notEvaluated",
        "dlNotEvaluated", "ulNotEvaluated", "dlNotEvaluatedAtStart",
    ];

    private static readonly string[] ReportOnlyKeys = ["sectionOverflow", "horizonUs", "captureStartAllowanceUs", "perEaxc"];

    private static AnalysisReport Run(params (byte[] Frame, long TimestampNs)[] frames)
    {
        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1);
        long number = 0;
        foreach (var (frame, timestamp) in frames)
        {
            analyzer.Process(frame, timestamp, ++number);
        }

        return analyzer.BuildReport();
    }

    /// <summary>DL C-plane on eAxC 1, slot 0, symbols 2..5, PRBs 0..9, sectionId 1.</summary>
    private static (byte[], long) DlCPlane() => (CPlane(1, 0, true, 0, 2, Section(1, 0, 10, 4)), 0);

    [Test]
    public void Correlation_must_count_dl_uplane_inside_its_cplane_section_as_covered()
    {
        var report = Run(DlCPlane(),
            (UPlane(1, 0, true, 0, 2, 1, 0, 2), 10 * Us),
            (UPlane(1, 1, true, 0, 5, 1, 8, 2), 20 * Us));
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That((totals.DlUplaneSections, totals.DlCovered, totals.DlOrphans), Is.EqualTo((2L, 2L, 0L)));
            Assert.That(report.Findings, Is.Empty);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive), "covered, and nothing else judged (no delay window)");
        });
    }

    [TestCase(1, 0, 2, 2, 0, 2, TestName = "Correlation_must_report_dl_uplane_with_another_sectionId_as_orphan")]
    [TestCase(1, 0, 6, 1, 0, 2, TestName = "Correlation_must_report_dl_uplane_on_a_symbol_after_the_section_as_orphan")]
    [TestCase(1, 0, 1, 1, 0, 2, TestName = "Correlation_must_report_dl_uplane_on_a_symbol_before_the_section_as_orphan")]
    [TestCase(1, 0, 3, 1, 9, 2, TestName = "Correlation_must_report_dl_uplane_with_prbs_past_the_section_as_orphan")]
    [TestCase(2, 0, 3, 1, 0, 2, TestName = "Correlation_must_report_dl_uplane_of_another_eaxc_as_orphan")]
    [TestCase(1, 1, 3, 1, 0, 2, TestName = "Correlation_must_report_dl_uplane_of_another_slot_as_orphan")]
    public void Correlation_must_report_uncovered_dl_uplane(int eaxc, int slot, int symbol, int sectionId, int startPrb,
        int numPrb)
    {
        // 5 ms in: past the capture-start allowance (a U-plane this early could have its C-plane before the capture),
        // within the 10 ms horizon of the C-plane.
        var report = Run(DlCPlane(), (UPlane((ushort)eaxc, 0, true, slot, symbol, sectionId, startPrb, numPrb), 5 * Ms));
        var totals = report.Correlation.Totals;
        var orphan = report.Findings.Single(f => f.Rule == RuleCatalogue.UPlaneOrphan);
        Assert.Multiple(() =>
        {
            Assert.That((totals.DlUplaneSections, totals.DlCovered, totals.DlOrphans), Is.EqualTo((1L, 0L, 1L)));
            Assert.That(orphan.Examples, Is.EqualTo(new long[] { 2 }));
            Assert.That(orphan.Severity, Is.EqualTo(RuleSeverity.Error));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public void Correlation_must_match_sectionId_4095_by_symbol_and_prbs_only()
    {
        var report = Run((CPlane(1, 0, true, 0, 0, Section(7, 20, 10, 14)), 0),
            (UPlane(1, 0, true, 0, 4, 4095, 20, 10), 10 * Us),
            (UPlane(1, 1, true, 0, 4, 4095, 19, 2), 20 * Us));
        var totals = report.Correlation.Totals;
        Assert.That((totals.DlCovered, totals.DlOrphans), Is.EqualTo((1L, 1L)));
        Assert.That(report.Findings.Single().Examples, Is.EqualTo(new long[] { 3 }));
    }

    [Test]
    public void Correlation_must_take_numPrbc_0_as_the_whole_carrier()
    {
        var report = Run((CPlane(1, 0, true, 0, 0, Section(1, 0, 0, 14)), 0),
            (UPlane(1, 0, true, 0, 0, 1, 0, 0), 10 * Us), // numPrbu 0: the 106 PRBs of the carrier
            (UPlane(1, 1, true, 0, 13, 1, 100, 6), 20 * Us));
        var totals = report.Correlation.Totals;
        Assert.That((totals.DlUplaneSections, totals.DlCovered, totals.DlOrphans), Is.EqualTo((2L, 2L, 0L)));
    }

    [Test]
    public void Correlation_must_respect_every_other_prb()
    {
        // rb = 1: PRBs 0, 2, …, 18.
        var report = Run((CPlane(1, 0, true, 0, 0, Section(1, 0, 10, 14, rb: true)), 0),
            (UPlane(1, 0, true, 0, 0, 1, 2, 3, rb: true), 10 * Us),
            (UPlane(1, 1, true, 0, 0, 1, 18, 1), 20 * Us),
            (UPlane(1, 2, true, 0, 0, 1, 1, 1), 30 * Us),
            (UPlane(1, 3, true, 0, 0, 1, 2, 2), 40 * Us));
        var totals = report.Correlation.Totals;
        Assert.That((totals.DlCovered, totals.DlOrphans), Is.EqualTo((2L, 2L)));
        Assert.That(report.Findings.Single().Examples, Is.EqualTo(new long[] { 4, 5 }));
    }

    [Test]
    public void Correlation_must_advance_the_symbol_of_a_symInc_section_by_the_previous_numSymbol()
    {
        var second = Section(2, 0, 10, 2) with { SymInc = true };
        var report = Run((CPlane(1, 0, true, 0, 0, Section(1, 0, 10, 2), second), 0),
            (UPlane(1, 0, true, 0, 2, 2, 0, 2), 10 * Us),
            (UPlane(1, 1, true, 0, 0, 2, 0, 2), 20 * Us));
        Assert.That((report.Correlation.Totals.DlCovered, report.Correlation.Totals.DlOrphans), Is.EqualTo((1L, 1L)));
    }

    /// <summary>UL C-plane on eAxC 1 slot 0, symbols 2..5, PRBs 0..9 (frame 1), U-plane for <paramref name="symbols"/>.</summary>
    private static List<(byte[], long)> UlStream(IEnumerable<int> symbols, bool clockAfterHorizon)
    {
        var frames = new List<(byte[], long)> { (CPlane(1, 0, false, 0, 2, Section(1, 0, 10, 4)), 0) };
        byte seq = 0;
        foreach (int symbol in symbols)
        {
            frames.Add((UPlane(1, seq++, false, 0, symbol, 1, 0, 10), (500 + seq) * Us));
        }

        if (clockAfterHorizon)
        {
            // Any later message moves packet time past the slot's horizon (10 ms); UL U-plane of eAxC 9 needs no C-plane.
            frames.Add((UPlane(9, 0, false, 1, 0, 1, 0, 2), 20 * Ms));
        }

        return frames;
    }

    [Test]
    public void Correlation_must_count_ul_cplane_answered_on_every_symbol()
    {
        var report = Run([.. UlStream([2, 3, 4, 5], clockAfterHorizon: true)]);
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That((totals.UlCplaneSections, totals.UlAnswered, totals.UlOrphans, totals.UlNotEvaluated),
                Is.EqualTo((1L, 1L, 0L, 0L)));
            Assert.That(report.Findings, Is.Empty);
        });
    }

    [Test]
    public void Correlation_must_report_ul_cplane_with_a_symbol_unanswered_as_orphan()
    {
        var report = Run([.. UlStream([2, 3, 5], clockAfterHorizon: true)]);
        var totals = report.Correlation.Totals;
        var finding = report.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That((totals.UlCplaneSections, totals.UlAnswered, totals.UlOrphans), Is.EqualTo((1L, 0L, 1L)));
            Assert.That(finding.Rule, Is.SameAs(RuleCatalogue.CPlaneUnanswered));
            Assert.That(finding.Examples, Is.EqualTo(new long[] { 1 }));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public void Correlation_must_not_judge_ul_cplane_whose_answer_could_still_come_after_the_capture()
    {
        var report = Run([.. UlStream([2, 3], clockAfterHorizon: false)]);
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That((totals.UlCplaneSections, totals.UlOrphans, totals.UlNotEvaluated), Is.EqualTo((1L, 0L, 1L)));
            Assert.That(totals.NotEvaluated, Is.EqualTo(1));
            Assert.That(report.Findings, Is.Empty);
        });
    }

    [Test]
    public void Correlation_must_judge_the_shared_capture()
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
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            // Frame 7: DL U-plane, eAxC 1, no DL C-plane at all, 150 µs into the capture: its C-plane may precede it.
            Assert.That((totals.DlUplaneSections, totals.DlOrphans, totals.DlNotEvaluatedAtStart), Is.EqualTo((1L, 0L, 1L)));
            Assert.That(report.CountOf(RuleCatalogue.UPlaneOrphan), Is.Zero);
            // Frames 5 (ST3, eAxC 4, 1 section) and 6 (ST1, eAxC 1, 2 sections): UL C-plane within 10 ms of the end.
            Assert.That((totals.UlCplaneSections, totals.UlOrphans, totals.UlNotEvaluated), Is.EqualTo((3L, 0L, 3L)));
            Assert.That(report.Correlation.PerEaxc.Select(e => (e.Eaxc, e.Counts.DlNotEvaluatedAtStart, e.Counts.UlNotEvaluated)),
                Is.EqualTo(new[] { ((ushort)1, 1L, 2L), ((ushort)4, 0L, 1L) }));
            Assert.That(report.CountOf(RuleCatalogue.CPlaneUnanswered), Is.Zero);
        });
    }

    [Test]
    public void AnalysisReportJson_must_write_the_correlation()
    {
        var report = Run(DlCPlane(), (UPlane(1, 0, true, 0, 2, 1, 0, 2), 10 * Us), (UPlane(2, 0, true, 0, 2, 1, 0, 2), 5 * Ms));
        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(report));
        var correlation = json.RootElement.GetProperty("correlation");
        Assert.Multiple(() =>
        {
            Assert.That(correlation.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(CountKeys.Concat(ReportOnlyKeys)));
            Assert.That(correlation.GetProperty("dlUplaneSections").GetInt64(), Is.EqualTo(2));
            Assert.That(correlation.GetProperty("dlOrphans").GetInt64(), Is.EqualTo(1));
            Assert.That(correlation.GetProperty("horizonUs").GetDouble(), Is.EqualTo(10_000));
            Assert.That(correlation.GetProperty("captureStartAllowanceUs").GetDouble(), Is.EqualTo(3_000));
            Assert.That(correlation.GetProperty("perEaxc").EnumerateArray().Select(e => e.GetProperty("eAxC").GetInt32()),
                Is.EqualTo(Enumerable.Range(1, 2)));
            Assert.That(correlation.GetProperty("perEaxc")[0].EnumerateObject().Select(p => p.Name),
                Is.EqualTo(CountKeys.Prepend("eAxC")));
        });
    }

    [Test]
    public void Correlation_must_not_judge_dl_uplane_whose_cplane_may_precede_the_capture_start()
    {
        // No profile: the allowance is one 1 ms slot (µ = 0, the longest) + a 2 ms C-plane advance after the first message.
        var report = Run((UPlane(1, 0, true, 0, 2, 1, 0, 2), 0),
            (UPlane(1, 1, true, 1, 2, 1, 0, 2), 2_999 * Us),
            (UPlane(1, 2, true, 0, 3, 1, 0, 2), 3_000 * Us),
            (UPlane(1, 3, true, 1, 3, 1, 0, 2), 4_000 * Us));
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That((totals.DlUplaneSections, totals.DlNotEvaluatedAtStart, totals.DlNotEvaluated, totals.DlOrphans),
                Is.EqualTo((4L, 2L, 2L, 2L)));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.UPlaneOrphan).Examples, Is.EqualTo(new long[] { 3, 4 }));
            Assert.That(report.Correlation.CaptureStartAllowanceNs, Is.EqualTo(CUPlaneCorrelator.DefaultCaptureStartAllowanceNs));
        });
    }

    [Test]
    public void Correlation_must_take_the_capture_start_allowance_from_the_profile_windows()
    {
        // µ = 1 (500 µs slots), T1a_max_cp_dl = T2a_max_cp_dl = 429 µs: 929 µs.
        var analyzer = new FronthaulAnalyzer(Timing.TimingProfiles.Synthetic(tap: null));
        analyzer.Process(UPlane(1, 0, true, 0, 2, 1, 0, 2), 0, 1);
        analyzer.Process(UPlane(1, 1, true, 1, 2, 1, 0, 2), 928 * Us, 2);
        analyzer.Process(UPlane(1, 2, true, 0, 3, 1, 0, 2), 929 * Us, 3);
        var report = analyzer.BuildReport();
        var totals = report.Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That(report.Correlation.CaptureStartAllowanceNs, Is.EqualTo(929 * Us));
            Assert.That((totals.DlNotEvaluatedAtStart, totals.DlOrphans), Is.EqualTo((2L, 1L)));
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.UPlaneOrphan).Examples, Is.EqualTo(new long[] { 3 }));
        });
    }

    [Test]
    public void Correlation_must_still_judge_dl_uplane_at_the_start_whose_slot_cplane_was_captured()
    {
        // The slot's C-plane is in the capture, so a U-plane it does not cover is an orphan however early it comes.
        var report = Run(DlCPlane(), (UPlane(1, 0, true, 0, 6, 1, 0, 2), 10 * Us));
        Assert.That((report.Correlation.Totals.DlOrphans, report.Correlation.Totals.DlNotEvaluatedAtStart), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Correlation_must_count_sections_beyond_the_per_slot_bound_as_not_evaluated()
    {
        var sections = Enumerable.Range(1, CUPlaneCorrelator.DefaultSectionsPerSlot + 1)
            .Select(i => Section(i, 0, 1, 1)).ToArray();
        var report = Run((CPlane(1, 0, true, 0, 0, sections), 0),
            (UPlane(1, 0, true, 0, 0, CUPlaneCorrelator.DefaultSectionsPerSlot + 1, 0, 1), 10 * Us));
        var totals = report.Correlation.Totals;
        Assert.That((report.Correlation.SectionOverflow, totals.DlNotEvaluated, totals.DlOrphans), Is.EqualTo((1L, 1L, 0L)));
    }

    [Test]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // no tiering/OSR allocation in the measured loop
    public void Correlation_must_not_allocate_per_message_after_warm_up()
    {
        var frames = new List<(byte[] Frame, long Timestamp)>();
        for (int i = 0; i < 400; i++)
        {
            long t = i * 500 * Us; // slots expire (10 ms horizon) and keys repeat as the stream goes on
            int slot = i % 2;
            byte seq = (byte)i;
            frames.Add((CPlane(1, seq, true, slot, 0, Section(1, 0, 10, 14)), t));
            frames.Add((UPlane(1, seq, true, slot, i % 14, 1, 0, 2), t + (100 * Us)));
            frames.Add((CPlane(2, seq, false, slot, 0, Section(1, 0, 10, 1)), t + (10 * Us)));
            frames.Add((UPlane(2, seq, false, slot, 0, 1, 0, 10), t + (200 * Us)));
        }

        var analyzer = new FronthaulAnalyzer(Analyze.Options, numerology: 1);
        for (int i = 0; i < 400; i++)
        {
            analyzer.Process(frames[i].Frame, frames[i].Timestamp, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 400; i < frames.Count; i++)
        {
            analyzer.Process(frames[i].Frame, frames[i].Timestamp, i + 1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var totals = analyzer.BuildReport().Correlation.Totals;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(totals.DlOrphans, Is.Zero);
            Assert.That(totals.UlOrphans, Is.Zero);
            Assert.That(totals.DlCovered, Is.EqualTo(400));
        });
    }
}
