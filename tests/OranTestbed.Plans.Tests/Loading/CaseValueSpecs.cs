using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Iot.Procedure;
using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>Test cases: procedures an orchestrator can perform, metrics with a source and a reachable threshold, durations.</summary>
public class CaseValueSpecs
{
    private const string C = Root + "/" + Cases + ":";

    [Test]
    public void A_case_must_load_its_procedure_as_typed_steps()
    {
        var throughput = Mini().Load().FindCase("throughput")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(throughput.Group, Is.EqualTo(TestCaseGroup.CuPlane));
            Assert.That(throughput.Procedure.Select(s => s.Kind), Is.EqualTo(new[]
            {
                StepKind.Configure, StepKind.StartTraffic, StepKind.Capture, StepKind.StopTraffic,
            }));
            Assert.That(throughput.Procedure[1], Is.EqualTo(new StartTrafficStep(TrafficDirection.Downlink, 1m)));
            Assert.That(throughput.Procedure[2], Is.EqualTo(new CaptureStep(TimeSpan.FromSeconds(20))));
            Assert.That(throughput.Metrics.Single().Threshold.ToString(), Is.EqualTo(">= 0.8"));
            Assert.That(throughput.Requires.OCu, Is.True);
        }
    }

    [Test]
    public void A_case_must_refuse_an_analyze_before_a_capture_and_traffic_left_running()
    {
        var errors = Mini().With(Cases, 9, "      - analyze").With(Cases, 10, "      - start-traffic: {direction: ul}").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "8:7: cases[0].procedure: the procedure leaves traffic running: end it with stop-traffic",
            C + "9:9: cases[0].procedure[1]: analyze needs a capture step before it",
        }));
    }

    [Test]
    public void A_case_must_refuse_a_stop_without_a_start_and_a_start_while_running()
    {
        var errors = Mini().With(Cases, 35, "      - stop-traffic").With(Cases, 37, "      - start-traffic: {direction: dl}").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "35:9: cases[2].procedure[0]: stop-traffic without a start-traffic before it",
            C + "37:9: cases[2].procedure[2]: traffic is already running: stop-traffic first",
        }));
    }

    [Test]
    public void A_case_must_refuse_a_metric_whose_source_the_procedure_does_not_produce()
    {
        Assert.That(Mini().With(Cases, 10, "      - wait: {duration: 1s}").Errors(), Is.EqualTo(new[]
        {
            C + "12:7: cases[0].metrics: metric 'late-ratio' comes from analyzer, but the procedure has no analyze step",
        }));
        Assert.That(Mini().With(Cases, 12, "      - {id: rx-late, description: late, unit: count, source: o-ru-counters, threshold: \"<= 0\"}").Errors(),
            Is.EqualTo(new[] { C + "12:7: cases[0].metrics: metric 'rx-late' comes from o-ru-counters, but the procedure has no query-counters step of the o-ru" }));
    }

    [Test]
    public void A_case_must_refuse_an_expected_duration_shorter_than_its_captures_and_waits()
    {
        Assert.That(Mini().With(Cases, 41, "    expected-duration: 15s").Errors(), Is.EqualTo(new[]
        {
            C + "41:24: cases[2].expected-duration: 15s is shorter than the procedure's captures and waits alone (20s)",
        }));
    }

    [TestCase("\"< 0\"", "'< 0' can never be met: a ratio is within 0..1")]
    [TestCase("\"> 1\"", "'> 1' can never be met: a ratio is within 0..1")]
    [TestCase("\">= 1.5\"", "'1.5' is outside 0..1: write a fraction such as 0.05, or a percentage such as 1.5%")]
    [TestCase("\"0.5\"", "'0.5' is not a threshold: write a comparison (<, <=, ==, >=, >) and a value, e.g. >= 0.8 or <= 0.1%")]
    public void A_case_must_refuse_a_threshold_no_measurement_can_meet(string threshold, string message)
    {
        var errors = Mini().With(Cases, 12, "      - {id: late-ratio, description: late, unit: ratio, source: analyzer, threshold: " + threshold + "}").Errors();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith(C + "12:").And.EndWith("cases[0].metrics[0].threshold: " + message));
    }

    [Test]
    public void A_case_must_require_a_condition_exactly_when_conditionally_mandatory()
    {
        Assert.That(Mini().With(Cases, 5, "    status: conditionally-mandatory").Errors(), Is.EqualTo(new[]
        {
            C + "3:5: cases[0].condition: required key is missing: when a conditionally mandatory case applies, in words",
        }));
        Assert.That(Mini().Plus(Cases, "    condition: always").Errors(), Is.EqualTo(new[]
        {
            C + "42:16: cases[2].condition: only a conditionally-mandatory case has a condition",
        }));
    }

    [Test]
    public void A_case_must_refuse_unknown_steps_and_step_parameters()
    {
        var errors = Mini()
            .With(Cases, 8, "      - configur")
            .With(Cases, 9, "      - capture: {duration: 10s, rate: fast}")
            .With(Cases, 10, "      - analyze: {deep: true}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "8:9: cases[0].procedure[0]: 'configur' is not a procedure step; did you mean 'configure'?",
            C + "9:34: cases[0].procedure[1].capture.rate: unknown key; cases[0].procedure[1].capture takes duration",
            C + "10:18: cases[0].procedure[2].analyze: analyze takes no parameters: write - analyze",
        }));
    }

    [Test]
    public void A_case_must_require_the_offset_of_a_shift_and_refuse_a_zero_capture()
    {
        var errors = Mini()
            .With(Cases, 8, "      - impair: {action: shift-c-plane}")
            .With(Cases, 9, "      - capture: {duration: 0s}")
            .Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            C + "8:17: cases[0].procedure[0].impair.offset: required key is missing: how much earlier (negative) or later the messages go, e.g. 50us",
            C + "9:29: cases[0].procedure[1].capture.duration: a capture must be longer than 0",
        }));
    }

    [Test]
    public void A_case_must_read_a_configured_compression_as_a_requirement()
    {
        var plan = Mini().With(Cases, 8, "      - configure: {compression: {method: bfp, iq-width: 14, comp-hdr: true}, transport-delay: 80us}").Load();
        var timing = plan.FindCase("timing")!;
        var configure = (ConfigureStep)timing.Procedure[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timing.CompressionOverride!.Static.IqWidth, Is.EqualTo(14));
            Assert.That(timing.CompressionOverride.UdCompHdrPresent, Is.True);
            Assert.That(configure.TransportDelay, Is.EqualTo(TimeSpan.FromMicroseconds(80)));
        }
    }

    [Test]
    public void A_case_file_must_accept_YAML_anchors_for_shared_procedures_and_metrics()
    {
        var plan = Mini()
            .With(Cases, 7, "    procedure: &steps")
            .With(Cases, 11, "    metrics: &late")
            .With(Cases, 21, "    procedure: *steps")
            .With(Cases, 22, null).With(Cases, 22, null).With(Cases, 22, null)
            .With(Cases, 22, "    metrics: *late")
            .With(Cases, 23, null)
            .Load();
        Assert.That(plan.FindCase("prach")!.Metrics.Single().Id, Is.EqualTo("late-ratio"));
    }
}
