using System.Text.Json;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>
/// Passive two-way time error at the tap (issue 17) on generated captures whose offsets, delays and corrections are
/// known to 2^-16 ns: the figures must be exact, whatever the message pattern.
/// </summary>
public class TimeErrorSpecs
{
    private static readonly double[] MtieBeyond512 = [512.0, 1024.0];
    private static readonly double[] TdevBeyond512 = [256.0, 512.0, 1024.0];
    private static readonly string[] MaxAbsAndCte = ["PTP-TE-MAX-ABS", "PTP-TE-CTE"];

    private static TimeErrorReport Run(TimeErrorTraffic traffic, double seconds = 4) =>
        TimeErrorRun.Of(traffic.Run(seconds).Analyze());

    [TestCase(250.0, TestName = "TimeError_must_measure_a_tap_250ns_ahead_of_the_master_as_plus_250ns_exactly")]
    [TestCase(-250.0, TestName = "TimeError_must_measure_a_tap_250ns_behind_the_master_as_minus_250ns_exactly")]
    [TestCase(0.375, TestName = "TimeError_must_keep_sub_nanosecond_offsets_exactly")]
    [TestCase(-1234.5, TestName = "TimeError_must_measure_a_negative_fractional_offset_exactly")]
    public void TimeError_must_measure_known_offsets_exactly(double offset)
    {
        var te = Run(new TimeErrorTraffic { TapOffsetNs = _ => offset });

        Assert.Multiple(() =>
        {
            Assert.That(te.Evaluated, Is.True, te.Reason);
            Assert.That(te.Reason, Is.Null);
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(offset), "exact, no tolerance");
            Assert.That(te.MaxAbsTwoWayNs, Is.EqualTo(Math.Abs(offset)));
            Assert.That(te.MinTwoWayNs, Is.EqualTo(offset));
            Assert.That(te.MaxTwoWayNs, Is.EqualTo(offset));
            Assert.That(te.MeanPathDelayNs, Is.EqualTo(1000));
            Assert.That(te.CteNs, Is.EqualTo(offset).Within(1e-9));
            Assert.That(te.CaptureTimeScale, Is.EqualTo("utc"));
            Assert.That(te.UtcOffsetSeconds, Is.EqualTo(37));
            Assert.That(te.Pairs, Is.EqualTo(63), "Delay_Req every 1/16 s from 20 ms over 4 s");
            Assert.That(te.UnpairedReverse + te.SyncsWithoutFollowUp + te.Duplicates + te.OutOfRange, Is.Zero);
            Assert.That(te.Mtie.All(p => p.Nanoseconds == 0), Is.True, "a constant offset has no MTIE");
            Assert.That(te.SampleIntervalSeconds, Is.EqualTo(1.0 / 16));
        });
    }

    [Test]
    public void TimeError_must_show_half_a_path_asymmetry_and_the_mean_path_delay()
    {
        var te = Run(new TimeErrorTraffic { ForwardDelayNs = 3000, ReverseDelayNs = 1000 });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(1000), "(3 µs − 1 µs)/2");
            Assert.That(te.MeanPathDelayNs, Is.EqualTo(2000), "(3 µs + 1 µs)/2");
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void TimeError_must_read_one_step_and_two_step_masters_alike(bool twoStep)
    {
        var te = Run(new TimeErrorTraffic { TwoStep = twoStep, TapOffsetNs = _ => 77.25 });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(77.25));
            Assert.That(te.ForwardSamples, Is.EqualTo(64));
        });
    }

    [Test]
    public void TimeError_must_apply_correctionField_fractions_of_Sync_Follow_Up_Delay_Req_and_Delay_Resp()
    {
        // A transparent clock before the tap adds 1000.5 ns to the Sync; the slave's Delay_Req carries 17.25 ns
        // already at the tap, which the master copies into Delay_Resp: it is not on the tap-to-master path.
        var te = Run(new TimeErrorTraffic
        {
            TapOffsetNs = _ => 0.5,
            SyncResidenceNs = 1000.5,
            DelayReqCorrectionNs = 17.25,
            ForwardDelayNs = 2000.125,
            ReverseDelayNs = 1999.875,
        });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(0.5 + 0.125));
            Assert.That(te.MeanPathDelayNs, Is.EqualTo(2000));
        });
    }

    [Test]
    public void TimeError_must_skip_Syncs_without_Follow_Up_and_Delay_Req_without_Delay_Resp()
    {
        var te = Run(new TimeErrorTraffic
        {
            TapOffsetNs = _ => 40,
            KeepFollowUp = i => i % 3 != 0,
            KeepDelayResp = j => j % 5 != 0,
        });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(40));
            Assert.That(te.SyncsWithoutFollowUp, Is.EqualTo(22), "Syncs 0, 3, … 63");
            Assert.That(te.ForwardSamples, Is.EqualTo(64 - 22));
            Assert.That(te.Pairs, Is.EqualTo(63 - 13), "Delay_Req 0, 5, … 60 unanswered");
        });
    }

    [Test]
    public void TimeError_must_pair_across_a_sequenceId_wrap()
    {
        var te = Run(new TimeErrorTraffic { TapOffsetNs = _ => -3, FirstSequence = 65_500 }, seconds: 10);

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(-3));
            Assert.That(te.ForwardSamples, Is.EqualTo(160));
            Assert.That(te.Pairs, Is.EqualTo(159));
            Assert.That(te.SyncsWithoutFollowUp + te.FollowUpsWithoutSync + te.DelayRespWithoutRequest, Is.Zero);
        });
    }

    [Test]
    public void TimeError_must_pair_a_Follow_Up_captured_before_its_Sync()
    {
        var te = Run(new TimeErrorTraffic { TapOffsetNs = _ => 12, FollowUpLag = -1000 });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(12));
            Assert.That(te.ForwardSamples, Is.EqualTo(64));
            Assert.That(te.FollowUpsWithoutSync + te.SyncsWithoutFollowUp, Is.Zero);
        });
    }

    [Test]
    public void TimeError_must_count_a_repeated_Sync_once()
    {
        var te = Run(new TimeErrorTraffic { TapOffsetNs = _ => 5, DuplicateSync = i => i % 8 == 0 });

        Assert.Multiple(() =>
        {
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(5));
            Assert.That(te.ForwardSamples, Is.EqualTo(64));
            Assert.That(te.Duplicates, Is.EqualTo(8));
            Assert.That(te.SyncsWithoutFollowUp, Is.Zero);
        });
    }

    [Test]
    public void TimeError_must_take_a_capture_clock_on_TAI_as_is()
    {
        var te = Run(new TimeErrorTraffic { CaptureOnUtc = false, TapOffsetNs = _ => 250 });

        Assert.Multiple(() =>
        {
            Assert.That(te.CaptureTimeScale, Is.EqualTo("tai"));
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(250));
        });
    }

    [Test]
    public void TimeError_must_not_be_evaluated_when_no_Announce_places_a_UTC_capture_clock()
    {
        var te = Run(new TimeErrorTraffic { Announces = false, TapOffsetNs = _ => 250 });

        Assert.Multiple(() =>
        {
            Assert.That(te.Evaluated, Is.False);
            Assert.That(te.Reason, Does.Contain("cannot be placed on the PTP time scale").And.Contain("no Announce"));
            Assert.That(te.TwoWayMeanNs, Is.Null, "never a number");
            Assert.That(te.MaxAbsTwoWayNs, Is.Null);
            Assert.That(te.MeanPathDelayNs, Is.Null);
            Assert.That(te.Mtie, Is.Empty);
        });
    }

    [Test]
    public void TimeError_must_not_be_evaluated_for_an_ARB_master_37s_from_the_capture_clock()
    {
        var te = Run(new TimeErrorTraffic { PtpTimescale = false });

        Assert.Multiple(() =>
        {
            Assert.That(te.Evaluated, Is.False);
            Assert.That(te.Reason, Does.Contain("ARB"));
            Assert.That(te.TwoWayMeanNs, Is.Null);
        });
    }

    [Test]
    public void TimeError_must_give_a_slave_port_no_figures()
    {
        var report = new TimeErrorTraffic().Run(2).Analyze();
        var slave = report.Ptp.Clocks.Single(c => c.PortIdentity == PtpTraffic.Slave).TimeError;

        Assert.Multiple(() =>
        {
            Assert.That(slave.IsMaster, Is.False);
            Assert.That(slave.Evaluated, Is.False);
            Assert.That(slave.Reason, Does.Contain("no Sync"));
        });
    }

    [Test]
    public void TimeError_must_follow_sinusoidal_wander_with_the_closed_form_MTIE_and_TDEV()
    {
        const double amplitude = 50, period = 32, seconds = 512;
        var te = Run(new TimeErrorTraffic
        {
            TapOffsetNs = t => amplitude * Math.Sin(2 * Math.PI * t / 1e9 / period),
            DelayReqPhase = 0,
        }, seconds);

        Assert.That(te.Evaluated, Is.True, te.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(te.MaxAbsTwoWayNs, Is.EqualTo(amplitude).Within(0.1));
            Assert.That(te.TwoWayMeanNs, Is.EqualTo(0).Within(0.5));
            foreach (var point in te.Mtie)
            {
                double tau = point.TauSeconds;
                double expected = tau <= period / 2 ? 2 * amplitude * Math.Abs(Math.Sin(Math.PI * tau / period)) : 2 * amplitude;
                Assert.That(point.Nanoseconds, Is.EqualTo(expected).Within(0.005 * 2 * amplitude), $"MTIE({tau} s)");
            }

            foreach (var point in te.Tdev)
            {
                double x = Math.PI * point.TauSeconds / period;
                double expected = 2 * amplitude / Math.Sqrt(3) * Math.Abs(Math.Pow(Math.Sin(x), 3)) / x;
                Assert.That(point.Nanoseconds, Is.EqualTo(expected).Within(0.03 * 2 * amplitude / Math.Sqrt(3)),
                    $"TDEV({point.TauSeconds} s)");
            }

            Assert.That(te.Mtie.Max(p => p.TauSeconds), Is.EqualTo(256), "τ0·2^k up to the 512 s capture");
            Assert.That(te.MtieNotEvaluated, Is.EqualTo(MtieBeyond512), "longer than the 511.9 s observed");
            Assert.That(te.Tdev.Max(p => p.TauSeconds), Is.EqualTo(128), "a third of the capture at most");
            Assert.That(te.TdevNotEvaluated, Is.EqualTo(TdevBeyond512));
            Assert.That(te.DteMtie.Last().Nanoseconds, Is.LessThan(te.Mtie.Last().Nanoseconds),
                "the 0.1 Hz low-pass attenuates a 1/32 Hz wander (|H| = 0.95)");
        });
    }

    [Test]
    public void TimeError_must_report_too_few_pairs_INCONCLUSIVE_against_a_mask()
    {
        TimeErrorMasks.TryGet(TimeErrorMasks.G8273ClassA, out var classA);
        var report = new TimeErrorTraffic { TapOffsetNs = _ => 10 }.Run(0.5).Analyze(classA);
        var te = TimeErrorRun.Of(report);

        Assert.Multiple(() =>
        {
            Assert.That(te.Evaluated, Is.False);
            Assert.That(te.Pairs, Is.EqualTo(7));
            Assert.That(te.Reason, Does.Contain("fewer than the 16 needed"));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(report.Verdict.Reasons, Has.Some.Contains("S-plane time error of").And.Contains("not evaluated"));
        });
    }

    [TestCase(TimeErrorMasks.G8273ClassA, 20.0, 0.0, new string[0])]
    [TestCase(TimeErrorMasks.G8273ClassB, 80.0, 0.0, new[] { "PTP-TE-MAX-ABS", "PTP-TE-CTE" })]
    [TestCase(TimeErrorMasks.G8271NetworkLimitC, 1000.0, 0.0, new string[0])]
    [TestCase(TimeErrorMasks.G8271NetworkLimitC, 1200.0, 0.0, new[] { "PTP-TE-MAX-ABS" })]
    [TestCase(TimeErrorMasks.G8273ClassA, 0.0, 30.0, new[] { "PTP-TE-MTIE-MASK", "PTP-TE-TDEV-MASK" })]
    [TestCase(TimeErrorMasks.G8273ClassC, 0.0, 0.0, new string[0])]
    public void TimeError_must_be_judged_against_the_mask(string mask, double offset, double wander, string[] broken)
    {
        TimeErrorMasks.TryGet(mask, out var limits);
        var report = new TimeErrorTraffic
        {
            TapOffsetNs = t => offset + (wander * Math.Sin(2 * Math.PI * t / 1e9 / 64)),
        }.Run(70).Analyze(limits);
        var te = TimeErrorRun.Of(report);
        var teRules = report.Findings.Select(f => f.Rule.Id).Where(id => id.StartsWith("PTP-TE-", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(te.Evaluated, Is.True, te.Reason);
            Assert.That(teRules, Is.EquivalentTo(broken));
            Assert.That(te.Checks.Where(c => !c.Pass).Select(c => c.RuleId), Is.SubsetOf(broken));
            if (te.MtieMask is { } mtie)
            {
                Assert.That(mtie.Evaluated, Is.True);
                Assert.That(mtie.Points.Min(p => p.TauSeconds), Is.EqualTo(1.0 / 16));
                Assert.That(mtie.Points.Max(p => p.TauSeconds), Is.EqualTo(64), "capture of 70 s");
            }

            if (broken.Length > 0)
            {
                Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
                Assert.That(report.Verdict.Reasons, Has.Some.Contains(broken[0] + " ").And.Contains(" ns > "),
                    "the figures behind the finding");
            }
        });
    }

    [Test]
    public void TimeError_must_be_in_the_JSON_report_of_every_clock()
    {
        TimeErrorMasks.TryGet(TimeErrorMasks.G8273ClassC, out var classC);
        var report = new TimeErrorTraffic { TapOffsetNs = _ => 250 }.Run(4).Analyze(classC);
        using var json = JsonDocument.Parse(AnalysisReportJson.ToJson(report));
        var clocks = json.RootElement.GetProperty("ptp").GetProperty("clocks").EnumerateArray().ToList();
        var master = clocks.Single(c => c.GetProperty("timeError").GetProperty("evaluated").GetBoolean());
        var te = master.GetProperty("timeError");
        var slave = clocks.Single(c => !c.GetProperty("timeError").GetProperty("evaluated").GetBoolean())
            .GetProperty("timeError");

        Assert.Multiple(() =>
        {
            Assert.That(te.GetProperty("pairs").GetInt32(), Is.EqualTo(63));
            Assert.That(te.GetProperty("twoWayMeanNs").GetDouble(), Is.EqualTo(250));
            Assert.That(te.GetProperty("maxAbsTwoWayNs").GetDouble(), Is.EqualTo(250));
            Assert.That(te.GetProperty("meanPathDelayNs").GetDouble(), Is.EqualTo(1000));
            Assert.That(te.GetProperty("reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(te.GetProperty("mtie")[0][0].GetDouble(), Is.EqualTo(0.0625));
            Assert.That(te.GetProperty("tdev")[0].GetArrayLength(), Is.EqualTo(2));
            Assert.That(te.GetProperty("mtieMask").GetProperty("name").GetString(), Is.EqualTo("g8273.2-class-c"));
            Assert.That(te.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString()),
                Is.EquivalentTo(MaxAbsAndCte));
            Assert.That(te.GetProperty("asymmetryNote").GetString(), Does.Contain("half"));
            Assert.That(te.GetProperty("series").GetArrayLength(), Is.EqualTo(63), "TE over time, every pair under 1000");
            Assert.That(te.GetProperty("series")[1][1].GetDouble(), Is.EqualTo(250));
            Assert.That(slave.GetProperty("twoWayMeanNs").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(slave.GetProperty("reason").GetString(), Does.Contain("no Sync"));
            Assert.That(report.CountOf(RuleCatalogue.PtpTimeErrorMaxAbs), Is.EqualTo(1), "250 ns > class C 30 ns");
        });
    }

    [Test]
    public void TimeError_must_be_plotted_in_the_HTML_report_against_the_mask()
    {
        TimeErrorMasks.TryGet(TimeErrorMasks.G8273ClassA, out var classA);
        var report = new TimeErrorTraffic { TapOffsetNs = t => 30 * Math.Sin(2 * Math.PI * t / 1e9 / 64) }.Run(70).Analyze(classA);
        using var html = new StringWriter();
        AnalysisHtmlWriter.Write(html, report, "time error");
        string text = html.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("<h2>S-plane time error</h2>"));
            Assert.That(text, Does.Contain("<svg class=\"te-over-time\""));
            Assert.That(text, Does.Contain("<svg class=\"te-mtie\""));
            Assert.That(text, Does.Contain("<svg class=\"te-tdev\""));
            Assert.That(text, Does.Contain("class=\"mask\""), "the mask drawn");
            Assert.That(text, Does.Contain("fill=\"#c62828\""), "failing intervals in red");
            Assert.That(text, Does.Contain("PTP-TE-MAX-ABS"));
        });
    }

    [Test]
    public void TimeError_must_not_fail_a_rule_the_profile_makes_a_warning()
    {
        TimeErrorMasks.TryGet(TimeErrorMasks.G8271NetworkLimitC, out var limitC);
        var report = new TimeErrorTraffic { TapOffsetNs = _ => 1200 }.Run(4).Analyze(limitC, warningRule: "PTP-TE-MAX-ABS");

        Assert.Multiple(() =>
        {
            Assert.That(report.Findings.Single(f => f.Rule == RuleCatalogue.PtpTimeErrorMaxAbs).Severity,
                Is.EqualTo(RuleSeverity.Warning));
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive), "no C/U-plane traffic, and no FAIL");
            Assert.That(report.Verdict.Reasons, Has.None.Contains("PTP-TE-MAX-ABS"));
        });
    }
}
