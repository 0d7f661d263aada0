using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Profiles;
using OranTestbed.Plans.Yaml;
using OranTestbed.TestSupport;

namespace OranTestbed.Plans.Tests.Profiles;

/// <summary>Every profile shipped in testplans/profiles loads, and the samples say what their comments say.</summary>
public class ShippedProfileSpecs
{
    private static string ProfilesDirectory => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles");

    private static IEnumerable<string> ShippedProfiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles"), "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    private static FronthaulProfile Load(string file) => FronthaulProfileLoader.Load(Path.Combine(ProfilesDirectory, file));

    [Test]
    public void Shipped_profiles_must_exist()
    {
        Assert.That(ShippedProfiles().Count(), Is.GreaterThanOrEqualTo(5));
    }

    [TestCaseSource(nameof(ShippedProfiles))]
    public void FronthaulProfileLoader_must_load_every_shipped_profile(string file)
    {
        FronthaulProfile? profile = null;
        Assert.That(() => profile = Load(file), Throws.Nothing,
            () => file + ": " + TryLoad(file)?.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile!.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)), "name matches the file name");
            Assert.That(profile.Description, Is.Not.Null.And.Not.Empty);
            Assert.That(profile.DelayManagement.CheckConsistency().Where(f => f.IsError), Is.Empty);
        }
    }

    [Test]
    public void The_n78_LiteOn_profile_must_carry_the_OAI_LiteOn_windows()
    {
        var p = Load("n78-100mhz-4t4r-liteon.yaml");
        var d = p.DelayManagement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.Carrier.Numerology, Is.EqualTo(1));
            Assert.That(p.Carrier.SubcarrierSpacingKHz, Is.EqualTo(30));
            Assert.That(p.Carrier.Prbs, Is.EqualTo(273));
            Assert.That(p.Carrier.BandwidthMHz, Is.EqualTo(100));
            Assert.That(p.Carrier.FrequencyRange, Is.EqualTo(FrequencyRange.Fr1));
            Assert.That(p.Duplex, Is.EqualTo(DuplexMode.Tdd));
            Assert.That(p.TddPattern!.Slots, Is.EqualTo("DDDSU"));
            Assert.That(p.TddPattern.Special, Is.EqualTo(new SpecialSlotSplit(10, 2, 2)));
            Assert.That(d.Bounds(DelayWindow.T1aCpDl), Is.EqualTo(new DelayWindowBounds(285_000, 429_000)));
            Assert.That(d.Bounds(DelayWindow.T1aCpUl), Is.EqualTo(new DelayWindowBounds(285_000, 429_000)));
            Assert.That(d.Bounds(DelayWindow.T1aUp), Is.EqualTo(new DelayWindowBounds(96_000, 196_000)));
            Assert.That(d.Bounds(DelayWindow.Ta4), Is.EqualTo(new DelayWindowBounds(110_000, 180_000)));
            Assert.That(d.Bounds(DelayWindow.T2aCpDl), Is.EqualTo(new DelayWindowBounds(285_000, 429_000)));
            Assert.That(d.Bounds(DelayWindow.T2aCpUl), Is.EqualTo(new DelayWindowBounds(285_000, 429_000)));
            Assert.That(d.Bounds(DelayWindow.T2aUp), Is.EqualTo(new DelayWindowBounds(125_000, 428_000)));
            Assert.That(d.Bounds(DelayWindow.Ta3), Is.EqualTo(new DelayWindowBounds(130_000, 170_000)));
            Assert.That(d.Get(DelayParameter.TcpAdvDl), Is.EqualTo(125_000));
            Assert.That(d.CheckConsistency().Single(f => !f.IsError).Parameter, Is.EqualTo(DelayParameter.T2aMinCpDl),
                "285 us is not 125 + 125 us: informational only");
            Assert.That(p.Tap, Is.EqualTo(CaptureTap.Ru));
            Assert.That(p.VerdictThresholds, Is.EqualTo(VerdictThresholds.Strict with { OutOfOrder = 0 }), "written out: out-of-order judged too");
        }
    }

    [Test]
    public void The_benchmark_profile_must_give_the_benchmark_capture_decode_options()
    {
        // tools/OranTestbed.Benchmarks/Generation/TrafficProfile.DecodeOptions (not referenced: a tool, not a library).
        var p = Load("benchmark-273prb-bfp9.yaml");
        var options = p.ToDecodeOptions();
        var bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.EaxcBits, Is.EqualTo(new EaxcBitWidths(4, 4, 4, 4)));
            Assert.That(options.DownlinkCompression, Is.EqualTo(bfp9));
            Assert.That(options.UplinkCompression, Is.EqualTo(bfp9));
            Assert.That(options.UdCompHdrPresent, Is.False);
            Assert.That(options.DownlinkUdCompHdrPresent, Is.False);
            Assert.That(options.UplinkUdCompHdrPresent, Is.False);
            Assert.That(options.CarrierPrbs, Is.EqualTo(273));
            Assert.That(options.EcpriUdpPort, Is.Null);
            Assert.That(p.VlanId, Is.EqualTo(100));
            Assert.That(p.TddPattern!.ToString(), Is.EqualTo("DDDSU (S = 10:2:2)"));
        }
    }

    [Test]
    public void The_FR2_profile_must_have_66_PRBs_and_a_TAI_capture_clock()
    {
        var p = Load("n257-100mhz-fr2-mu3.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.Carrier.Prbs, Is.EqualTo(66));
            Assert.That(p.Carrier.FrequencyRange, Is.EqualTo(FrequencyRange.Fr2));
            Assert.That(p.Carrier.SlotNanoseconds, Is.EqualTo(125_000));
            Assert.That(p.EcpriUdpPort, Is.EqualTo(5000));
            Assert.That(p.ToDecodeOptions().EcpriUdpPort, Is.EqualTo(5000));
            Assert.That(p.CaptureClock, Is.EqualTo(TimeScale.Tai));
            Assert.That(p.Duplex, Is.EqualTo(DuplexMode.Tdd), "a tdd-pattern implies TDD");
            Assert.That(p.DownlinkCompression.UdCompHdrPresent, Is.False, "comp-hdr defaults to false");
        }
    }

    [Test]
    public void The_mu0_profile_must_be_FDD_with_106_PRBs_dynamic_compression_and_a_late_allowance()
    {
        var p = Load("n3-20mhz-fdd-mu0.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(p.Carrier.Prbs, Is.EqualTo(106));
            Assert.That(p.Duplex, Is.EqualTo(DuplexMode.Fdd));
            Assert.That(p.TddPattern, Is.Null);
            Assert.That(p.ToDecodeOptions().UdCompHdrPresent, Is.True);
            Assert.That(p.EaxcBits, Is.EqualTo(EaxcBitWidths.Default));
            Assert.That(p.VerdictThresholds.Late, Is.EqualTo(0.0001m));
            Assert.That(p.VerdictThresholds.Lost, Is.Zero);
            Assert.That(p.Tap, Is.EqualTo(CaptureTap.Du));
        }
    }

    private static PlanValidationException? TryLoad(string file)
    {
        try
        {
            Load(file);
            return null;
        }
        catch (PlanValidationException ex)
        {
            return ex;
        }
    }
}
