using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Emulation.Tests;

public sealed class CleanPairSpecs
{
    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Ru)]
    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Du)]
    public void Clean_pair_must_analyse_as_pass_with_every_message_on_time(string profileName, CaptureTap tap)
    {
        var options = Emulate.Options(Emulate.Profile(profileName), tap: tap);
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
}
