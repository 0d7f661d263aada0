using System.Text.Json;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.Timing;

public class TimingWindowSpecs
{
    private const long Us = 1000;

    private static readonly string[] RuWindowNames = ["t2a-cp-dl", "t2a-cp-ul", "t2a-up", "ta3"];
    private static readonly string[] WindowKeys =
    [
        "checked", "reason", "earliestUs", "latestUs", "early", "onTime", "late", "minUs", "meanUs", "maxUs",
        "percentiles", "histogram", "underflow", "overflow", "perEaxc",
    ];

    // 2023-11-14T22:13:20Z, the time base of the shared capture; the test frame starts 5 frames later.
    private const long BaseNs = 1_700_000_000L * 1_000_000_000;

    private static readonly AirTimeClock Clock = new(1);
    private static readonly long TargetFrame = Clock.FrameAt(BaseNs) + 5;

    /// <summary>Air time of frame TargetFrame + <paramref name="frames"/>, subframe 3, slot 1, symbol 2.</summary>
    private static long AirNs(long frames = 0) => Clock.SymbolStart(TargetFrame + frames, 3, 1, 2);

    private static int FrameId(long frames = 0) => (int)((TargetFrame + frames) & 255);

    /// <summary>A message of the kind judged by <paramref name="window"/>, at frame TargetFrame sf 3 slot 1 symbol 2.</summary>
    private static byte[] MessageFor(DelayWindow window, ushort eaxc, byte seq, long frames = 0) => window switch
    {
        DelayWindow.T2aCpDl or DelayWindow.T1aCpDl => TimingFrames.CPlane(eaxc, seq, true, FrameId(frames), 3, 1, 2),
        DelayWindow.T2aCpUl or DelayWindow.T1aCpUl => TimingFrames.CPlane(eaxc, seq, false, FrameId(frames), 3, 1, 2),
        DelayWindow.T2aUp or DelayWindow.T1aUp => TimingFrames.UPlane(eaxc, seq, true, FrameId(frames), 3, 1, 2),
        _ => TimingFrames.UPlane(eaxc, seq, false, FrameId(frames), 3, 1, 2),
    };

    private static AnalysisReport Run(FronthaulAnalyzer analyzer, IEnumerable<(byte[] Frame, long TimestampNs)> frames)
    {
        long number = 0;
        foreach (var (frame, timestamp) in frames)
        {
            analyzer.Process(frame, timestamp, ++number);
        }

        return analyzer.BuildReport();
    }

    private static WindowReport WindowOf(AnalysisReport report, DelayWindow window) =>
        report.Timing.Windows.Single(w => w.Window == window);

