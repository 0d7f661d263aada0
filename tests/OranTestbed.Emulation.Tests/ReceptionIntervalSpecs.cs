using OranTestbed.Analysis;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Emulation.Reports;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// The analyzer's per-interval reception tallies at the O-RU tap, on the bytes of an emulated capture that starts
/// mid-second (at an SFN-0 frame, as real recordings start anywhere): they sum to the whole-capture window counts, split
/// at whole seconds of capture time exactly as the emulated O-RU's own per-interval counters do (its classification is
/// independent: it decodes the frames it receives), and the O-RU's counters checked against them agree — unless the
/// O-RU reports only half of its late messages (<c>mplane-wrong-counters</c>), which fails naming interval and counter.
/// </summary>
[TestFixture]
public sealed class ReceptionIntervalSpecs
{
    private static (PairEmulation Emulation, Analysis.Reports.AnalysisReport Report) Run(CaptureTap tap, long durationMs = 1_300)
    {
        var du = new Personality("test/du", NodeRole.Du, [new LateBurstDefect(0.01, length: 2)]);
        var options = Emulate.Options(Emulate.Profile("n3-20mhz-fdd-mu0"), du, durationMs: durationMs, tap: tap);
        var emulation = new PairEmulation(options);
        var analyzer = new FronthaulAnalyzer(options.Profile, options.EffectiveTap);
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
        }

        return (emulation, analyzer.BuildReport());
    }

    private static DeviceReceptionInterval Reported(IntervalReceptionCounters interval, double? lateReported = null)
    {
        var counts = RxWindowCounts.From(interval.Counters).ReportedWith(lateReported);
        return new DeviceReceptionInterval(interval.StartNs, interval.EndNs, new ReceptionCounts(counts.Early, counts.OnTime, counts.Late),
            new ReceptionCounts(counts.EarlyC, counts.OnTimeC, counts.LateC));
    }

    [Test]
    public void Analyzer_series_must_sum_to_the_capture_and_split_at_whole_seconds_as_the_o_ru_counts()
    {
        var (emulation, report) = Run(CaptureTap.Ru);
        var series = report.Timing.Reception;
        var windows = report.Timing.Windows.ToDictionary(w => w.Window);
        var ru = emulation.RuIntervals;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(series.Available, Is.True, series.NotAvailableReason);
            Assert.That(series.FirstNs!.Value % 1_000_000_000, Is.Not.Zero, "the capture starts mid-second");
            Assert.That(series.Intervals, Has.Length.EqualTo(2), "the 1.3 s capture spans two whole-second intervals");
            Assert.That(series.Intervals.All(i => i.StartNs % 1_000_000_000 == 0 && i.EndNs - i.StartNs == 1_000_000_000));
            var u = series.Intervals.Aggregate(default(ReceptionCounts), (sum, i) => sum + i.UPlane);
            var c = series.Intervals.Aggregate(default(ReceptionCounts), (sum, i) => sum + i.CPlane);
            var up = windows[DelayWindow.T2aUp].Offsets;
            Assert.That(u, Is.EqualTo(new ReceptionCounts(up.Early, up.OnTime, up.Late)));
            var dl = windows[DelayWindow.T2aCpDl].Offsets;
            var ul = windows[DelayWindow.T2aCpUl].Offsets;
            Assert.That(c, Is.EqualTo(new ReceptionCounts(dl.Early + ul.Early, dl.OnTime + ul.OnTime, dl.Late + ul.Late)));
            Assert.That(u.Late, Is.GreaterThan(0), "the O-DU's late bursts");
            Assert.That(ru.Select(i => (i.StartNs, i.EndNs)), Is.EqualTo(series.Intervals.Select(i => (i.StartNs, i.EndNs))));
            Assert.That(series.Intervals.Select(i => i.UPlane),
                Is.EqualTo(ru.Select(i => new ReceptionCounts(i.Counters.T2aUp.Early, i.Counters.T2aUp.OnTime, i.Counters.T2aUp.Late))),
                "the same messages on the same side of the boundary");
        }
    }

    [Test]
    public void A_clean_o_ru_must_agree_and_one_reporting_half_its_late_messages_must_fail_naming_interval_and_counter()
    {
        var (emulation, report) = Run(CaptureTap.Ru, durationMs: 2_300);
        var series = report.Timing.Reception;

        var clean = ReceptionCounterCheck.Compare(series, [.. emulation.RuIntervals.Select(i => Reported(i))]);
        var wrong = ReceptionCounterCheck.Compare(series, [.. emulation.RuIntervals.Select(i => Reported(i, 0.5))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clean.Verdict, Is.EqualTo(Verdict.Pass), clean.Reason);
            Assert.That(clean.Agreeing, Is.EqualTo(1), "only the whole second inside the capture is evaluated");
            Assert.That(clean.NotEvaluated, Is.EqualTo(2), "the partial first and last seconds");
            Assert.That(wrong.Verdict, Is.EqualTo(Verdict.Fail));
            var inside = wrong.Intervals.Single(i => i.Verdict == Verdict.Fail).Reported;
            Assert.That(wrong.Reason, Does.Contain(ReceptionCounterCheck.Span(inside)).And.Contain("RX_LATE: O-RU"));
            Assert.That(ReceptionCounterCheck.Describe(wrong), Has.Some.Contains("DISAGREE").And.Some.Contains("not evaluated"));
        }
    }

    [Test]
    public void A_finer_grid_given_by_the_caller_must_split_the_same_messages_on_its_own_boundaries()
    {
        var options = Emulate.Options(Emulate.Profile("n3-20mhz-fdd-mu0"), durationMs: 350);
        var emulation = new PairEmulation(options);
        var analyzer = new FronthaulAnalyzer(options.Profile, CaptureTap.Ru) { ReceptionIntervalNanoseconds = 100_000_000 };
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
        }

        var report = analyzer.BuildReport();
        var series = report.Timing.Reception;
        var up = report.Timing.Windows.Single(w => w.Window == DelayWindow.T2aUp).Offsets;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(series.IntervalNs, Is.EqualTo(100_000_000));
            Assert.That(series.Intervals, Has.Length.InRange(4, 5));
            Assert.That(series.Intervals.All(i => i.StartNs % 100_000_000 == 0 && i.EndNs - i.StartNs == 100_000_000));
            Assert.That(series.Intervals.Sum(i => i.UPlane.Total), Is.EqualTo(up.Total));
            Assert.That(series.Intervals[0].StartNs, Is.LessThanOrEqualTo(series.FirstNs!.Value));
            Assert.That(series.Intervals[^1].EndNs, Is.GreaterThan(series.LastNs!.Value));
        }
    }

    [Test]
    public void At_the_o_du_tap_there_must_be_no_series_and_the_check_must_be_inconclusive()
    {
        var (emulation, report) = Run(CaptureTap.Du, durationMs: 300);

        var comparison = ReceptionCounterCheck.Compare(report.Timing.Reception, [.. emulation.RuIntervals.Select(i => Reported(i))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Timing.Reception.Intervals, Is.Empty);
            Assert.That(report.Timing.Reception.NotAvailableReason, Does.Contain("O-DU port"));
            Assert.That(comparison.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(comparison.Reason, Does.Contain("O-DU port"));
        }
    }
}
