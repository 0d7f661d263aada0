using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.SPlane;
using OranTestbed.TestSupport;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>The S-plane cases' analyzer metrics: the PTP master's max|TE| and two-way mean at the tap, and no figure
/// (with the reason) when the time error could not be evaluated.</summary>
public sealed class TimeErrorMetricIdsSpecs
{
    [Test]
    public void Te_metrics_must_be_the_masters_two_way_time_error_in_ns()
    {
        var report = new TimeErrorTraffic { TapOffsetNs = _ => -250 }.Run(2).Analyze();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AnalyzerMetrics.IsKnown("te-max-abs") && AnalyzerMetrics.IsKnown("te-two-way-mean"), Is.True);
            Assert.That(AnalyzerMetrics.TryMeasure("te-max-abs", report, out decimal maxAbs, out string? note), Is.True, note);
            Assert.That(maxAbs, Is.EqualTo(250m).Within(0.01m));
            Assert.That(AnalyzerMetrics.TryMeasure("te-two-way-mean", report, out decimal mean, out _), Is.True);
            Assert.That(mean, Is.EqualTo(-250m).Within(0.01m), "the tap 250 ns behind the master");
        }
    }

    [Test]
    public void Te_metrics_must_not_be_measured_when_the_capture_cannot_be_placed_on_ptp_time()
    {
        var report = new TimeErrorTraffic { Announces = false }.Run(1).Analyze();

        bool measured = AnalyzerMetrics.TryMeasure("te-max-abs", report, out _, out string? note);

        Assert.That(measured, Is.False);
        Assert.That(note, Does.StartWith("no PTP master's time error could be evaluated: "));
    }
}
