using OranTestbed.Analysis;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// Situations of real lab recordings that used to give a false verdict (issue 13): timestamps that cannot be placed
/// in air time, nothing judged, thresholds that were parsed but never applied, frames the capture itself dropped. Each
/// runs <c>analyze</c> (or the one analysis entry point) on crafted captures of DL C/U-plane pairs.
/// </summary>
public class VerdictOnRealTrafficSpecs
{
    private const int Pairs = 200;

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-verdict-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string Profile(string? thresholds = null, bool tap = true, bool windows = true, string? extra = null)
    {
        string yaml = AnalyzeFrames.RuProfileYaml;
        if (!tap)
        {
            yaml = yaml.Replace("tap: ru", "", StringComparison.Ordinal);
        }

        if (!windows)
        {
            int start = yaml.IndexOf("delay-management:", StringComparison.Ordinal);
            int end = yaml.IndexOf("capture-clock:", StringComparison.Ordinal);
            yaml = yaml[..start] + yaml[end..];
        }

        if (thresholds is not null)
        {
            yaml += "\nverdict-thresholds: " + thresholds + "\n";
        }

        if (extra is not null)
        {
            yaml += "\n" + extra + "\n";
        }

        string path = Path.Combine(_directory, $"profile-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private string Capture(IEnumerable<(byte[] Frame, long TimestampNs)> frames)
    {
        string path = Path.Combine(_directory, $"capture-{Guid.NewGuid():N}.pcap");
        AnalyzeFrames.WriteCapture(path, frames);
        return path;
    }

    private static async Task<CliResult> Analyze(params string[] args)
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        int exit = await AnalyzeCommand.InvokeAsync(args, output, diagnostics);
        return new CliResult(exit, output.ToString(), diagnostics.ToString());
    }

    private static List<(byte[] Frame, long TimestampNs)> Clean() => [.. AnalyzeFrames.DownlinkPairs(Pairs)];

    /// <summary>The clean pairs without the DL U-plane of pair <paramref name="index"/> (one lost sequence number).</summary>
    private static List<(byte[] Frame, long TimestampNs)> WithoutUPlane(int index)
    {
        var frames = Clean();
        frames.RemoveAt((2 * index) + 1);
        return frames;
    }

    [Test]
    public async Task Analyze_must_pass_clean_traffic_with_exit_0()
    {
        var result = await Analyze(Capture(Clean()), "--profile", Profile());
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Pass), result.ToString());
        Assert.That(result.Stdout, Does.Contain($"{2 * Pairs} message(s) judged in their delay windows"));
    }

    [Test]
    public async Task Analyze_must_be_inconclusive_on_a_relative_time_capture_and_say_why()
    {
        long first = Clean()[0].TimestampNs;
        var relative = Clean().Select(f => (f.Frame, f.TimestampNs - first));

        var result = await Analyze(Capture(relative), "--profile", Profile());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
            Assert.That(result.Stdout, Does.Contain($"timing: {2 * Pairs} of {2 * Pairs} C/U-plane message(s) cannot be placed in air time"));
            Assert.That(result.Stdout, Does.Contain("relative time"));
        }
    }

    [Test]
    public void Decode_must_note_a_relative_time_capture_and_still_decode_it()
    {
        long first = Clean()[0].TimestampNs;
        string relative = Capture(Clean().Select(f => (f.Frame, f.TimestampNs - first)));

        var decoded = CliDecode.Run(relative, format: DecodeFormat.Text);
        var absolute = CliDecode.Run(Capture(Clean()), format: DecodeFormat.Text);

        Assert.That(decoded.ExitCode, Is.EqualTo(absolute.ExitCode), "the note changes nothing of the decode");
        Assert.That(decoded.Stdout.Split('\n'), Has.Length.EqualTo(absolute.Stdout.Split('\n').Length));
        Assert.That(decoded.Stderr, Does.Contain("note: the timestamps start before 1972 (a relative-time capture"));
        Assert.That(absolute.Stderr, Does.Not.Contain("note:"));
    }

    [Test]
    public async Task Analyze_must_be_inconclusive_on_a_TAI_clock_read_as_UTC_and_hint_at_capture_clock_tai()
    {
        var tai = Clean().Select(f => (f.Frame, f.TimestampNs + (37 * 1_000_000_000L)));
        string json = Path.Combine(_directory, "tai.json");

        var result = await Analyze(Capture(tai), "--profile", Profile(), "--json", json);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var timing = report.RootElement.GetProperty("timing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
            Assert.That(result.Stdout, Does.Contain("the capture clock, not the equipment"));
            Assert.That(result.Stdout, Does.Contain("set 'capture-clock: tai' in the profile"));
            Assert.That(result.Stdout, Does.Not.Contain("\n  - TIMING-FRAMEID-MISMATCH"), "a systematic offset is not the equipment's fault");
            Assert.That(timing.GetProperty("frameIdMismatch").GetInt64(), Is.EqualTo(2 * Pairs));
            Assert.That(timing.GetProperty("placed").GetInt64(), Is.Zero);
            Assert.That(timing.GetProperty("clockHint").GetString(), Does.Contain("capture-clock: tai"));
        }
    }

    [Test]
    public async Task Analyze_must_still_fail_a_few_messages_whose_frameId_is_wrong()
    {
        var frames = Clean();
        frames[11] = (frames[11].Frame, frames[11].TimestampNs + 1_000_000_000L); // one U-plane a second off its frameId

        var result = await Analyze(Capture(frames), "--profile", Profile());

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Fail), result.ToString());
        Assert.That(result.Stdout, Does.Contain("  - TIMING-FRAMEID-MISMATCH: 1 x"));
    }

    [Test]
    public async Task Analyze_must_be_inconclusive_when_no_tap_is_known()
    {
        var result = await Analyze(Capture(Clean()), "--profile", Profile(tap: false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
            Assert.That(result.Stdout, Does.Contain("timing: no delay window could be judged"));
            Assert.That(result.Stdout, Does.Contain("--tap ru|du"));
        }

        var told = await Analyze(Capture(Clean()), "--profile", Profile(tap: false), "--tap", "ru");
        Assert.That(told.ExitCode, Is.EqualTo(ExitCodes.Pass), told.ToString());
    }

    [Test]
    public async Task Analyze_must_be_inconclusive_when_the_profile_gives_no_delay_window()
    {
        var result = await Analyze(Capture(Clean()), "--profile", Profile(windows: false));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
        Assert.That(result.Stdout, Does.Contain("timing: no delay window could be judged: t2a-cp-dl: the profile gives neither"));
    }

    // One lost of the 400 sequence numbers expected over every flow: 0.25 %.
    [TestCase(null, ExitCodes.Fail)]
    [TestCase("{lost: 0.2%}", ExitCodes.Fail)]
    [TestCase("{lost: 0.25%}", ExitCodes.Pass)]
    [TestCase("{lost: 1%}", ExitCodes.Pass)]
    public async Task Analyze_must_judge_lost_messages_against_the_lost_threshold(string? thresholds, int exit)
    {
        var result = await Analyze(Capture(WithoutUPlane(100)), "--profile", Profile(thresholds));

        Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
        if (exit == ExitCodes.Fail)
        {
            Assert.That(result.Stdout, Does.Contain($"SEQ-LOST: 1 of {2 * Pairs} sequence numbers expected (ratio 0.0025"));
        }
    }

    [TestCase(null, ExitCodes.Fail)]
    [TestCase("{duplicate: 0.2%}", ExitCodes.Fail)]
    [TestCase("{duplicate: 0.25%}", ExitCodes.Pass)]
    public async Task Analyze_must_judge_duplicates_against_the_duplicate_threshold(string? thresholds, int exit)
    {
        var frames = Clean();
        frames.Insert(42, frames[41]); // the U-plane of pair 20 twice

        var result = await Analyze(Capture(frames), "--profile", Profile(thresholds));

        Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
    }

    [TestCase(null, ExitCodes.Pass)]
    [TestCase("{out-of-order: 0}", ExitCodes.Fail)]
    [TestCase("{out-of-order: 1%}", ExitCodes.Pass)]
    public async Task Analyze_must_judge_reordering_only_against_an_out_of_order_threshold(string? thresholds, int exit)
    {
        var frames = Clean();
        // The U-plane of pairs 20 and 21 carry each other's sequence numbers: 19, 21, 20, 22 (each on time).
        frames[41] = (AnalyzeFrames.UPlane(1, 21, (int)((AnalyzeFrames.FrameIdOf(20)) & 255)), frames[41].TimestampNs);
        frames[43] = (AnalyzeFrames.UPlane(1, 20, (int)((AnalyzeFrames.FrameIdOf(21)) & 255)), frames[43].TimestampNs);

        var result = await Analyze(Capture(frames), "--profile", Profile(thresholds));

        Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
        Assert.That(result.Stdout, Does.Contain("SEQ-OUT-OF-ORDER"));
    }

    // The cut frame's sequence number cannot be read either, so it also counts as lost: the PASS allows both.
    [TestCase(null, ExitCodes.Fail)]
    [TestCase("{malformed: 0.2%, lost: 1%}", ExitCodes.Fail)]
    [TestCase("{malformed: 0.25%, lost: 1%}", ExitCodes.Pass)]
    public async Task Analyze_must_judge_malformed_frames_against_the_malformed_threshold(string? thresholds, int exit)
    {
        var frames = Clean();
        var (frame, timestamp) = frames[41];
        frames[41] = (frame[..(frame.Length - 20)], timestamp); // a U-plane cut inside its section: 1 of 400 frames

        var result = await Analyze(Capture(frames), "--profile", Profile(thresholds));

        Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
        if (exit == ExitCodes.Fail)
        {
            Assert.That(result.Stdout, Does.Contain("1 of 400 frames malformed (ratio 0.0025"));
        }
    }

    // NVIDIA Aerial BFP-9 traffic uses exponents 8-10, beyond 16 - 9: the lab decides whether that fails.
    [TestCase(null, ExitCodes.Fail)]
    [TestCase("rule-severity: {COMP-BFP-EXPONENT-RANGE: error}", ExitCodes.Fail)]
    [TestCase("rule-severity: {COMP-BFP-EXPONENT-RANGE: warning}", ExitCodes.Pass)]
    [TestCase("rule-severity: {COMP-BFP-EXPONENT-RANGE: info}", ExitCodes.Pass)]
    public async Task Analyze_must_give_COMP_BFP_EXPONENT_RANGE_the_severity_the_profile_chooses(string? choice, int exit)
    {
        var frames = Clean();
        for (int i = 1; i < frames.Count; i += 2)
        {
            var frame = frames[i].Frame.ToArray();
            frame[^28] = 0x0A; // udCompParam of the section's only PRB: exponent 10 (a 9-bit mantissa of 24 samples follows)
            frames[i] = (frame, frames[i].TimestampNs);
        }

        var result = await Analyze(Capture(frames), "--profile", Profile(extra: choice));

        Assert.That(result.ExitCode, Is.EqualTo(exit), result.ToString());
        Assert.That(result.Stdout, Does.Contain("COMP-BFP-EXPONENT-RANGE"));
        if (choice?.Contains("warning", StringComparison.Ordinal) == true)
        {
            Assert.That(result.Stdout, Does.Match(@"COMP-BFP-EXPONENT-RANGE\s+warning\s+x200"));
        }
    }

    [TestCase("rule-severity: {COMP-NO-SUCH-RULE: warning}", "'COMP-NO-SUCH-RULE', which is not a rule")]
    [TestCase("rule-severity: {COMP-BFP-EXPONENT-RANGE: fatal}", "is not a severity: use error, warning or info")]
    [TestCase("rule-severity: {comp-bfp: warning}", "is not a rule id")]
    public async Task Analyze_must_refuse_a_rule_severity_it_cannot_use_with_exit_64(string choice, string message)
    {
        var result = await Analyze(Capture(Clean()), "--profile", Profile(extra: choice));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.Stderr, Does.Contain(message));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "one line, no stack trace");
    }

    [Test]
    public async Task Analyze_iq_must_be_inconclusive_when_no_sample_could_be_decompressed()
    {
        // Modulation compression both ways (emulated n78 pair): constellation codes, no IQ samples to measure.
        string shipped = Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml");
        string profile = Path.Combine(_directory, "modulation.yaml");
        File.WriteAllText(profile, File.ReadAllText(shipped)
            .Replace("dl: {method: bfp, iq-width: 9, comp-hdr: false}", "dl: {method: modulation, iq-width: 4, comp-hdr: false}", StringComparison.Ordinal)
            .Replace("ul: {method: bfp, iq-width: 9, comp-hdr: false}", "ul: {method: modulation, iq-width: 4, comp-hdr: false}", StringComparison.Ordinal));
        string capture = Path.Combine(_directory, "modulation.pcap");
        using (var output = new StringWriter())
        using (var diagnostics = new StringWriter())
        {
            int emulated = EmulateCommand.Invoke(["--profile", profile, "--personalities",
                Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities"), "--du", "xylem/xd-100", "--ru", "ymir/yr-400",
                "--duration", "5ms", "--out", capture], output, diagnostics);
            Assert.That(emulated, Is.Zero, diagnostics.ToString());
        }

        var without = await Analyze(capture, "--profile", profile);
        var with = await Analyze(capture, "--profile", profile, "--iq");

        Assert.That(without.ExitCode, Is.EqualTo(ExitCodes.Pass), without.ToString());
        Assert.That(with.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), with.ToString());
        Assert.That(with.Stdout, Does.Contain("IQ statistics were asked for, but none of the"));
    }

    [Test]
    public void A_capture_with_drops_must_be_inconclusive_on_what_the_drops_explain_with_the_drop_count_first()
    {
        var report = AnalyzeWithDrops(WithoutUPlane(100), 15_000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(report.Verdict.Reasons[0], Does.StartWith("the capture dropped 15000 frame(s) (kernel 15000"));
            Assert.That(report.Verdict.Reasons, Has.Some.Contains("explained by the missing frames, not judged: SEQ-LOST x1"));
        }
    }

    [Test]
    public void A_capture_with_drops_must_still_fail_a_late_message_it_captured()
    {
        var frames = AnalyzeFrames.DownlinkPairs(Pairs, lateCPlaneAt: 7).ToList();
        frames.RemoveAt(101); // and one U-plane lost

        var report = AnalyzeWithDrops(frames, 20);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Verdict.Value, Is.EqualTo(Verdict.Fail));
            Assert.That(report.Verdict.Reasons[0], Does.StartWith("the capture dropped 20 frame(s)"));
            Assert.That(report.Verdict.Reasons, Has.Some.StartWith("TIMING-T2A-CP-DL-LATE: 1 of"));
            Assert.That(report.Verdict.Reasons, Has.None.Contains("SEQ-LOST:"));
        }
    }

    private Analysis.Reports.AnalysisReport AnalyzeWithDrops(List<(byte[] Frame, long TimestampNs)> frames, long dropped)
    {
        var profile = FronthaulProfileLoader.Load(Profile());
        using var reader = new CaptureFileReader(Capture(frames));
        var source = new DroppingSource(reader, new CaptureCompleteness
        {
            DroppedFrames = dropped, DropDetail = $"kernel {dropped}, interface 0, consumer 0",
        });
        return SampleAnalysis.Run(source, profile);
    }

    /// <summary>A file replayed as a live capture whose counters said it dropped frames.</summary>
    private sealed class DroppingSource(CaptureFileReader reader, CaptureCompleteness completeness) : IFrameSource
    {
        public CaptureCompleteness Completeness => completeness;

        public bool TryReadNext(out CapturedFrame frame) => reader.TryReadNext(out frame);
    }
}
