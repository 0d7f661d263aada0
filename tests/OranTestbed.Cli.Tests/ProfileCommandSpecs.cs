using System.CommandLine;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>decode --profile</c> and <c>profile check</c> through the real program.</summary>
public class ProfileCommandSpecs
{
    private static string ProfilesDirectory => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles");

    /// <summary>The shipped profile of the reference capture: 4/4/4/4, udCompHdr in U-plane sections, BFP 9.</summary>
    private static string SharedCaptureProfile => Path.Combine(ProfilesDirectory, "synthetic-capture.yaml");

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-profile-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("jsonl", "--iq")]
    [TestCase("text")]
    [TestCase("count")]
    public void Decode_with_a_profile_must_print_what_the_same_explicit_options_print(string format, params string[] more)
    {
        var withProfile = CliProcess.Run(
            ["decode", TestPaths.SharedCapture, "--profile", SharedCaptureProfile, "--format", format, .. more]);
        var explicitOptions = CliProcess.Run(
            ["decode", TestPaths.SharedCapture, "--eaxc-bits", "4,4,4,4", "--comp-hdr", "--dl-comp", "bfp:9", "--format", format, .. more]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withProfile.ExitCode, Is.Zero, withProfile.ToString());
            // The count format ends with the measured speed, which differs from run to run.
            Assert.That(Stable(withProfile), Is.EqualTo(Stable(explicitOptions)));
            Assert.That(withProfile.Lines, Has.Count.GreaterThanOrEqualTo(format == "count" ? 1 : 7));
        }
    }

    [Test]
    public void Decode_options_on_the_command_line_must_override_the_profile()
    {
        var overridden = CliProcess.Run("decode", TestPaths.SharedCapture, "--profile", SharedCaptureProfile,
            "--eaxc-bits", "2,6,4,4", "--comp-hdr", "false", "--format", "jsonl");
        var explicitOptions = CliProcess.Run("decode", TestPaths.SharedCapture, "--eaxc-bits", "2,6,4,4",
            "--dl-comp", "bfp:9", "--ul-comp", "bfp:9", "--format", "jsonl");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(overridden.ExitCode, Is.EqualTo(explicitOptions.ExitCode));
            Assert.That(overridden.Stdout, Is.EqualTo(explicitOptions.Stdout));
        }
    }

    [Test]
    public void DecodeOptionsBinder_must_take_the_profile_and_apply_only_the_options_given()
    {
        var profile = FronthaulProfileLoader.Load(Path.Combine(ProfilesDirectory, "n257-100mhz-fr2-mu3.yaml"));
        var wire = new DecodeOptionsBinder();
        var command = new Command("decode");
        wire.AddTo(command);
        var options = wire.Bind(command.Parse(["--eaxc-bits", "2,6,4,4", "--ul-comp", "mu-law:8"]), profile);
        var untouched = wire.Bind(command.Parse([]), profile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.EaxcBits, Is.EqualTo(new EaxcBitWidths(2, 6, 4, 4)));
            Assert.That(options.UplinkCompression, Is.EqualTo(UdCompHdr.From(CompressionMethod.MuLaw, 8)));
            Assert.That(options.DownlinkCompression, Is.EqualTo(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9)));
            Assert.That(options.CarrierPrbs, Is.EqualTo(66));
            Assert.That(options.EcpriUdpPort, Is.EqualTo(5000));
            Assert.That(untouched, Is.EqualTo(profile.ToDecodeOptions()));
        }
    }

    [Test]
    public void Decode_with_an_invalid_profile_must_print_every_error_with_its_position_and_exit_64()
    {
        string bad = Write("bad.yaml", "numerology: 7\nprbs: 273\neaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}\n"
            + "compression: {dl: {method: bfp, iq-width: 9}, ul: {method: bfp, iq-width: 9}}\nduplex: fdd\ntapp: ru\n");
        var result = CliProcess.Run("decode", TestPaths.SharedCapture, "--profile", bad);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain(bad + ":1:13: numerology: 7 is outside 0..3"));
            Assert.That(result.Stderr, Does.Contain(bad + ":6:1: tapp: unknown key; did you mean 'tap'?"));
        }
    }

    [Test]
    public void Profile_check_must_exit_0_when_every_profile_is_valid()
    {
        var files = Directory.GetFiles(ProfilesDirectory, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var result = CliProcess.Run(["profile", "check", .. files]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Lines.Count(l => l.Contains(": ok: ", StringComparison.Ordinal)), Is.EqualTo(files.Length));
            Assert.That(result.Stderr, Is.Empty);
        }
    }

    [Test]
    public void Profile_check_must_exit_64_and_list_every_error_of_every_invalid_file()
    {
        string first = Write("first.yaml", "numerology: 1\nprbs: 273\n");
        string second = Write("second.yaml", "numerology: 1\nbandwidth: 100MHz\nprbs: 270\n"
            + "eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}\n"
            + "compression: {dl: {method: bfp, iq-width: 9}, ul: {method: bfp, iq-width: 9}}\nduplex: fdd\n");
        var result = CliProcess.Run("profile", "check", first, SharedCaptureProfile, second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
            Assert.That(result.Stdout, Does.Contain(SharedCaptureProfile + ": ok: synthetic-capture"));
            Assert.That(result.Stderr, Does.Contain(first + ":1:1: eaxc-id-bits: required key is missing"));
            Assert.That(result.Stderr, Does.Contain(first + ":1:1: compression: required key is missing"));
            Assert.That(result.Stderr, Does.Contain(second + ":3:7: prbs: 270 PRBs disagrees with bandwidth 100 MHz at 30 kHz, which is 273 PRBs"));
            Assert.That(result.Stderr, Does.Contain("2 of 3 profile(s) invalid"));
        }
    }

    [Test]
    public void Profile_check_must_print_the_informational_delay_notes()
    {
        var result = CliProcess.Run("profile", "check", Path.Combine(ProfilesDirectory, "n78-100mhz-4t4r-liteon.yaml"));
        Assert.That(result.Stdout, Does.Contain("note: delay-management.t2a-min-cp-dl: t2a-min-cp-dl (285us) differs from "
            + "t2a-min-up + tcp-adv-dl (250us)"));
    }

    private static IEnumerable<string> Stable(CliResult result) =>
        result.Lines.Where(l => !l.StartsWith("decoded in ", StringComparison.Ordinal));

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
