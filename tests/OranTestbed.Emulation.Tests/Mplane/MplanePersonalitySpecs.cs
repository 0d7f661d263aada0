using OranTestbed.Plans.Yaml;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>The <c>mplane-…</c> defects of a personality file: read into <see cref="MplaneDefects"/>, errors at file:line.</summary>
[TestFixture]
public sealed class MplanePersonalitySpecs
{
    private const string Ru = "role: o-ru\n";

    [Test]
    public void PersonalityLoader_must_read_every_mplane_defect()
    {
        var personality = PersonalityLoader.Parse(Ru + """
            defects:
              late-bursts: {rate: 0.5%}
              mplane-wrong-revision: {revision: 2023-08-14}
              mplane-slow-commit: {delay: 5s}
              mplane-late-ready: {delay: 1500ms}
              mplane-watchdog-ignored: {}
              mplane-wrong-counters: {rx-late-reported: 10%}
            """, "x.yaml", "v/p");
        var d = personality.MplaneDefects;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.WrongUplaneConfRevision, Is.EqualTo("2023-08-14"));
            Assert.That(d.SlowCommit, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(d.LateReady, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(d.WatchdogIgnored, Is.True);
            Assert.That(d.RxLateReportedFraction, Is.EqualTo(0.1).Within(1e-9));
            Assert.That(personality.Defects.Select(f => f.Kind), Is.EqualTo((DefectKind[])[DefectKind.LateBursts]),
                "M-plane defects stay out of the fronthaul defects");
        }
    }

    [Test]
    public void PersonalityLoader_must_default_mplane_defect_parameters()
    {
        var d = PersonalityLoader.Parse(Ru + "defects:\n  mplane-wrong-revision: {}\n  mplane-wrong-counters: {}\n", "x.yaml", "v/p").MplaneDefects;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.WrongUplaneConfRevision, Is.EqualTo("2024-08-12"));
            Assert.That(d.RxLateReportedFraction, Is.EqualTo(0.5));
        }
    }

    [TestCase("  mplane-slow-commit: {}\n", 3, "defects.mplane-slow-commit.delay", "required")]
    [TestCase("  mplane-late-ready: {delay: 0ms}\n", 3, "defects.mplane-late-ready.delay", "1ms..10min")]
    [TestCase("  mplane-wrong-revision: {revision: v16}\n", 3, "defects.mplane-wrong-revision.revision", "YYYY-MM-DD")]
    [TestCase("  mplane-wrong-counters: {rx-late-reported: 100%}\n", 3, "defects.mplane-wrong-counters.rx-late-reported", "no defect")]
    [TestCase("  mplane-watchdog-ignored: {rate: 1%}\n", 3, "defects.mplane-watchdog-ignored.rate", "unknown key")]
    [TestCase("  mplane-slow-comit: {delay: 1s}\n", 3, "defects.mplane-slow-comit", "did you mean 'mplane-slow-commit'")]
    public void PersonalityLoader_must_name_file_line_and_key_of_a_bad_mplane_defect(string entry, int line, string path, string message)
    {
        var ex = Assert.Throws<PlanValidationException>(() => PersonalityLoader.Parse(Ru + "defects:\n" + entry, "ru.yaml", "v/p"));
        var error = ex.Errors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ToString(), Does.StartWith($"ru.yaml:{line}:"));
            Assert.That(error.ToString(), Does.Contain(path));
            Assert.That(error.ToString(), Does.Contain(message));
        }
    }

    [Test]
    public void Shipped_quasar_q_300_must_bring_its_carriers_up_late_and_nothing_else_on_the_m_plane()
    {
        string folder = Path.Combine(OranTestbed.TestSupport.TestPaths.RepositoryRoot, "testplans", "personalities");
        Assert.That(PersonalityLoader.LoadById(folder, "quasar/q-300").MplaneDefects,
            Is.EqualTo(new MplaneDefects { LateReady = TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public void PersonalityLoader_must_refuse_mplane_defects_on_an_o_du()
    {
        var ex = Assert.Throws<PlanValidationException>(() =>
            PersonalityLoader.Parse("role: o-du\ndefects:\n  mplane-watchdog-ignored: {}\n", "du.yaml", "v/p"));
        Assert.That(ex.Errors.Single().ToString(), Does.Contain("O-RU only"));
    }
}
