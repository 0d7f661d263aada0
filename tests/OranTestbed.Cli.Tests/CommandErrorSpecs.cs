using System.CommandLine;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// Errors as users see them: one line naming what and where, the documented exit code, and the exception (stack trace,
/// source paths) only at <c>--log-level Debug</c>. Options do what their help says.
/// </summary>
public sealed class CommandErrorSpecs
{
    private static string Profile => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml");

    private static string Personalities => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");

    private static string Capture => Path.Combine(TestPaths.RepositoryRoot, "testplans", "captures", "synthetic_oran_fh_min.pcap");

    [TestCase("analyze", 66)]
    [TestCase("decode", 2)]
    public void A_capture_file_error_must_be_one_line_without_a_stack_trace(string command, int exit)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"oran-testbed-missing-{Guid.NewGuid():N}.pcap");

        var result = CliProcess.Run(command, missing, "--profile", Profile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
            Assert.That(result.Stderr.TrimEnd(), Is.EqualTo($"oran-testbed {command}: Capture file '{missing}' does not exist."));
        }
    }

    [Test]
    public void A_capture_file_error_must_show_the_exception_at_log_level_debug()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"oran-testbed-missing-{Guid.NewGuid():N}.pcap");

        var result = CliProcess.Run("analyze", missing, "--profile", Profile, "--log-level", "Debug");

        Assert.That(result.Stderr, Does.Contain("CaptureFileException").And.Contain(" at "));
    }

    [Test]
    public void CliEntry_must_turn_an_unexpected_exception_into_one_line_and_exit_70()
    {
        var root = new RootCommand { CliLogging.LevelOption };
        var broken = new Command("broken");
        broken.SetAction(int (_) => throw new InvalidOperationException("the store said no"));
        root.Subcommands.Add(broken);
        using var diagnostics = new StringWriter();

        int exit = CliEntry.Run(root, ["broken"], diagnostics);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Software));
            Assert.That(diagnostics.ToString(), Is.EqualTo(
                "oran-testbed broken: the store said no (InvalidOperationException; --log-level Debug shows where)" + Environment.NewLine));
        }
    }

    [TestCase("1us", "1us")]
    [TestCase("250 us", "250us")]
    [TestCase("1500ns", "1500ns")]
    public async Task Analyze_duration_must_take_the_units_its_help_names(string duration, string note)
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        int exit = await AnalyzeCommand.InvokeAsync([Capture, "--profile", Profile, "--duration", duration], output, diagnostics);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Not.EqualTo(ExitCodes.Usage), diagnostics.ToString());
            Assert.That(output.ToString(), Does.Contain($"--duration: only the first {note} of capture time were analyzed ("));
        }
    }

    [Test]
    public void Emulate_analyze_without_out_must_judge_in_process_and_write_nothing()
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        string before = Directory.GetCurrentDirectory();

        int exit = EmulateCommand.Invoke(["--profile", Profile, "--personalities", Personalities, "--du", "xylem/xd-100",
            "--ru", "ymir/yr-400", "--duration", "5ms", "--analyze"], output, diagnostics);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Pass), output + diagnostics.ToString());
            Assert.That(output.ToString(), Does.Contain("analyzed in-process (no file written)").And.Contain("verdict   PASS"));
            Assert.That(Directory.GetCurrentDirectory(), Is.EqualTo(before));
        }
    }

    [Test]
    public void Emulate_without_out_interface_or_analyze_must_say_what_it_needs()
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        int exit = EmulateCommand.Invoke(["--profile", Profile, "--personalities", Personalities, "--du", "xylem/xd-100",
            "--ru", "ymir/yr-400"], output, diagnostics);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(diagnostics.ToString().TrimEnd(), Is.EqualTo("oran-testbed emulate: give --out FILE, --interface IF or --analyze"));
        }
    }

    [TestCase("--max-upload-mb", "0")]
    [TestCase("--max-upload-mb", "-5")]
    [TestCase("--max-expanded-mb", "0")]
    [TestCase("--max-expanded-mb", "2000000")]
    public void Serve_must_refuse_a_size_limit_it_cannot_honour_naming_the_option(string option, string value)
    {
        var result = CliProcess.Run("serve", option, value, "--urls", "http://127.0.0.1:1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed: {option}: {value} is not a size in MiB"));
        }
    }

    [TestCase("--verification-workers", "-1", "0 to 64")]
    [TestCase("--verification-workers", "65", "0 to 64")]
    [TestCase("--concurrent-analyses", "0", "1 to 64")]
    public void Serve_must_refuse_a_worker_count_out_of_range_naming_the_option(string option, string value, string range)
    {
        var result = CliProcess.Run("serve", option, value, "--urls", "http://127.0.0.1:1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed: {option}: {value} is not from {range}"));
        }
    }

    [TestCase("forever")]
    [TestCase("30s")]
    [TestCase("-5d")]
    public void Serve_must_refuse_an_audit_retention_that_is_no_duration_naming_the_option(string value)
    {
        var result = CliProcess.Run("serve", "--audit-retention", value, "--urls", "http://127.0.0.1:1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed: --audit-retention: '{value}' is not a duration (90d, 24h, 30m) or never"));
        }
    }
}
