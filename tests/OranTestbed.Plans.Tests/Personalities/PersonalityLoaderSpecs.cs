using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Yaml;
using OranTestbed.TestSupport;

namespace OranTestbed.Plans.Tests.Personalities;

public class PersonalityLoaderSpecs
{
    private const string Source = "testplans/personalities/acme/x.yaml";
    private const string F = Source + ":";

    private static readonly string[] DemoLabProducts =
        ["polaris/pd-7", "quasar/q-300", "radian/rr-800", "xylem/xd-100", "ymir/yr-400", "zephyr/zr-200"];

    private static readonly DefectKind[] PolarisDefects = [DefectKind.SequenceGaps, DefectKind.MissingCPlane];

    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");

    [Test]
    public void PersonalityLoader_must_load_every_shipped_personality_of_the_demo_lab()
    {
        Assert.That(PersonalityLoader.ListIds(Folder), Is.SupersetOf(DemoLabProducts));
        var byId = PersonalityLoader.ListIds(Folder).ToDictionary(id => id, id => PersonalityLoader.LoadById(Folder, id));
        Assert.Multiple(() =>
        {
            Assert.That(byId["xylem/xd-100"].Role, Is.EqualTo(NodeRole.Du));
            Assert.That(byId["xylem/xd-100"].Defects, Is.Empty);
            Assert.That(byId["polaris/pd-7"].Defects.Select(d => d.Kind),
                Is.EqualTo(PolarisDefects));
            Assert.That(byId["ymir/yr-400"].Role, Is.EqualTo(NodeRole.Ru));
            Assert.That(byId["ymir/yr-400"].Defects, Is.Empty);
            Assert.That(byId["radian/rr-800"].Defects, Is.Empty);
            Assert.That(byId["quasar/q-300"].Defect<LateBurstDefect>(), Is.EqualTo(new LateBurstDefect(0.005, 2, 15_000)));
            Assert.That(byId["zephyr/zr-200"].Defect<WrongUdCompHdrDefect>()!.Compression,
                Is.EqualTo(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 12)));
            Assert.That(byId["zephyr/zr-200"].Settings.AntennaPorts, Is.EqualTo(2));
            Assert.That(byId.Values.Select(p => p.Id), Is.EqualTo(byId.Keys));
        });
    }

    [Test]
    public void PersonalityLoader_must_read_percentages_durations_settings_and_every_defect_parameter()
    {
        var du = PersonalityLoader.Parse("""
            role: o-du
            description: all keys
            behaviour:
              dl-c-plane-advance: {mean: 300us, jitter: 5us, distribution: normal}
              dl-u-plane-advance: {mean: 25%, jitter: 0.5%}
            settings: {mtu: 9000, max-prbs-per-section: 273, antenna-ports: 8}
            defects:
              sequence-gaps: {rate: 0.1%, gap: 3, plane: c-plane}
              late-bursts: {rate: 0.002, length: 4, beyond: 30us}
              duplicates: {rate: 1%}
              wrong-ud-comp-hdr: {rate: 2%, method: none}
              prbs-beyond-carrier: {rate: 5%, extra-prbs: 6}
              missing-c-plane: {rate: 0.5%}
              wrong-eaxc-split: {rate: 100%, eaxc-id-bits: {du-port: 2, band-sector: 6, cc: 4, ru-port: 4}}
              clock-class-degradation: {rate: 10%, clock-class: 248, hold: 2s}
            """, Source, "acme/x");
        Assert.Multiple(() =>
        {
            Assert.That(du.Id, Is.EqualTo("acme/x"));
            Assert.That(du.Description, Is.EqualTo("all keys"));
            Assert.That(du.DuBehaviour.DlCPlaneAdvance, Is.EqualTo(new TimeDistribution(WindowTime.FromNanoseconds(300_000),
                WindowTime.FromNanoseconds(5_000), DistributionShape.Normal)));
            Assert.That(du.DuBehaviour.DlUPlaneAdvance, Is.EqualTo(new TimeDistribution(WindowTime.FromFraction(0.25),
                WindowTime.FromFraction(0.005), DistributionShape.Uniform)));
            Assert.That(du.DuBehaviour.UlCPlaneAdvance, Is.EqualTo(TimeDistribution.Default));
            Assert.That(du.Settings, Is.EqualTo(new ProductSettings(9000, 273, 8)));
            Assert.That(du.Defects, Is.EqualTo(new Defect[]
            {
                new SequenceGapDefect(0.001, 3, DefectPlane.CPlane),
                new LateBurstDefect(0.002, 4, 30_000),
                new DuplicateDefect(0.01),
                new WrongUdCompHdrDefect(0.02, UdCompHdr.From(CompressionMethod.None, 16)),
                new PrbsBeyondCarrierDefect(0.05, 6),
                new MissingCPlaneDefect(0.005),
                new WrongEaxcSplitDefect(1, new EaxcBitWidths(2, 6, 4, 4)),
                new ClockClassDegradationDefect(0.1, 248, 2_000_000_000),
            }));
        });
    }

    [Test]
    public void PersonalityLoader_must_report_every_error_with_file_line_column_and_key_path()
    {
        Assert.That(Errors("""
            role: o-ru
            behaviour:
              dl-u-plane-advance: {mean: 50%}
              ul-u-plane-delay: {mean: 150, jitter: 120%, distribution: gaussian}
            settings: {mtu: 100, antenna-port: 4}
            defects:
              missing-c-plane: {rate: 1%}
              late-bursts: {length: 0}
              sequence-gap: {rate: 1%}
              wrong-eaxc-split: {rate: 1, eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 8}}
            """), Is.EqualTo(new[]
        {
            F + "3:3: behaviour.dl-u-plane-advance: unknown key; behaviour takes ul-u-plane-delay",
            F + "4:28: behaviour.ul-u-plane-delay.mean: '150' has no unit, and a bare number is ambiguous (µs in xRAN and OAI files, ns in the YANG model): write 150us or 150ns (units ns, us, ms, s) (or a percentage of the window, e.g. 50%)",
            F + "4:41: behaviour.ul-u-plane-delay.jitter: '120%' is outside 0%..100%",
            F + "4:61: behaviour.ul-u-plane-delay.distribution: expected one of uniform, normal, got 'gaussian'",
            F + "5:17: settings.mtu: 100 is outside 256..9600",
            F + "5:22: settings.antenna-port: unknown key; did you mean 'antenna-ports'?",
            F + "7:20: defects.missing-c-plane: missing-c-plane is a defect of an O-DU only (the O-DU is the LLS-C1 grandmaster and sends C-plane)",
            F + "8:16: defects.late-bursts.rate: required key is missing: the probability per opportunity, e.g. 0.1% or 0.001",
            F + "8:25: defects.late-bursts.length: 0 is outside 1..1000",
            F + "9:3: defects.sequence-gap: unknown key; did you mean 'sequence-gaps'?",
            F + "10:45: defects.wrong-eaxc-split.eaxc-id-bits: the widths 4+4+4+8 = 20; they must sum to 16 (the eAxC id is 16 bits, O-RAN.WG4.CUS §5.1.3.1.6)",
        }));
    }

    [Test]
    public void PersonalityLoader_must_require_a_role()
    {
        Assert.That(Errors("description: nothing else"), Is.EqualTo(new[]
        {
            F + "1:1: role: required key is missing: one of o-du, o-ru",
        }));
    }

    [Test]
    public void PersonalityLoader_must_name_the_available_personalities_for_an_unknown_id()
    {
        var unknown = Assert.Throws<PlanValidationException>(() => PersonalityLoader.LoadById(Folder, "xylem/xd-999"))!;
        var malformed = Assert.Throws<PlanValidationException>(() => PersonalityLoader.LoadById(Folder, "Xylem XD-100"))!;
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Errors.Single().Message, Does.StartWith("no personality 'xylem/xd-999'; "));
            Assert.That(unknown.Errors.Single().Message, Does.Contain("xylem/xd-100"));
            Assert.That(malformed.Errors.Single().Message, Does.StartWith("a personality is named VENDOR/PRODUCT"));
        });
    }

    private static string[] Errors(string yaml)
    {
        var ex = Assert.Throws<PlanValidationException>(() => PersonalityLoader.Parse(yaml, Source, "acme/x"))!;
        return [.. ex.Errors.Select(e => e.ToString())];
    }
}
