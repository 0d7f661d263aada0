using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Tests.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Analysis.Tests.Verdicts;

/// <summary>
/// The metrics cases read from an analysis (issue 13 item 7): per delay window, so that a late DL U-plane (T2a_up) never
/// reads like a late UL U-plane (Ta3); the pooled ratio only when a case asks; windows the tap does not judge are not
/// measured; and how a case judges an analysis through them (<see cref="CaseScope"/>).
/// </summary>
public class AnalyzerMetricsSpecs
{
    private const long Us = 1000;
    private const long BaseNs = 1_700_000_000L * 1_000_000_000;

    private static readonly AirTimeClock Clock = new(1);
    private static readonly long TargetFrame = Clock.FrameAt(BaseNs) + 5;

    /// <summary>
    /// Ten slots at the O-RU tap, each with a DL C-plane and a DL U-plane on time and an UL U-plane 25 µs after air time
    /// (on time in Ta3 [20, 32] µs), except that <paramref name="lateDownlink"/> DL U-planes arrive 50 µs before air time
    /// (late for T2a_up [−428, −71] µs).
    /// </summary>
    private static AnalysisReport Traffic(int lateDownlink)
    {
        var analyzer = new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru));
        long number = 0;
        for (int i = 0; i < 10; i++)
        {
            int frameId = (int)((TargetFrame + i) & 255);
            long air = Clock.SymbolStart(TargetFrame + i, 3, 1, 2);
            analyzer.Process(TimingFrames.CPlane(1, (byte)i, true, frameId, 3, 1, 2), air - (300 * Us), ++number);
            analyzer.Process(TimingFrames.UPlane(1, (byte)i, true, frameId, 3, 1, 2), air - ((i < lateDownlink ? 50 : 150) * Us), ++number);
            analyzer.Process(TimingFrames.UPlane(2, (byte)i, false, frameId, 3, 1, 2), air + (25 * Us), ++number);
        }

        return analyzer.BuildReport();
    }

    private static decimal Measure(string metric, AnalysisReport report)
    {
        Assert.That(AnalyzerMetrics.TryMeasure(metric, report, out decimal value, out string? note), Is.True, note);
        return value;
    }

    [Test]
    public void AnalyzerMetrics_must_tell_a_late_T2a_up_from_the_other_windows()
    {
        var report = Traffic(lateDownlink: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Measure("t2a-up.late-ratio", report), Is.EqualTo(0.3m));
            Assert.That(Measure("ta3.late-ratio", report), Is.Zero);
            Assert.That(Measure("t2a-cp-dl.late-ratio", report), Is.Zero);
            Assert.That(Measure("t2a-up.early-ratio", report), Is.Zero);
            Assert.That(Measure("late-ratio", report), Is.EqualTo(0.1m), "pooled: 3 of 30 messages, whichever window");
        }
    }

    [Test]
    public void AnalyzerMetrics_must_not_measure_a_window_the_tap_does_not_judge_or_an_unknown_one()
    {
        var report = Traffic(lateDownlink: 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AnalyzerMetrics.TryMeasure("t1a-up.late-ratio", report, out _, out string? du), Is.False);
            Assert.That(du, Is.EqualTo("t1a-up is not judged at the O-RU (ru) tap"));
            Assert.That(AnalyzerMetrics.TryMeasure("t2a-cp-ul.late-ratio", report, out _, out string? empty), Is.False);
            Assert.That(empty, Is.EqualTo("no message was judged in t2a-cp-ul"));
            Assert.That(AnalyzerMetrics.TryMeasure("t9-up.late-ratio", report, out _, out string? unknown), Is.False);
            Assert.That(unknown, Does.Contain("does not measure 't9-up.late-ratio'"));
            Assert.That(AnalyzerMetrics.IsKnown("ta4.early-ratio") && !AnalyzerMetrics.IsKnown("ta5.early-ratio"), Is.True);
        }
    }

    [Test]
    public void CaseScope_must_judge_a_case_by_its_windows_and_say_what_lies_outside()
    {
        var report = Traffic(lateDownlink: 3);
        AnalyzerCriterion Zero(string metric) => new(metric, "<= 0", v => v <= 0);

        var ta3Case = CaseScope.Judge(report, [Zero("ta3.late-ratio"), Zero("ta3.early-ratio")]);
        var t2aCase = CaseScope.Judge(report, [Zero("t2a-up.late-ratio")]);
        var noMetrics = CaseScope.Judge(report, []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail), "the analysis itself fails the late T2a_up");
            Assert.That(ta3Case.Verdict.Value, Is.EqualTo(Verdict.Pass), "a Ta3 case does not judge T2a_up");
            Assert.That(ta3Case.OutOfScope, Has.One.StartWith("TIMING-T2A-UP-LATE: 3 of 10 messages late in t2a-up"));
            Assert.That(t2aCase.Verdict.Value, Is.EqualTo(Verdict.Fail));
            Assert.That(t2aCase.Verdict.Reasons.Single(), Is.EqualTo("t2a-up.late-ratio = 0.3 does not meet <= 0"));
            Assert.That(noMetrics.Verdict, Is.SameAs(report.Verdict), "a case without analyzer metrics takes the analysis verdict");
        }
    }
}
