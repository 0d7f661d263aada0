using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>Files <c>decode</c> cannot read completely: a clear message on stderr and exit code 2; frames before a
/// break are still output. Usage errors: exit code 64.</summary>
public class DecodeInputErrorSpecs
{
    private static string WorkFile(string name, byte[]? content = null)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "cli-input", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        if (content is not null)
        {
            File.WriteAllBytes(path, content);
        }

        return path;
    }

    private static void AssertInputError(CliResult result, string message)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InputError), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("oran-testbed decode: ").And.Contain(message), result.ToString());
    }

    [Test]
    public void Decode_must_exit_2_naming_a_missing_file()
    {
        string path = WorkFile("missing.pcap");
        var result = CliDecode.Run(path);
        AssertInputError(result, $"Capture file '{path}' does not exist.");
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Decode_must_exit_2_for_a_directory()
    {
        string path = Path.GetDirectoryName(WorkFile("x"))!;
        AssertInputError(CliDecode.Run(path), "is a directory, not a file");
    }

    [Test]
    public void Decode_must_exit_2_for_an_empty_file()
    {
        AssertInputError(CliDecode.Run(WorkFile("empty.pcap", [])), "is empty (0 bytes)");
    }

    [Test]
    public void Decode_must_exit_2_for_garbage_text()
    {
        var path = WorkFile("notes.pcap", "this is not a capture file, just some text\n"u8.ToArray());
        AssertInputError(CliDecode.Run(path), "is not a pcap or pcapng capture file");
    }

    [Test]
    public void Decode_must_output_the_frames_before_a_truncation_then_exit_2()
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedCapture);
        var path = WorkFile("truncated.pcap", bytes[..^10]); // cuts frame 7's record short
        var result = CliDecode.Run(path, SharedCaptureDecodeSpecs.Options);
        AssertInputError(result, "is truncated: frame 7");
        Assert.That(result.Stderr, Does.Contain("6 frames before it were read"));
        var frames = JsonLines.Parse(result);
        Assert.That(frames.Select(f => f.GetProperty("frame").GetInt64()), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void Decode_must_exit_0_with_no_output_for_a_header_only_capture()
    {
        var path = WorkFile("header-only.pcap", File.ReadAllBytes(TestPaths.SharedCapture)[..24]);
        foreach (var format in Enum.GetValues<DecodeFormat>())
        {
            var result = CliDecode.Run(path, format: format);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Stderr, Is.Empty);
            if (format == DecodeFormat.Count)
            {
                Assert.That(result.Lines[0], Does.StartWith("frames 0  bytes 0 "));
            }
            else
            {
                Assert.That(result.Stdout, Is.Empty, format.ToString());
            }
        }
    }

    [Test]
    public void Decode_must_exit_2_for_a_bad_bpf_filter()
    {
        var result = CliDecode.Run(TestPaths.SharedCapture, filter: "vlan and and");
        AssertInputError(result, "BPF filter 'vlan and and' is not valid");
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Decode_process_must_exit_2_for_a_missing_file_and_64_for_usage_errors()
    {
        // Through the real program: the entry point maps parse errors to 64 and prints them on stderr.
        var missing = CliProcess.Run("decode", WorkFile("nothing-here.pcap"));
        Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.InputError), missing.ToString());
        Assert.That(missing.Stderr, Does.Contain("does not exist"));

        string capture = TestPaths.SharedCapture;
        (string[] Args, string Message)[] cases =
        [
            (["decode", capture, "--eaxc-bits", "4,4,4"], "eAxC bit widths '4,4,4' must be four integers"),
            (["decode", capture, "--eaxc-bits", "4,4,4,5"], "must be non-negative and sum to 16"),
            (["decode", capture, "--dl-comp", "foo:9"], "compression 'foo:9' must be METHOD[:WIDTH]"),
            (["decode", capture, "--ul-comp", "bfp:17"], "WIDTH must be an integer 1..16"),
            (["decode", capture, "--prbs", "0"], "--prbs must be 1..1023"),
            (["decode", capture, "--ecpri-udp-port", "70000"], "--ecpri-udp-port must be 1..65535"),
            (["decode", capture, "--prbs", "99999999999"], "--prbs must be 1..1023, got '99999999999'"),
            (["decode", capture, "--prbs", "many"], "--prbs must be 1..1023, got 'many'"),
            (["decode", capture, "--ecpri-udp-port", "99999999999"], "--ecpri-udp-port must be 1..65535, got '99999999999'"),
            (["decode", capture, "--format", "xml"], "xml"),
            (["decode"], "Required argument missing"),
            (["decode", capture, "--no-such-option"], "--no-such-option"),
        ];
        using (Assert.EnterMultipleScope())
        {
            foreach (var (args, message) in cases)
            {
                var result = CliProcess.Run(args);
                string what = string.Join(' ', args.Skip(2));
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), $"{what}: {result}");
                Assert.That(result.Stderr, Does.Contain(message).And.Contain("Run 'oran-testbed --help' for usage."), what);
                Assert.That(result.Stdout, Is.Empty, what);
                Assert.That(result.Stderr, Does.Not.Contain("Exception").And.Not.Contain("   at "), what + ": no stack trace");
            }
        }
    }
}
