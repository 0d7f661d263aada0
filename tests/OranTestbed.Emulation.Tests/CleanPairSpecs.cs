using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Tests;

public sealed class CleanPairSpecs
{
    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Ru, 20)]
    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Du, 20)]
    [TestCase("n3-20mhz-fdd-mu0", CaptureTap.Ru, 20)]
    [TestCase("n3-20mhz-fdd-mu0", CaptureTap.Du, 20)]
    [TestCase("n257-100mhz-fr2-mu3", CaptureTap.Ru, 10)]
    [TestCase("n257-100mhz-fr2-mu3", CaptureTap.Du, 10)]
    public void Clean_pair_must_analyse_as_pass_with_every_message_on_time(string profileName, CaptureTap tap, int ms)
    {
        var options = Emulate.Options(Emulate.Profile(profileName), tap: tap, durationMs: ms);
        var (emulation, analysis) = Emulate.AndAnalyze(options);
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Findings, Is.Empty, analysis.Describe());
            Assert.That(analysis.Verdict.Value, Is.EqualTo(Verdict.Pass), analysis.Describe());
            Assert.That(emulation.Frames, Is.EqualTo(analysis.Packets.Total));
            foreach (var window in analysis.Timing.Windows)
            {
                Assert.That(window.Checked, Is.True, window.Name);
                Assert.That(window.Offsets.Early + window.Offsets.Late, Is.Zero, window.Name);
                Assert.That(window.Offsets.OnTime, Is.Positive, window.Name);
            }
        });
    }

    [Test]
    public void Ru_reception_counters_must_agree_with_the_analyzer_windows_at_the_ru_tap()
    {
        var late = new Personality("test/du", NodeRole.Du, [new LateBurstDefect(0.01, 2)]);
        var options = Emulate.Options(Emulate.Profile("n78-100mhz-4t4r-liteon"), late, tap: CaptureTap.Ru);
        var (emulation, analysis) = Emulate.AndAnalyze(options);
        var counters = emulation.RuCounters;
        Assert.Multiple(() =>
        {
            foreach (var window in new[] { DelayWindow.T2aCpDl, DelayWindow.T2aCpUl, DelayWindow.T2aUp })
            {
                var ours = counters.For(window);
                var theirs = analysis.Timing.Windows.Single(w => w.Window == window).Offsets;
                Assert.That((ours.Early, ours.OnTime, ours.Late), Is.EqualTo((theirs.Early, theirs.OnTime, theirs.Late)),
                    window.ToString());
            }

            Assert.That(counters.T2aUp.Late, Is.Positive, "the late bursts show in the counters");
            Assert.That(counters.UnknownEaxc + counters.Corrupt, Is.Zero);
        });
    }
}