    [TestCase(CaptureTap.Ru, DelayWindow.T2aCpDl, -429, -285)]
    [TestCase(CaptureTap.Ru, DelayWindow.T2aCpUl, -429, -285)]
    [TestCase(CaptureTap.Ru, DelayWindow.T2aUp, -428, -71)]
    [TestCase(CaptureTap.Ru, DelayWindow.Ta3, 20, 32)]
    [TestCase(CaptureTap.Du, DelayWindow.T1aCpDl, -429, -285)]
    [TestCase(CaptureTap.Du, DelayWindow.T1aCpUl, -300, -285)]
    [TestCase(CaptureTap.Du, DelayWindow.T1aUp, -196, -96)]
    [TestCase(CaptureTap.Du, DelayWindow.Ta4, 110, 180)]
    public void TimingWindows_must_count_edges_on_time_and_one_microsecond_outside_early_or_late(CaptureTap tap,
        DelayWindow window, int earliestUs, int latestUs)
    {
        // Hand-computed from fronthaul.md §4.5: advances are [−max, −min], lags [min, max] around air time.
        // eAxC 1: both edges and 1 µs inside each; eAxC 2: 1 µs before the earliest edge and 1 µs after the latest.
        (ushort Eaxc, long OffsetUs)[] placed =
        [
            (1, earliestUs), (1, latestUs), (1, earliestUs + 1), (1, latestUs - 1), (2, earliestUs - 1), (2, latestUs + 1),
        ];
        byte seq1 = 0, seq2 = 0;
        var frames = placed.Select(p => (MessageFor(window, p.Eaxc, p.Eaxc == 1 ? seq1++ : seq2++), AirNs() + (p.OffsetUs * Us)));
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(tap)), frames.ToList());

        var result = WindowOf(report, window);
        Assert.Multiple(() =>
        {
            Assert.That(report.Timing.Windows.Select(w => w.Window), Is.EqualTo(TimingWindows.ForTap(tap).ToArray()));
            Assert.That(result.Checked, Is.True);
            Assert.That(result.Limits, Is.EqualTo(new WindowLimits(earliestUs * Us, latestUs * Us)));
            Assert.That((result.Offsets.Early, result.Offsets.OnTime, result.Offsets.Late), Is.EqualTo((1L, 4L, 1L)));
            Assert.That(result.Offsets.MinUs, Is.EqualTo(earliestUs - 1));
            Assert.That(result.Offsets.MaxUs, Is.EqualTo(latestUs + 1));
            Assert.That(result.Offsets.MeanUs, Is.EqualTo(placed.Average(p => (double)p.OffsetUs)).Within(1e-9));
            Assert.That(result.Histogram, Is.EqualTo(placed.Select(p => p.OffsetUs).Order()
                .Select(us => new HistogramBin((int)us, 1)).ToArray()));
            Assert.That(result.PerEaxc.Select(e => (e.Eaxc, e.Offsets.Early, e.Offsets.OnTime, e.Offsets.Late)),
                Is.EqualTo(new[] { ((ushort)1, 0L, 4L, 0L), ((ushort)2, 1L, 0L, 1L) }));
            Assert.That(result.PerEaxc[1].Offsets.MinUs, Is.EqualTo(earliestUs - 1));
            Assert.That(report.CountOf(TimingWindows.EarlyRule(window)), Is.EqualTo(1));
            Assert.That(report.CountOf(TimingWindows.LateRule(window)), Is.EqualTo(1));
            Assert.That(report.Findings.Single(f => f.Rule == TimingWindows.EarlyRule(window)).Examples, Is.EqualTo(new long[] { 5 }));
            Assert.That(report.Findings.Single(f => f.Rule == TimingWindows.LateRule(window)).Examples, Is.EqualTo(new long[] { 6 }));
            Assert.That(report.Timing.Windows.Where(w => w.Window != window).Select(w => w.Offsets.Total), Is.All.Zero);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
            Assert.That(report.Verdict.Reasons, Has.Some.StartsWith(TimingWindows.LateRule(window).Id + ": 1 of 6 messages late"));
        });
    }

    [Test]
    public void TimingWindows_must_report_a_window_without_both_bounds_as_not_checked()
    {
        var delays = TimingProfiles.Windows.With(DelayParameter.T2aMaxUp, null).With(DelayParameter.Ta3Min, null).With(DelayParameter.Ta3Max, null);
        var frames = new List<(byte[], long)>
        {
            (MessageFor(DelayWindow.T2aCpDl, 1, 0), AirNs() - (300 * Us)), // first: it covers the DL U-plane
            (MessageFor(DelayWindow.T2aUp, 1, 0), AirNs() - (5000 * Us)),
            (MessageFor(DelayWindow.Ta3, 1, 0), AirNs() + (5000 * Us)),
        };
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru, delays)), frames);
        Assert.Multiple(() =>
        {
            Assert.That(WindowOf(report, DelayWindow.T2aUp).Checked, Is.False);
            Assert.That(WindowOf(report, DelayWindow.T2aUp).Reason, Is.EqualTo("the profile does not give t2a-max-up"));
            Assert.That(WindowOf(report, DelayWindow.Ta3).Reason, Is.EqualTo("the profile gives neither ta3-min nor ta3-max"));
            Assert.That(WindowOf(report, DelayWindow.T2aUp).Offsets.Total, Is.Zero);
            Assert.That(WindowOf(report, DelayWindow.T2aCpDl).Checked, Is.True);
            Assert.That(WindowOf(report, DelayWindow.T2aCpDl).Offsets.OnTime, Is.EqualTo(1));
            Assert.That(report.Findings, Is.Empty);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Pass));
        });
    }

    [Test]
    public void TimingWindows_must_not_check_timing_when_the_tap_is_unknown()
    {
        var frames = new List<(byte[], long)>
        {
            (MessageFor(DelayWindow.T2aCpDl, 1, 0), AirNs() - (300 * Us)), // covers the DL U-plane (C/U correlation)
            (MessageFor(DelayWindow.T2aUp, 1, 0), AirNs() - (5000 * Us)),
        };
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(tap: null)), frames);
        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(report));
        var windows = json.RootElement.GetProperty("windows");
        Assert.Multiple(() =>
        {
            Assert.That(report.Timing.Tap, Is.Null);
            Assert.That(report.Timing.NotCheckedReason, Does.StartWith("the capture tap is not known"));
            Assert.That(report.Timing.Windows, Is.Empty);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive), "no window judged: a PASS needs evidence");
            Assert.That(report.Verdict.Reasons, Has.Some.Contains("--tap ru|du"));
            Assert.That(windows.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(
                Enum.GetValues<DelayWindow>().Select(TimingWindows.Name)));
            Assert.That(windows.EnumerateObject().Select(p => p.Value.GetProperty("checked").GetBoolean()), Is.All.False);
            Assert.That(json.RootElement.GetProperty("timing").GetProperty("checked").GetBoolean(), Is.False);
        });
    }

    [Test]
    public void TimingWindows_must_prefer_the_tap_given_over_the_profile_tap()
    {
        var frames = new List<(byte[], long)> { (MessageFor(DelayWindow.Ta3, 1, 0), AirNs() + (25 * Us)) };
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Du), CaptureTap.Ru), frames);
        Assert.That(report.Timing.Tap, Is.EqualTo(CaptureTap.Ru));
        Assert.That(WindowOf(report, DelayWindow.Ta3).Offsets.OnTime, Is.EqualTo(1));
    }

    [Test]
    public void TimingWindows_must_resolve_the_frameId_wrap_and_flag_a_frameId_far_from_the_timestamp()
    {
        // Frames TargetFrame and TargetFrame + 256 share a frameId, 2.56 s apart; each packet 300 µs before its own air time.
        // The third message claims a frameId 3 frames (30 ms) away from its timestamp.
        var frames = new List<(byte[], long)>
        {
            (MessageFor(DelayWindow.T2aCpDl, 1, 0), AirNs() - (300 * Us)),
            (MessageFor(DelayWindow.T2aCpDl, 1, 1, frames: 256), AirNs(256) - (300 * Us)),
            (MessageFor(DelayWindow.T2aCpDl, 1, 2, frames: 3), AirNs() - (300 * Us)),
        };
        Assert.That(FrameId(256), Is.EqualTo(FrameId()));
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru)), frames);
        var cpdl = WindowOf(report, DelayWindow.T2aCpDl);
        Assert.Multiple(() =>
        {
            Assert.That(cpdl.Offsets.OnTime, Is.EqualTo(2));
            Assert.That((cpdl.Offsets.MinUs, cpdl.Offsets.MaxUs), Is.EqualTo(((double?)-300, (double?)-300)));
            Assert.That(report.Timing.FrameIdMismatch, Is.EqualTo(1));
            Assert.That(report.CountOf(RuleCatalogue.TimingFrameIdMismatch), Is.EqualTo(1));
            Assert.That(report.Findings.Single().Examples, Is.EqualTo(new long[] { 3 }));
        });
    }

    [Test]
    public void TimingWindows_must_pass_late_messages_within_the_profile_threshold()
    {
        var frames = new List<(byte[], long)>();
        for (int i = 0; i < 10; i++)
        {
            long offsetUs = i == 9 ? -100 : -300; // one late message of ten
            frames.Add((MessageFor(DelayWindow.T2aCpDl, 1, (byte)i), AirNs() + (offsetUs * Us)));
        }

        var lenient = TimingProfiles.Synthetic(CaptureTap.Ru) with { VerdictThresholds = new VerdictThresholds { Late = 0.1m } };
        var strictReport = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru)), frames);
        var lenientReport = Run(new FronthaulAnalyzer(lenient), frames);
        Assert.Multiple(() =>
        {
            Assert.That(strictReport.Verdict.Value, Is.EqualTo(Verdict.Fail));
            Assert.That(strictReport.Verdict.Reasons.Single(), Does.StartWith("TIMING-T2A-CP-DL-LATE: 1 of 10 messages late"));
            Assert.That(lenientReport.CountOf(RuleCatalogue.TimingT2aCpDlLate), Is.EqualTo(1));
            Assert.That(lenientReport.Verdict.Value, Is.EqualTo(Verdict.Pass));
        });
    }

    [Test]
    public void TimingWindows_must_give_nearest_rank_percentiles_at_one_microsecond()
    {
        // Ta3 offsets 1..1000 µs (+0.5 µs so the exact values sit inside their bins): rank r holds r µs + 0.5.
        var frames = new List<(byte[], long)>();
        for (int i = 1; i <= 1000; i++)
        {
            frames.Add((MessageFor(DelayWindow.Ta3, 1, (byte)i), AirNs() + (i * Us) + 500));
        }

        var ta3 = WindowOf(Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru)), frames), DelayWindow.Ta3);
        Assert.Multiple(() =>
        {
            Assert.That(ta3.Offsets.Percentiles, Is.EqualTo(new OffsetPercentiles(500, 900, 990, 999)));
            Assert.That(ta3.Offsets.MeanUs, Is.EqualTo(501.0).Within(1e-9));
            Assert.That((ta3.Offsets.Early, ta3.Offsets.OnTime, ta3.Offsets.Late), Is.EqualTo((19L, 12L, 969L)));
            Assert.That(ta3.Histogram, Has.Length.EqualTo(1000));
            Assert.That(ta3.PerEaxc.Single().Offsets.Percentiles, Is.EqualTo(ta3.Offsets.Percentiles));
        });
    }

    [Test]
    public void TimingWindows_must_judge_the_shared_capture_on_the_ru_windows()
    {
        // testplans/captures/README.md: frame 5 UL C-plane ST3 for sf 3 slot 0 symbol 0 at −128.125 µs, frame 6 UL
        // C-plane ST1 at −300 µs, frame 7 DL U-plane at −150 µs. RU windows: t2a-cp-ul [−429, −285], t2a-up [−428, −71].
        var analyzer = new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru));
        using (var reader = new CaptureFileReader(TestPaths.SharedCapture))
        {
            while (reader.TryReadNext(out var frame))
            {
                analyzer.Process(frame);
            }

            reader.ThrowIfFailed();
        }

        var report = analyzer.BuildReport();
        var cpul = WindowOf(report, DelayWindow.T2aCpUl);
        var up = WindowOf(report, DelayWindow.T2aUp);
        Assert.Multiple(() =>
        {
            Assert.That((cpul.Offsets.Early, cpul.Offsets.OnTime, cpul.Offsets.Late), Is.EqualTo((0L, 1L, 1L)));
            Assert.That((cpul.Offsets.MinUs, cpul.Offsets.MaxUs), Is.EqualTo(((double?)-300, (double?)-128.125)));
            Assert.That(cpul.Histogram, Is.EqualTo(new[] { new HistogramBin(-300, 1), new HistogramBin(-129, 1) }));
            Assert.That(cpul.PerEaxc.Select(e => (e.Eaxc, e.Offsets.OnTime, e.Offsets.Late)),
                Is.EqualTo(new[] { ((ushort)1, 1L, 0L), ((ushort)4, 0L, 1L) }));
            Assert.That((up.Offsets.OnTime, up.Offsets.MinUs, up.Offsets.MaxUs), Is.EqualTo((1L, (double?)-150, (double?)-150)));
            Assert.That(up.Histogram, Is.EqualTo(new[] { new HistogramBin(-150, 1) }));
            // Frame 7 (DL U-plane without DL C-plane) is not evaluated: its C-plane may precede the capture start.
            Assert.That(report.Findings.Single().Rule, Is.EqualTo(RuleCatalogue.TimingT2aCpUlLate));
            Assert.That(report.Findings.Single().Examples, Is.EqualTo(new long[] { 5 }));
            Assert.That(report.Timing.FrameIdMismatch, Is.Zero);
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
        });
    }

    [Test]
    public void TimingWindows_must_not_allocate_per_message_after_warm_up()
    {
        var frames = new List<(byte[] Frame, long Timestamp)>();
        for (int i = 0; i < 400; i++)
        {
            var window = TimingWindows.ForTap(CaptureTap.Ru)[i % 4];
            frames.Add((MessageFor(window, (ushort)(1 + (i % 3)), (byte)(i / 12)), AirNs() + (((i % 900) - 450) * Us)));
        }

        var analyzer = new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru));
        for (int i = 0; i < 24; i++)
        {
            analyzer.Process(frames[i].Frame, frames[i].Timestamp, i + 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 24; i < frames.Count; i++)
        {
            analyzer.Process(frames[i].Frame, frames[i].Timestamp, i + 1);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void AnalysisReportJson_must_write_the_windows_of_the_tap()
    {
        var frames = new List<(byte[], long)>
        {
            (MessageFor(DelayWindow.T2aCpDl, 1, 0), AirNs() - (300 * Us)),
            (MessageFor(DelayWindow.T2aCpDl, 1, 1), AirNs() - (100 * Us)),
        };
        var report = Run(new FronthaulAnalyzer(TimingProfiles.Synthetic(CaptureTap.Ru)), frames);
        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(report));
        var windows = json.RootElement.GetProperty("windows");
        var cpdl = windows.GetProperty("t2a-cp-dl");
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(ReportContract.TopLevelKeys));
            Assert.That(windows.EnumerateObject().Select(p => p.Name), Is.EqualTo(RuWindowNames));
            Assert.That(cpdl.EnumerateObject().Select(p => p.Name), Is.EqualTo(WindowKeys));
            Assert.That(cpdl.GetProperty("checked").GetBoolean(), Is.True);
            Assert.That(cpdl.GetProperty("onTime").GetInt64(), Is.EqualTo(1));
            Assert.That(cpdl.GetProperty("late").GetInt64(), Is.EqualTo(1));
            Assert.That(cpdl.GetProperty("minUs").GetDouble(), Is.EqualTo(-300));
            Assert.That(cpdl.GetProperty("meanUs").GetDouble(), Is.EqualTo(-200));
            Assert.That(cpdl.GetProperty("percentiles").GetProperty("p99.9").GetDouble(), Is.EqualTo(-100));
            Assert.That(cpdl.GetProperty("histogram").EnumerateArray()
                .Select(bin => (bin[0].GetInt32(), bin[1].GetInt64())), Is.EqualTo(new[] { (-300, 1L), (-100, 1L) }));
            Assert.That(cpdl.GetProperty("perEaxc")[0].GetProperty("eAxC").GetInt32(), Is.EqualTo(1));
            Assert.That(cpdl.GetProperty("perEaxc")[0].TryGetProperty("histogram", out _), Is.False);
            Assert.That(windows.GetProperty("ta3").GetProperty("minUs").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(json.RootElement.GetProperty("timing").GetProperty("tap").GetString(), Is.EqualTo("ru"));
        });
    }
}
