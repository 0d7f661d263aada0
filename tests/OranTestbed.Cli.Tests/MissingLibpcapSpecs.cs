using OranTestbed.Capture;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// A host without libpcap: the commands that need it say once, at start-up, which package is missing and how to install
/// it, and exit 72, instead of failing later with "PlatformNotSupportedException: Operation is not supported on this
/// platform".
/// </summary>
public sealed class MissingLibpcapSpecs
{
    // Where the dynamic linker finds libpcap on Debian, Ubuntu and Fedora (top level only: /usr/lib is a big tree).
    private static readonly string[] LibraryFolders =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64"];

    private static string Profile => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml");

    private static string Capture => Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");

    [Test]
    public void LibpcapRequirement_must_name_the_package_when_the_library_does_not_load()
    {
        using var diagnostics = new StringWriter();

        int? exit = LibpcapRequirement.Check("analyze", diagnostics, ["libpcap-that-is-not-installed.so.9"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.MissingSystemLibrary));
            Assert.That(diagnostics.ToString(), Is.EqualTo(
                "oran-testbed analyze: libpcap is not installed (none of libpcap-that-is-not-installed.so.9 loads): install the "
                + "system package libpcap0.8, e.g. 'sudo apt-get install libpcap0.8' on Debian or Ubuntu ('sudo dnf install "
                + "libpcap' on Fedora)" + Environment.NewLine));
        }
    }

    [Test]
    public void LibpcapRequirement_must_say_nothing_when_the_library_loads()
    {
        using var diagnostics = new StringWriter();

        Assert.That(LibpcapRequirement.Check("analyze", diagnostics, Libpcap.LinuxLibraryNames), Is.Null);
        Assert.That(diagnostics.ToString(), Is.Empty);
    }

    /// <summary>
    /// The real thing: in a private mount namespace /dev/null is bound over every libpcap file of the host, so the
    /// dynamic linker finds the library and cannot load it ("file too short"), as on a host without the package.
    /// </summary>
    [TestCase("analyze", "CAPTURE", "--profile", "PROFILE", "--filter", "vlan or not vlan")]
    [TestCase("decode", "CAPTURE", "--filter", "vlan or not vlan")]
    [TestCase("analyze", "--profile", "PROFILE", "--interface", "lo")]
    [TestCase("emulate", "--profile", "PROFILE", "--personalities", "PERSONALITIES", "--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--interface", "lo")]
    [Category("Live")]
    public void Commands_that_need_libpcap_must_name_the_missing_package_once_and_exit_72(params string[] command)
    {
        var result = WithoutLibpcap(command);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.MissingSystemLibrary), result.ToString());
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed {command[0]}: libpcap is not installed")
                .And.Contain("apt-get install libpcap0.8"));
            Assert.That(WriteErrorSpecs.StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
        }
    }

    /// <summary>Classic pcap files are read, and written, without libpcap: those commands keep working.</summary>
    [TestCase("analyze", "CAPTURE", "--profile", "PROFILE")]
    [TestCase("decode", "CAPTURE")]
    [TestCase("emulate", "--profile", "PROFILE", "--personalities", "PERSONALITIES", "--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--duration", "2ms", "--out", "/dev/null")]
    [Category("Live")]
    public void Commands_on_classic_pcap_files_must_work_without_libpcap(params string[] command)
    {
        var result = WithoutLibpcap(command);

        Assert.That(result.ExitCode, Is.Not.EqualTo(ExitCodes.MissingSystemLibrary).And.LessThan(64), result.ToString());
    }

    private static CliResult WithoutLibpcap(string[] command)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/unshare"))
        {
            Assert.Ignore("hiding libpcap needs root and unshare(1)");
        }

        string[] libraries = [.. LibraryFolders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "libpcap.so*", SearchOption.TopDirectoryOnly))
            .Where(f => new FileInfo(f).LinkTarget is null)];
        Assume.That(libraries, Is.Not.Empty, "libpcap is installed on the test host");
        string hide = string.Join(" && ", libraries.Select(f => $"mount --bind /dev/null '{f}'"));
        string arguments = string.Join(' ', command.Select(a => a switch
        {
            "CAPTURE" => Capture,
            "PROFILE" => Profile,
            "PERSONALITIES" => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities"),
            _ => a,
        }).Select(a => $"'{a}'"));
        return CliProcess.RunExecutable("unshare", TimeSpan.FromSeconds(30), "-m", "sh", "-c",
            $"{hide} && exec dotnet '{CliProcess.Program}' {arguments}");
    }
}
