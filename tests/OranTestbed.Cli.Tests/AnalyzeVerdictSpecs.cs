using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture.Live;
using OranTestbed.Cli.Commands;

namespace OranTestbed.Cli.Tests;

/// <summary>How <c>analyze</c> combines the analyzer's verdict with the completeness of the capture, and its exit codes.</summary>
public class AnalyzeVerdictSpecs
{
    private static readonly VerdictOutcome Passed = new(Verdict.Pass, ["2 C-plane and 2 U-plane frames without error-severity findings"]);
    private static readonly VerdictOutcome Failed = new(Verdict.Fail, ["TIMING-T2A-UP-LATE: 1 of 2 messages late"]);

    private static AnalyzeCaptureInfo Live(CaptureHealth health) =>
        new("live", "eth9", null, null, health.FramesDelivered, health, null, true, TimeSpan.FromSeconds(2));

    private static CaptureHealth Health(long kernel = 0, long iface = 0, long consumer = 0, bool statistics = true) => new()
    {
        FramesCaptured = 100, FramesDelivered = 100 - consumer, KernelDropped = kernel, InterfaceDropped = iface,
        ConsumerDroppedFrames = consumer, StatisticsAvailable = statistics,
    };

    [Test]
    public void Analyze_must_keep_pass_for_a_lossless_live_run()
    {
        var verdict = AnalyzeRunner.Combine(Passed, Live(Health()));
        Assert.That(verdict, Is.EqualTo(Passed).Using<VerdictOutcome>((a, b) => a.Value == b.Value && a.Reasons.SequenceEqual(b.Reasons)));
    }

    [TestCase(3, 0, 0, true)]
    [TestCase(0, 2, 0, true)]
    [TestCase(0, 0, 7, true)]
    [TestCase(0, 0, 0, false)]
    public void Analyze_must_never_pass_a_live_run_with_drops_or_without_drop_counters(long kernel, long iface, long consumer,
        bool statistics)
    {
        var verdict = AnalyzeRunner.Combine(Passed, Live(Health(kernel, iface, consumer, statistics)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Value, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(verdict.Reasons.Single(), Does.StartWith(statistics
                ? $"the live capture lost {kernel + iface + consumer} frame(s) (kernel {kernel}, interface {iface}, consumer {consumer})"
                : "the live capture could not read the kernel drop counters"));
            Assert.That(AnalyzeRunner.ExitCodeOf(verdict.Value), Is.EqualTo(2));
        }
    }

    [Test]
    public void Analyze_must_keep_fail_when_the_live_run_also_dropped_frames()
    {
        var verdict = AnalyzeRunner.Combine(Failed, Live(Health(kernel: 5)));
        Assert.That((verdict.Value, verdict.Reasons.Single()), Is.EqualTo((Verdict.Fail, Failed.Reasons[0])));
    }

    [TestCase(Verdict.Pass, 0)]
    [TestCase(Verdict.Fail, 1)]
    [TestCase(Verdict.Inconclusive, 2)]
    public void Analyze_exit_code_must_follow_the_verdict(Verdict verdict, int exit) =>
        Assert.That(AnalyzeRunner.ExitCodeOf(verdict), Is.EqualTo(exit));
}
