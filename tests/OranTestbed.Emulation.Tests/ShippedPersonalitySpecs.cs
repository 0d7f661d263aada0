using OranTestbed.Analysis.Verdicts;
using OranTestbed.Emulation.Tests.Support;
using OranTestbed.Plans.Personalities;
using OranTestbed.TestSupport;

namespace OranTestbed.Emulation.Tests;

/// <summary>
/// The demo lab's personalities (testplans/personalities) over the shipped profiles give a mixed matrix: clean pairs
/// PASS, and every other pair FAILs with exactly the findings of the defects that struck, counted as injected.
/// </summary>
public sealed class ShippedPersonalitySpecs
{
    private static readonly string[] Profiles = ["n78-100mhz-4t4r-liteon", "n3-20mhz-fdd-mu0"];
    private static readonly string[] Dus = ["xylem/xd-100", "polaris/pd-7"];
    private static readonly string[] Rus = ["ymir/yr-400", "quasar/q-300", "radian/rr-800", "zephyr/zr-200"];

    public static IEnumerable<TestCaseData> Pairs() =>
        from profile in Profiles
        from du in Dus
        from ru in Rus
        select new TestCaseData(profile, du, ru).SetArgDisplayNames($"{du} + {ru} on {profile}");

    [TestCaseSource(nameof(Pairs))]
    public void Shipped_pair_must_analyse_as_its_personalities_say(string profile, string du, string ru)
    {
        string folder = Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");
        var options = Emulate.Options(Emulate.Profile(profile), PersonalityLoader.LoadById(folder, du),
            PersonalityLoader.LoadById(folder, ru), durationMs: 30, seed: 11);
        var (emulation, analysis) = Emulate.AndAnalyze(options);
        var struck = emulation.Defects.Where(d => d.Count > 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Findings.Select(f => (f.Rule.Id, f.Count)),
                Is.EquivalentTo(struck.Select(d => (d.ExpectedRuleId, d.Count))), analysis.Describe());
            Assert.That(analysis.Verdict.Value, Is.EqualTo(struck.Count == 0 ? Verdict.Pass : Verdict.Fail),
                analysis.Describe());
            if (du == "polaris/pd-7")
            {
                Assert.That(struck.Select(d => d.Kind), Does.Contain(DefectKind.SequenceGaps), "Polaris skips ids");
            }

            if (ru == "quasar/q-300")
            {
                Assert.That(struck.Select(d => d.Kind), Does.Contain(DefectKind.LateBursts), "Quasar is late");
            }

            if (ru == "zephyr/zr-200")
            {
                Assert.That(struck.Any(d => d.Kind == DefectKind.WrongUdCompHdr),
                    Is.EqualTo(options.Profile.UplinkCompression.UdCompHdrPresent), "only dynamic compression shows it");
            }
        });
    }
}
