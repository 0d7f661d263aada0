using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// The emulator places its traffic by the profile's TDD pattern (SlotSymbols) the way the analyzer reads it
/// (TddPatternChecker): clean traffic of every shipped TDD profile has no TDD finding, and the same traffic judged
/// against another pattern (a set-up whose O-DU and profile disagree) has all three.
/// </summary>
public sealed class TddPatternSpecs
{
    private static readonly string[] AllTddRules = ["TDD-DL-IN-UL-SLOT", "TDD-UL-IN-DL-SLOT", "TDD-SYMBOL-OUTSIDE-SPLIT"];

    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Ru)]
    [TestCase("n78-100mhz-4t4r-liteon", CaptureTap.Du)]
    [TestCase("n78-100mhz-tdd-bfp9-2644", CaptureTap.Ru)]
    [TestCase("n78-100mhz-tdd-bfp9-4246", CaptureTap.Du)]
    [TestCase("n257-100mhz-fr2-mu3", CaptureTap.Ru)]
    [TestCase("benchmark-273prb-bfp9", CaptureTap.Du)]
    public void Clean_traffic_of_a_shipped_tdd_profile_must_have_no_tdd_finding(string profileName, CaptureTap tap)
    {
        var profile = Emulate.Profile(profileName);
        Assert.That(profile.TddPattern, Is.Not.Null);
        var (_, analysis) = Emulate.AndAnalyze(Emulate.Options(profile, tap: tap, durationMs: 10));
        Assert.That(analysis.Findings.Where(f => f.Rule.Family == "TDD").Select(f => f.Rule.Id), Is.Empty,
            analysis.Describe());
    }

    [Test]
    public void Traffic_of_another_pattern_must_break_the_profiles_pattern()
    {
        // The O-DU runs DDDSU (10:2:2); the profile says SUDDD: slot 0 D→S (DL past the S slot's 10 DL symbols),
        // 1 D→U (DL in U), 3 S→D and 4 U→D (UL C-plane and U-plane in D).
        var profile = Emulate.Profile("n78-100mhz-4t4r-liteon");
        var options = Emulate.Options(profile, durationMs: 10);
        var emulation = new PairEmulation(options);
        var judged = profile with
        {
            TddPattern = TddPattern.Create("SUDDD", profile.TddPattern!.Special, 1, CyclicPrefix.Normal),
        };
        var analyzer = new Analysis.FronthaulAnalyzer(judged, options.EffectiveTap);
        while (emulation.TryReadNext(out var frame))
        {
            analyzer.Process(frame);
        }

        var analysis = analyzer.BuildReport();
        Assert.That(analysis.Findings.Where(f => f.Rule.Family == "TDD").Select(f => f.Rule.Id),
            Is.EquivalentTo(AllTddRules), analysis.Describe());
    }
}
