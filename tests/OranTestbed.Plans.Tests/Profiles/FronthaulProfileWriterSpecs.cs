using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Plans.Tests.Profiles;

/// <summary>A written profile reads back as the same profile: every shipped profile, and every part the writer may omit.</summary>
public sealed class FronthaulProfileWriterSpecs
{
    private static IEnumerable<string> ShippedProfiles() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles"), "*.yaml").Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ShippedProfiles))]
    public void A_shipped_profile_must_read_back_the_same_once_written(string file)
    {
        var original = FronthaulProfileLoader.Load(file);

        string yaml = FronthaulProfileWriter.Write(original, ["written by a spec"]);
        var again = FronthaulProfileLoader.Parse(yaml, "written.yaml");

        AssertSame(original, again, yaml);
        Assert.That(FronthaulProfileWriter.Write(again, ["written by a spec"]), Is.EqualTo(yaml), "writing is stable");
    }

    [Test]
    public void Every_optional_part_must_survive_the_round_trip()
    {
        var original = FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml")) with
        {
            Description = "a: \"quoted\" # not a comment",
            EcpriUdpPort = 4991,
            VlanId = 10,
            CaptureClock = TimeScale.Tai,
            GpsOffset = new FrameAlignment(1_500, -3),
            VerdictThresholds = new VerdictThresholds { Late = 0.001m, Early = 0.25m, Lost = 0, Duplicate = 0.5m, OutOfOrder = 0.01m, Malformed = 0 },
            RuleSeverities = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("COMP-BFP-EXPONENT-RANGE", "warning"),
            EaxcIds = [0, 1, 2, 3, 4096],
            Source = new ProfileSource("oru@[fd00::5]:830", new DateTimeOffset(2026, 12, 7, 20, 36, 0, TimeSpan.Zero)),
        };

        string yaml = FronthaulProfileWriter.Write(original);

        AssertSame(original, FronthaulProfileLoader.Parse(yaml, "written.yaml"), yaml);
    }

    [Test]
    public void A_profile_read_over_the_mplane_must_record_its_source_and_a_hand_written_one_must_not()
    {
        var handWritten = FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml"));
        var read = handWritten with
        {
            Source = new ProfileSource("oru@10.0.0.5:830", new DateTimeOffset(2026, 12, 7, 20, 36, 5, TimeSpan.Zero)),
        };

        string yaml = FronthaulProfileWriter.Write(read);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handWritten.Source, Is.Null);
            Assert.That(FronthaulProfileWriter.Write(handWritten), Does.Not.Contain("source:"));
            Assert.That(yaml, Does.Contain("source: {m-plane: \"oru@10.0.0.5:830\", read-at: 2026-12-07T20:36:05Z}"));
            Assert.That(FronthaulProfileLoader.Parse(yaml, "read.yaml").Source, Is.EqualTo(read.Source));
        }
    }

    [TestCase("source: {m-plane: \"oru@h:830\"}", "source.read-at")]
    [TestCase("source: {m-plane: \"oru@h:830\", read-at: 2026-12-07 20:36}", "source.read-at")]
    [TestCase("source: {m-plane: \"oru@h:830\", read-at: \"2026-12-07T20:36:00+01:00\"}", "source.read-at")]
    [TestCase("source: {read-at: 2026-12-07T20:36:00Z}", "source.m-plane")]
    [TestCase("eaxc-ids: [0, 70000]", "eaxc-ids")]
    [TestCase("eaxc-ids: 3", "eaxc-ids")]
    public void A_bad_source_or_eaxc_ids_must_be_refused_at_its_key(string line, string key)
    {
        string yaml = FronthaulProfileWriter.Write(FronthaulProfileLoader.Load(
            Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml"))) + line + "\n";

        Assert.That(() => FronthaulProfileLoader.Parse(yaml, "bad.yaml"),
            Throws.TypeOf<OranTestbed.Plans.Yaml.PlanValidationException>().With.Message.Contains(key));
    }

    private static void AssertSame(FronthaulProfile expected, FronthaulProfile actual, string yaml)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Name, Is.EqualTo(expected.Name), yaml);
            Assert.That(actual.Description, Is.EqualTo(expected.Description), yaml);
            Assert.That(actual.Carrier, Is.EqualTo(expected.Carrier), yaml);
            Assert.That(actual.EaxcBits, Is.EqualTo(expected.EaxcBits), yaml);
            Assert.That(actual.EcpriUdpPort, Is.EqualTo(expected.EcpriUdpPort), yaml);
            Assert.That(actual.VlanId, Is.EqualTo(expected.VlanId), yaml);
            Assert.That(actual.DownlinkCompression, Is.EqualTo(expected.DownlinkCompression), yaml);
            Assert.That(actual.UplinkCompression, Is.EqualTo(expected.UplinkCompression), yaml);
            Assert.That(actual.Duplex, Is.EqualTo(expected.Duplex), yaml);
            Assert.That(actual.TddPattern?.ToString(), Is.EqualTo(expected.TddPattern?.ToString()), yaml);
            Assert.That(actual.DelayManagement, Is.EqualTo(expected.DelayManagement), yaml);
            Assert.That(actual.CaptureClock, Is.EqualTo(expected.CaptureClock), yaml);
            Assert.That(actual.EaxcIds, Is.EqualTo(expected.EaxcIds), yaml);
            Assert.That(actual.Source, Is.EqualTo(expected.Source), yaml);
            Assert.That(actual.GpsOffset, Is.EqualTo(expected.GpsOffset), yaml);
            Assert.That(actual.Tap, Is.EqualTo(expected.Tap), yaml);
            Assert.That(actual.VerdictThresholds, Is.EqualTo(expected.VerdictThresholds), yaml);
            Assert.That(actual.RuleSeverities, Is.EquivalentTo(expected.RuleSeverities), yaml);
        }
    }
}
