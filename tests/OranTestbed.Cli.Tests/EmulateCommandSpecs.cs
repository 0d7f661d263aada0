using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>oran-testbed emulate</c> offline: files, the in-process analysis, exit codes and usage errors.</summary>
public class EmulateCommandSpecs
{
    private static string Profile => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml");

    private static string Personalities => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-emulate-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Emulate_must_write_a_capture_that_analyze_judges_as_the_in_process_analysis_did()
    {
        string pcap = Path.Combine(_directory, "pair.pcap");
        var (exit, output, diagnostics) = Emulate("--du", "polaris/pd-7", "--ru", "quasar/q-300", "--duration", "30ms",
            "--seed", "3", "--out", pcap, "--analyze");
        using var analyzeOutput = new StringWriter();
        using var analyzeDiagnostics = new StringWriter();
        int analyzeExit = AnalyzeCommand.InvokeAsync([pcap, "--profile", Profile], analyzeOutput, analyzeDiagnostics)
            .GetAwaiter().GetResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Fail), diagnostics);
            Assert.That(analyzeExit, Is.EqualTo(ExitCodes.Fail), analyzeDiagnostics.ToString());
            Assert.That(output, Does.Contain("defect    polaris/pd-7 SequenceGaps: ").And.Contain("x SEQ-LOST"));
            Assert.That(output, Does.Contain("defect    quasar/q-300 LateBursts: ").And.Contain("x TIMING-TA3-LATE"));

            // The same findings, counts and first frames, whether judged in-process or from the file.
            Assert.That(Lines(analyzeOutput.ToString(), "  "), Is.EqualTo(Lines(output, "  ")).And.Not.Empty);
            Assert.That(Lines(analyzeOutput.ToString(), "packets"), Is.EqualTo(Lines(output, "packets")));
        }
    }

    [Test]
    public void Emulate_must_pass_a_clean_pair_and_give_the_same_file_for_the_same_seed()
    {
        string first = Path.Combine(_directory, "first.pcap");
        string second = Path.Combine(_directory, "second.pcap");
        var run = Emulate("--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--duration", "10ms", "--out", first, "--analyze");
        var again = Emulate("--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--duration", "10ms", "--out", second, "--tap", "ru");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Exit, Is.EqualTo(ExitCodes.Pass), run.Output + run.Diagnostics);
            Assert.That(run.Output, Does.Contain("verdict   PASS").And.Contain("defects   none declared"));
            Assert.That(again.Exit, Is.EqualTo(ExitCodes.Success), again.Diagnostics);
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        }
    }

    [TestCase("--du", "xylem/xd-999", "no personality 'xylem/xd-999'; ")]
    [TestCase("--du", "ymir/yr-400", "ymir/yr-400 is an O-RU, not an O-DU")]
    [TestCase("--duration", "20", "'20' has no unit")]
    public void Emulate_must_refuse_bad_arguments_with_exit_64(string option, string value, string message)
    {
        var arguments = new List<string> { "--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--out", Path.Combine(_directory, "x.pcap") };
        int at = arguments.IndexOf(option);
        if (at >= 0)
        {
            arguments[at + 1] = value;
        }
        else
        {
            arguments.AddRange([option, value]);
        }

        var (exit, _, diagnostics) = Emulate([.. arguments]);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(diagnostics, Does.Contain(message));
    }

    [Test]
    public void Emulate_must_want_exactly_one_of_out_and_interface()
    {
        var neither = Emulate("--du", "xylem/xd-100", "--ru", "ymir/yr-400");
        var both = Emulate("--du", "xylem/xd-100", "--ru", "ymir/yr-400", "--out", "x.pcap", "--interface", "lo");
        Assert.Multiple(() =>
        {
            Assert.That((neither.Exit, both.Exit), Is.EqualTo((ExitCodes.Usage, ExitCodes.Usage)));
            Assert.That(both.Diagnostics, Does.Contain("--out FILE or --interface IF, not both"));
        });
    }

    [Test]
    public void Emulate_must_be_a_command_of_the_program()
    {
        var help = CliProcess.Run("emulate", "--help");
        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.Stdout, Does.Contain("--du").And.Contain("--personalities").And.Contain("--interface"));
    }

    private static (int Exit, string Output, string Diagnostics) Emulate(params string[] arguments)
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        int exit = EmulateCommand.Invoke(["--profile", Profile, "--personalities", Personalities, .. arguments], output,
            diagnostics);
        return (exit, output.ToString(), diagnostics.ToString());
    }

    private static List<string> Lines(string text, string prefix) =>
        [.. text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l.TrimEnd())];
}
