using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// Writing onto a full disk (a 1 MiB tmpfs: root, so Live) or to a full standard output (<c>/dev/full</c>): every
/// writer reports the failure in one line and exits 73, and nothing is claimed, or left, that was not written.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WriteErrorSpecs
{
    private static string Profile => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml");

    private static string Personalities => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");

    private static string Capture => Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");

    [Test]
    [Category("Live")]
    public void Emulate_must_exit_73_and_claim_nothing_when_the_disk_fills()
    {
        using var disk = SmallDisk.Mount();
        string pcap = disk.File("pair.pcap");

        // 100 ms of this pair is ~84 MB: the first MiB fits.
        var result = CliProcess.Run("emulate", "--profile", Profile, "--personalities", Personalities,
            "--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--out", pcap);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(result.Stdout, Does.Not.Contain("wrote").And.Not.Contain("frames "));
            Assert.That(StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.Contain(pcap).And.Contain("No space left on device"));
            Assert.That(File.Exists(pcap), Is.False, "the incomplete capture is removed");
        }
    }

    [TestCase("--json")]
    [TestCase("--html")]
    [Category("Live")]
    public void Analyze_must_exit_73_when_its_report_does_not_fit(string option)
    {
        using var disk = SmallDisk.Mount("64k");
        Fill(disk);
        string report = disk.File("report");

        var result = CliProcess.Run("analyze", Capture, "--profile", Profile, option, report);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("oran-testbed analyze: cannot write the report: ").And.Contain(report));
        }
    }

    [TestCase("jsonl")]
    [TestCase("text")]
    public void Decode_must_exit_73_when_standard_output_is_full(string format)
    {
        var result = CliProcess.RunExecutable("sh", TimeSpan.FromSeconds(30), "-c",
            $"exec dotnet '{CliProcess.Program}' decode '{Capture}' --format {format} > /dev/full");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(result.Stderr.TrimEnd(), Is.EqualTo("oran-testbed decode: cannot write the output: No space left on device"));
        }
    }

    internal static List<string> StderrLines(CliResult result) =>
        [.. result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Fills the disk to the last byte.</summary>
    internal static void Fill(SmallDisk disk)
    {
        using var filler = new FileStream(disk.File("filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }

        try
        {
            filler.WriteByte(0);
        }
        catch (IOException)
        {
            // Already full to the byte.
        }
    }
}
