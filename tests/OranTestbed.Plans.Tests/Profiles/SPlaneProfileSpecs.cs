using static OranTestbed.Plans.Tests.Profiles.ProfileText;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Profiles;

namespace OranTestbed.Plans.Tests.Profiles;

/// <summary>The <c>s-plane</c> key: time-error limits from a built-in mask, overridden key by key (issue 17).</summary>
public class SPlaneProfileSpecs
{
    private const string F = Source + ":";

    [Test]
    public void SPlane_must_take_the_limits_of_a_built_in_mask()
    {
        var limits = Parse(Plus("s-plane: {mask: g8273.2-class-c}")).SPlane!;

        Assert.Multiple(() =>
        {
            Assert.That(limits.Mask, Is.EqualTo("g8273.2-class-c"));
            Assert.That(limits.MaxAbsTeNanoseconds, Is.EqualTo(30));
            Assert.That(limits.CteNanoseconds, Is.EqualTo(10));
            Assert.That(limits.MtieMask!.LimitAt(1), Is.EqualTo(10));
            Assert.That(limits.TdevMask!.LimitAt(100), Is.EqualTo(2));
            Assert.That(limits.MinPairs, Is.EqualTo(16));
        });
    }

    [Test]
    public void SPlane_must_let_each_key_override_the_mask()
    {
        var limits = Parse(Plus("s-plane:", "  mask: g8271.1-c", "  max-abs-te: 1.5us", "  cte: 50ns",
            "  mtie-mask: g8273.2-class-a", "  tdev-mask: g8273.2-class-b", "  cte-window: 100s", "  min-pairs: 64")).SPlane!;

        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxAbsTeNanoseconds, Is.EqualTo(1500));
            Assert.That(limits.CteNanoseconds, Is.EqualTo(50));
            Assert.That(limits.CteWindowSeconds, Is.EqualTo(100));
            Assert.That(limits.MtieMask!.Name, Is.EqualTo("g8273.2-class-a"));
            Assert.That(limits.MtieMask.LimitAt(10), Is.EqualTo(40));
            Assert.That(limits.TdevMask!.LimitAt(10), Is.EqualTo(4));
            Assert.That(limits.MinPairs, Is.EqualTo(64));
        });
    }

    [Test]
    public void SPlane_must_survive_the_profile_writer()
    {
        var profile = Parse(Plus("s-plane: {mask: g8273.2-class-b, max-abs-te: 1100ns}"));
        var again = FronthaulProfileLoader.Parse(FronthaulProfileWriter.Write(profile), Source).SPlane!;

        Assert.Multiple(() =>
        {
            Assert.That(again.MaxAbsTeNanoseconds, Is.EqualTo(1100));
            Assert.That(again.CteNanoseconds, Is.EqualTo(20));
            Assert.That(again.MtieMask!.Name, Is.EqualTo("g8273.2-class-b"));
            Assert.That(again.TdevMask!.Name, Is.EqualTo("g8273.2-class-b"));
        });
    }

    [Test]
    public void SPlane_must_report_an_unknown_mask_at_its_line_and_column()
    {
        Assert.That(Errors(Plus("s-plane: {mask: g8273.2-class-e}")), Is.EqualTo(new[]
        {
            F + "13:17: s-plane.mask: expected one of " + string.Join(", ", TimeErrorMasks.Names) + ", got 'g8273.2-class-e'",
        }));
    }

    [Test]
    public void SPlane_must_report_unknown_keys_durations_without_unit_and_masks_without_MTIE()
    {
        Assert.That(Errors(Plus("s-plane:", "  max-abs-te: 1100", "  mtie-mask: g8271.1-c", "  cte-limit: 5ns")),
            Is.EqualTo(new[]
            {
                F + "14:15: s-plane.max-abs-te: '1100' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): write 1100us or 1100ns (units ns, us, ms, s)",
                F + "15:14: s-plane.mtie-mask: g8271.1-c has no MTIE mask: use g8273.2-class-a, g8273.2-class-b or g8273.2-class-c",
                F + "16:3: s-plane.cte-limit: unknown key; s-plane takes mask, max-abs-te, max-abs-te-low-pass, cte, cte-window, mtie-mask, tdev-mask, min-pairs",
            }));
    }

    [Test]
    public void SPlane_must_refuse_a_block_that_sets_no_limit()
    {
        Assert.That(Errors(Plus("s-plane: {min-pairs: 32}")), Has.Some.StartsWith(F + "13:").And.Some.Contains("sets no limit"));
    }
}
