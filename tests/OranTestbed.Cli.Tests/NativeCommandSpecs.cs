using System.Text.RegularExpressions;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>oran-testbed-native</c> (src/OranTestbed.Cli.Native: <c>analyze</c> and <c>decode</c> compiled with Native AOT,
/// built by tools/setup/build-analyzer-native.sh) must be indistinguishable from <c>oran-testbed</c>: for the same
/// arguments the same exit code, standard output, standard error and report files, byte for byte, except for what
/// measures the run itself (the JSON <c>capture.elapsedS</c>, the <c>decode --format count</c> speed line, the log
/// lines' clock) and for the stack frames of a logged exception (the JIT's show parameter names and source lines, Native
/// AOT's give code offsets). Standard error is compared as a set of lines: the console logger writes from its own
/// thread, so its lines and the command's own messages interleave in either order, in both executables.
/// The AOT publish (~30 s once the references are built) runs once per fixture.
/// </summary>
public partial class NativeCommandSpecs
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private string _native = "";
    private string _directory = "";

    private static string Repo(params string[] parts) => Path.Combine([TestPaths.RepositoryRoot, .. parts]);

    private string Work(string name) => Path.Combine(_directory, name);

    [OneTimeSetUp]
    public void BuildNativeAndCaptures()
    {
        var build = CliProcess.RunExecutable("bash", BuildTimeout, Repo("tools", "setup", "build-analyzer-native.sh"));
        Assert.That(build.ExitCode, Is.Zero, "tools/setup/build-analyzer-native.sh failed: " + build);
        _native = build.Stdout.Trim();
        Assert.That(File.Exists(_native), Is.True, $"build-analyzer-native.sh printed '{_native}', which does not exist");

        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-native-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Work("ru.yaml"), AnalyzeFrames.RuProfileYaml);
        AnalyzeFrames.WriteCapture(Work("clean.pcap"), AnalyzeFrames.DownlinkPairs(10));
        AnalyzeFrames.WriteCapture(Work("late.pcap"), AnalyzeFrames.DownlinkPairs(10, lateCPlaneAt: 4));
        byte[] whole = File.ReadAllBytes(Work("clean.pcap"));
        File.WriteAllBytes(Work("truncated.pcap"), whole[..^20]);
        File.WriteAllText(Work("bad.yaml"),
            AnalyzeFrames.RuProfileYaml.Replace("numerology: 1", "numerology: 9", StringComparison.Ordinal));

        // What an O-RU states over its M-plane (as mplane profile writes it): µ 0 and two eAxC ids where the emulated
        // pair runs µ 1 on eight; and a file that is not a profile at all.
        File.WriteAllText(Work("oru-says.yaml"), "name: oru-says\nnumerology: 0\nprbs: 273\neaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}\n"
            + "compression: {dl: {method: bfp, iq-width: 9}, ul: {method: bfp, iq-width: 9}}\nduplex: fdd\neaxc-ids: [0, 1]\n"
            + "source: {m-plane: \"oru@192.0.2.10:830\", read-at: 2026-12-07T20:36:00Z}\n");
        File.WriteAllText(Work("garbage.yaml"), "<rpc-reply>not yaml: [\n");

        // Emulated vendor pairs (10 ms of a 100 MHz 4T4R carrier): one with seeded defects (sequence gaps, missing
        // C-plane, late UL bursts: FAIL), one clean (PASS).
        Emulate("defects.pcap", "polaris/pd-7", "quasar/q-300");
        Emulate("clean-pair.pcap", "xylem/xd-100", "radian/rr-800");
    }

    [OneTimeTearDown]
    public void DeleteDirectory()
    {
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Emulate(string name, string du, string ru)
    {
        var result = CliProcess.Run(RunTimeout, "emulate", "--profile", Repo("testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml"),
            "--personalities", Repo("testplans", "personalities"), "--du", du, "--ru", ru, "--duration", "10ms",
            "--out", Work(name));
        Assert.That(result.ExitCode, Is.Zero, $"emulate {du} {ru}: {result}");
    }

    /// <summary>
    /// Analyze argument lists: <c>{w}</c> is the work folder, <c>{r}</c> the repository, <c>{out}</c> a per-executable
    /// prefix for report files; the exit code the JIT command is known to give (so a case cannot pass by both failing).
    /// </summary>
    private static IEnumerable<TestCaseData> AnalyzeCases()
    {
        const string Liteon = "--profile={r}/testplans/profiles/n78-100mhz-4t4r-liteon.yaml";
        yield return Case("shared sample, its profile (no tap), JSON and HTML", ExitCodes.Inconclusive,
            "{r}/testplans/captures/synthetic_oran_fh_min.pcap", "--profile", "{r}/testplans/profiles/synthetic-capture.yaml",
            "--json", "{out}.json", "--html", "{out}.html");
        yield return Case("shared sample, O-RU windows, IQ", ExitCodes.Fail,
            "{r}/testplans/captures/synthetic_oran_fh_min.pcap", "--profile", "{w}/ru.yaml", "--iq", "--json", "{out}.json");
        yield return Case("crafted, one late C-plane", ExitCodes.Fail,
            "{w}/late.pcap", "--profile", "{w}/ru.yaml", "--json", "{out}.json", "--html", "{out}.html");
        yield return Case("crafted, clean", ExitCodes.Pass, "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--json", "{out}.json");
        yield return Case("crafted, BPF filter", ExitCodes.Pass, "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--filter", "vlan 2");
        yield return Case("truncated capture", ExitCodes.Inconclusive,
            "{w}/truncated.pcap", "--profile", "{w}/ru.yaml", "--json", "{out}.json");
        yield return Case("emulated pair with defects, IQ", ExitCodes.Fail,
            "{w}/defects.pcap", Liteon, "--iq", "--json", "{out}.json", "--html", "{out}.html");
        yield return Case("emulated clean pair, O-DU tap, duration", ExitCodes.Inconclusive,
            "{w}/clean-pair.pcap", Liteon, "--tap", "du", "--duration", "4ms", "--json", "{out}.json");
        yield return Case("emulated clean pair", ExitCodes.Pass, "{w}/clean-pair.pcap", Liteon, "--json", "{out}.json");
        yield return Case("emulated clean pair against the O-RU's stated configuration, JSON and HTML", ExitCodes.Fail,
            "{w}/clean-pair.pcap", Liteon, "--oru-config", "{w}/oru-says.yaml", "--json", "{out}.json", "--html", "{out}.html");
        yield return Case("O-RU's stated configuration as the profile", ExitCodes.Fail,
            "{w}/clean-pair.pcap", "--oru-config", "{w}/oru-says.yaml");
        yield return Case("garbage --oru-config", ExitCodes.Usage, "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--oru-config", "{w}/garbage.yaml");
        yield return Case("debug log", ExitCodes.Fail, "{w}/late.pcap", "--profile", "{w}/ru.yaml", "--log-level", "Debug");
        yield return Case("missing capture", ExitCodes.NoInput, "{w}/nope.pcap", "--profile", "{w}/ru.yaml");
        yield return Case("invalid profile", ExitCodes.Usage, "{w}/clean.pcap", "--profile", "{w}/bad.yaml");
        yield return Case("bad --tap", ExitCodes.Usage, "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--tap", "xx");
        yield return Case("bad --duration", ExitCodes.Usage, "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--duration", "soon");
        yield return Case("no profile", ExitCodes.Usage, "{w}/clean.pcap");
        yield return Case("unwritable report", ExitCodes.CannotCreate,
            "{w}/clean.pcap", "--profile", "{w}/ru.yaml", "--json", "{w}/no-such-folder/report.json");
    }

    private static TestCaseData Case(string name, int exit, params string[] args) =>
        new TestCaseData(exit, args) { TestName = "Native_analyze_must_match_oran_testbed: " + name };

    [TestCaseSource(nameof(AnalyzeCases))]
    public void Native_analyze_must_match_oran_testbed(int expectedExit, string[] args)
    {
        var (jit, native) = AssertSameRun(["analyze", .. args], expectedExit, stdout => stdout);
        using (Assert.EnterMultipleScope())
        {
            AssertSameFile(jit + ".json", native + ".json", ElapsedS());
            AssertSameFile(jit + ".html", native + ".html", null);
        }
    }

    private static IEnumerable<TestCaseData> DecodeCases()
    {
        const string Sample = "{r}/testplans/captures/synthetic_oran_fh_min.pcap";
        // The shared sample's DL U-plane carries udCompHdr (testplans/captures/README.md): without --comp-hdr its
        // section overruns the payload (exit 1, malformed); with its wire options every frame decodes (exit 0).
        yield return Decode("text, default wire options", ExitCodes.Defects, Sample);
        yield return Decode("count, default wire options", ExitCodes.Defects, Sample, "--format", "count");
        yield return Decode("jsonl with IQ and the sample's wire options", ExitCodes.Success, Sample, "--format", "jsonl",
            "--iq", "--eaxc-bits", "4,4,4,4", "--dl-comp", "bfp:9", "--ul-comp", "bfp:9", "--comp-hdr");
        yield return Decode("jsonl of an emulated pair, its profile", ExitCodes.Success,
            "{w}/defects.pcap", "--format", "jsonl", "--profile", "{r}/testplans/profiles/n78-100mhz-4t4r-liteon.yaml");
        yield return Decode("truncated capture", ExitCodes.InputError, "{w}/truncated.pcap", "--format", "count");
        yield return Decode("invalid profile", ExitCodes.Usage, Sample, "--profile", "{w}/bad.yaml");
    }

    private static TestCaseData Decode(string name, int exit, params string[] args) =>
        new TestCaseData(exit, args) { TestName = "Native_decode_must_match_oran_testbed: " + name };

    [TestCaseSource(nameof(DecodeCases))]
    public void Native_decode_must_match_oran_testbed(int expectedExit, string[] args) =>
        AssertSameRun(["decode", .. args], expectedExit, stdout => DecodeSpeed().Replace(stdout, "decoded in _"));

    [Test]
    public void Native_must_report_an_unknown_command_as_a_usage_error_like_oran_testbed()
    {
        var (jit, native) = RunBoth(["analyse", "x.pcap"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(jit.Result.ExitCode, Is.EqualTo(ExitCodes.Usage), jit.Result.ToString());
            Assert.That(native.Result.ExitCode, Is.EqualTo(ExitCodes.Usage), native.Result.ToString());
            Assert.That(native.Result.Stderr, Does.StartWith("oran-testbed: "));
            Assert.That(native.Result.Stderr, Does.Contain("Run 'oran-testbed --help' for usage."));
        }
    }

    /// <summary>
    /// Runs <paramref name="args"/> with both executables and asserts the same exit code (the JIT's being
    /// <paramref name="expectedExit"/>), standard output (after <paramref name="unmeasured"/>) and standard error;
    /// returns the report file prefixes (<c>{out}</c>) of each.
    /// </summary>
    private (string Jit, string Native) AssertSameRun(string[] args, int expectedExit, Func<string, string> unmeasured)
    {
        var (jit, native) = RunBoth(args);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(jit.Result.ExitCode, Is.EqualTo(expectedExit), "oran-testbed: " + jit.Result);
            Assert.That(native.Result.ExitCode, Is.EqualTo(jit.Result.ExitCode), "oran-testbed-native: " + native.Result);
            Assert.That(unmeasured(native.Result.Stdout), Is.EqualTo(unmeasured(jit.Result.Stdout)), "standard output");
            Assert.That(ComparableStderr(native.Result.Stderr), Is.EqualTo(ComparableStderr(jit.Result.Stderr)), "standard error");
        }

        return (jit.Prefix, native.Prefix);
    }

    private ((CliResult Result, string Prefix) Jit, (CliResult Result, string Prefix) Native) RunBoth(string[] args)
    {
        string id = Guid.NewGuid().ToString("N");
        string jitPrefix = Work(id + "-jit"), nativePrefix = Work(id + "-native");
        var jit = CliProcess.Run(RunTimeout, Expand(args, jitPrefix));
        var native = CliProcess.RunExecutable(_native, RunTimeout, Expand(args, nativePrefix));
        return ((jit, jitPrefix), (native, nativePrefix));
    }

    private string[] Expand(string[] args, string prefix) =>
    [
        .. args.Select(a => a.Replace("{out}", prefix, StringComparison.Ordinal)
            .Replace("{w}", _directory, StringComparison.Ordinal)
            .Replace("{r}", TestPaths.RepositoryRoot, StringComparison.Ordinal)),
    ];

    private static void AssertSameFile(string jitPath, string nativePath, Regex? measured)
    {
        Assert.That(File.Exists(nativePath), Is.EqualTo(File.Exists(jitPath)), nativePath);
        if (!File.Exists(jitPath))
        {
            return;
        }

        string jit = File.ReadAllText(jitPath), native = File.ReadAllText(nativePath);
        if (measured is not null)
        {
            Assert.That(measured.Count(jit), Is.EqualTo(1), "the measured value appears once in " + jitPath);
            jit = measured.Replace(jit, "_");
            native = measured.Replace(native, "_");
        }

        Assert.That(native, Is.EqualTo(jit), $"{Path.GetFileName(nativePath)} differs from {Path.GetFileName(jitPath)}");
    }

    /// <summary>
    /// Standard error as a sorted list of lines, without the log lines' wall clock (<c>HH:mm:ss.fff</c>, CliLogging)
    /// and a logged exception's stack frames (on the log line, after the message).
    /// </summary>
    private static string ComparableStderr(string stderr) => string.Join('\n',
        stderr.Split('\n').Select(line => StackFrames().Replace(LogClock().Replace(line, "_ "), "    at _"))
            .Order(StringComparer.Ordinal));

    [GeneratedRegex(@"""elapsedS"": [0-9.eE+-]+")]
    private static partial Regex ElapsedS();

    [GeneratedRegex(@"decoded in [^\n]*")]
    private static partial Regex DecodeSpeed();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d\d\d ")]
    private static partial Regex LogClock();

    [GeneratedRegex(@"    at .*$")]
    private static partial Regex StackFrames();
}
