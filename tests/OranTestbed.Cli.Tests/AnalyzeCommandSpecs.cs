using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary><c>oran-testbed analyze</c> on capture files: exit codes, JSON, terminal summary and HTML report.</summary>
public class AnalyzeCommandSpecs
{
    private static readonly string[] RequiredKeys =
        ["packets", "sequence", "timing", "windows", "findings", "capture", "verdict"];

    private static readonly string[] WindowKeys = ["early", "onTime", "late", "minUs", "maxUs", "histogram"];

    private static readonly string[] RuWindows = ["t2a-cp-dl", "t2a-cp-ul", "t2a-up", "ta3"];

    private static readonly string[] DuWindows = ["t1a-cp-dl", "t1a-cp-ul", "t1a-up", "ta4"];

    private string _directory = "";

    private string Profile => Path.Combine(_directory, "ru.yaml");

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-analyze-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Profile, AnalyzeFrames.RuProfileYaml);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static async Task<CliResult> Analyze(params string[] args)
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        int exit = await AnalyzeCommand.InvokeAsync(args, output, diagnostics);
        return new CliResult(exit, output.ToString(), diagnostics.ToString());
    }

    private string Crafted(string name, IEnumerable<(byte[] Frame, long TimestampNs)> frames)
    {
        string path = Path.Combine(_directory, name);
        AnalyzeFrames.WriteCapture(path, frames);
        return path;
    }

    [Test]
    public async Task Analyze_must_fail_the_shared_capture_on_its_late_uplink_cplane_with_exit_1()
    {
        // testplans/captures/README.md: frame 5 UL C-plane at −128.125 µs (late for t2a-cp-ul [−429, −285]), frame 6
        // UL C-plane at −300 µs and frame 7 DL U-plane at −150 µs (on time).
        string json = Path.Combine(_directory, "report.json");
        var result = await Analyze(TestPaths.SharedCapture, "--profile", Profile, "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var cpul = root.GetProperty("windows").GetProperty("t2a-cp-ul");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Fail), result.ToString());
            Assert.That(root.GetProperty("packets").GetProperty("total").GetInt64(), Is.EqualTo(7));
            Assert.That(root.GetProperty("packets").GetProperty("cplane").GetInt64(), Is.EqualTo(2));
            Assert.That(root.GetProperty("packets").GetProperty("uplane").GetInt64(), Is.EqualTo(1));
            Assert.That(root.GetProperty("packets").GetProperty("ptp").GetInt64(), Is.EqualTo(3));
            Assert.That((cpul.GetProperty("onTime").GetInt64(), cpul.GetProperty("late").GetInt64()), Is.EqualTo((1L, 1L)));
            Assert.That(cpul.GetProperty("minUs").GetDouble(), Is.EqualTo(-300));
            Assert.That(cpul.GetProperty("maxUs").GetDouble(), Is.EqualTo(-128.125));
            Assert.That(root.GetProperty("windows").GetProperty("t2a-up").GetProperty("onTime").GetInt64(), Is.EqualTo(1));
            var findings = root.GetProperty("findings").EnumerateArray()
                .ToDictionary(f => f.GetProperty("rule").GetString()!, f => f.GetProperty("examples")[0].GetInt64());
            // Frame 5 (UL C-plane ST3) is late in t2a-cp-ul. Frame 7 (DL U-plane) has no DL C-plane, but its C-plane may
            // precede the capture's start: not evaluated, not UPLANE-ORPHAN.
            Assert.That(findings, Is.EqualTo(new Dictionary<string, long>
            {
                ["TIMING-T2A-CP-UL-LATE"] = 5,
            }));
            Assert.That(root.GetProperty("correlation").GetProperty("dlNotEvaluatedAtStart").GetInt64(), Is.EqualTo(1));
            Assert.That(result.Stdout, Does.Contain("1 DL U-plane section(s) not evaluated: their C-plane may precede the capture start"));
            Assert.That(root.GetProperty("verdict").GetProperty("value").GetString(), Is.EqualTo("FAIL"));
            Assert.That(root.GetProperty("capture").GetProperty("mode").GetString(), Is.EqualTo("file"));
            Assert.That(root.GetProperty("capture").GetProperty("complete").GetBoolean(), Is.True);
            Assert.That(result.Stdout, Does.Contain("verdict   FAIL"));
            Assert.That(result.Stdout, Does.Contain("t2a-cp-ul [-429, -285] µs: 0 early, 1 on time, 1 late"));
            Assert.That(result.Stdout, Does.Contain("TIMING-T2A-CP-UL-LATE"));
        }
    }

    [Test]
    public async Task Analyze_must_pass_a_clean_crafted_capture_with_exit_0_and_write_every_required_json_key()
    {
        string capture = Crafted("clean.pcap", AnalyzeFrames.DownlinkPairs(10));
        string json = Path.Combine(_directory, "clean.json");
        var result = await Analyze(capture, "--profile", Profile, "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var windows = root.GetProperty("windows");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Pass), result.ToString());
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.SupersetOf(RequiredKeys));
            Assert.That(root.EnumerateObject().Last().Name, Is.EqualTo("verdict"));
            Assert.That(windows.EnumerateObject().Select(p => p.Name), Is.EqualTo(RuWindows));
            foreach (var window in windows.EnumerateObject())
            {
                Assert.That(window.Value.EnumerateObject().Select(p => p.Name), Is.SupersetOf(WindowKeys), window.Name);
            }

            Assert.That(windows.GetProperty("t2a-cp-dl").GetProperty("onTime").GetInt64(), Is.EqualTo(10));
            Assert.That(windows.GetProperty("t2a-up").GetProperty("onTime").GetInt64(), Is.EqualTo(10));
            Assert.That(windows.GetProperty("t2a-cp-dl").GetProperty("histogram")[0][0].GetInt32(), Is.EqualTo(-300));
            Assert.That(root.GetProperty("sequence").GetProperty("flows").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("sequence").GetProperty("lost").GetInt64(), Is.Zero);
            Assert.That(root.GetProperty("verdict").GetProperty("value").GetString(), Is.EqualTo("PASS"));
            Assert.That(root.GetProperty("capture").GetProperty("framesRead").GetInt64(), Is.EqualTo(20));
            Assert.That(result.Stdout, Does.Contain("verdict   PASS"));
            Assert.That(result.Stdout, Does.Contain("t2a-cp-dl [-429, -285] µs: 0 early, 10 on time, 0 late; min -300 µs, max -300 µs"));
        }
    }

    [Test]
    public async Task Analyze_must_fail_one_late_message_with_exit_1_and_name_it()
    {
        string capture = Crafted("late.pcap", AnalyzeFrames.DownlinkPairs(10, lateCPlaneAt: 4));
        var result = await Analyze(capture, "--profile", Profile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Fail), result.ToString());
            Assert.That(result.Stdout, Does.Contain("9 on time, 1 late"));

            // Pair 4 is frames 9 (C-plane) and 10 (U-plane).
            Assert.That(result.Stdout, Does.Contain("TIMING-T2A-CP-DL-LATE: 1 of 10 messages late in t2a-cp-dl"));
            Assert.That(result.Stdout, Does.Contain("first in frame 9"));
        }
    }

    [Test]
    public async Task Analyze_must_be_inconclusive_with_exit_2_without_fronthaul_traffic()
    {
        string capture = Crafted("other.pcap", Enumerable.Range(0, 5).Select(i => (AnalyzeFrames.NotFronthaul(), AnalyzeFrames.AirNs(i))));
        var result = await Analyze(capture, "--profile", Profile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
            Assert.That(result.Stdout, Does.Contain("verdict   INCONCLUSIVE"));
            Assert.That(result.Stdout, Does.Contain("no C-plane or U-plane traffic in 5 frames"));
        }
    }

    [Test]
    public async Task Analyze_must_judge_a_truncated_capture_at_best_inconclusive()
    {
        string capture = Crafted("whole.pcap", AnalyzeFrames.DownlinkPairs(10));
        byte[] bytes = File.ReadAllBytes(capture);
        string truncated = Path.Combine(_directory, "truncated.pcap");
        File.WriteAllBytes(truncated, bytes[..^20]);
        string json = Path.Combine(_directory, "truncated.json");
        var result = await Analyze(truncated, "--profile", Profile, "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Inconclusive), result.ToString());
            Assert.That(root.GetProperty("capture").GetProperty("framesRead").GetInt64(), Is.EqualTo(19));
            Assert.That(root.GetProperty("capture").GetProperty("complete").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("verdict").GetProperty("reasons")[0].GetString(), Does.StartWith("the capture was cut short after 19 frame(s)"));
        }
    }

    [Test]
    public async Task Analyze_must_exit_66_when_the_capture_is_missing()
    {
        var result = await Analyze(Path.Combine(_directory, "nope.pcap"), "--profile", Profile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NoInput), result.ToString());
            Assert.That(result.Stderr, Does.Contain("nope.pcap"));
            Assert.That(result.Stdout, Is.Empty);
        }
    }

    [Test]
    public async Task Analyze_must_exit_64_on_a_bad_profile_with_file_line_and_column()
    {
        string bad = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(bad, AnalyzeFrames.RuProfileYaml.Replace("numerology: 1", "numerology: 9", StringComparison.Ordinal));
        var result = await Analyze(TestPaths.SharedCapture, "--profile", bad);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(result.Stderr, Does.Contain("bad.yaml:2:"));
            Assert.That(result.Stderr, Does.Contain("error(s) in the profile"));
        }
    }

    [TestCase("--tap", "xx")]
    [TestCase("--duration", "soon")]
    [TestCase("--netns", "ns1")]
    public async Task Analyze_must_exit_64_on_usage_errors(string option, string value)
    {
        var result = await Analyze(TestPaths.SharedCapture, "--profile", Profile, option, value);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
    }

    [Test]
    public async Task Analyze_must_exit_64_without_capture_and_interface_or_with_both()
    {
        var neither = await Analyze("--profile", Profile);
        var both = await Analyze(TestPaths.SharedCapture, "--interface", "lo", "--profile", Profile);
        var noProfile = await Analyze(TestPaths.SharedCapture);
        Assert.That((neither.ExitCode, both.ExitCode, noProfile.ExitCode),
            Is.EqualTo((ExitCodes.Usage, ExitCodes.Usage, ExitCodes.Usage)));
    }

    [Test]
    public async Task Analyze_tap_option_must_override_the_profile()
    {
        string json = Path.Combine(_directory, "du.json");
        await Analyze(TestPaths.SharedCapture, "--profile", Profile, "--tap", "du", "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        Assert.That(root.GetProperty("timing").GetProperty("tap").GetString(), Is.EqualTo("du"));
        Assert.That(root.GetProperty("windows").EnumerateObject().Select(p => p.Name),
            Is.EqualTo(DuWindows));
    }

    [Test]
    public async Task Analyze_html_must_draw_one_svg_histogram_per_checked_window_and_the_verdict()
    {
        string html = Path.Combine(_directory, "report.html");
        var result = await Analyze(TestPaths.SharedCapture, "--profile", Profile, "--html", html, "--iq");
        string page = File.ReadAllText(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Fail));
            Assert.That(page, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(CountOf(page, "<svg "), Is.EqualTo(4));
            foreach (string window in RuWindows)
            {
                Assert.That(page, Does.Contain($"data-window=\"{window}\""));
            }

            Assert.That(CountOf(page, "class=\"edge\""), Is.EqualTo(8));
            Assert.That(page, Does.Contain("Verdict: FAIL"));
            Assert.That(page, Does.Contain("TIMING-T2A-CP-UL-LATE"));
            Assert.That(page, Does.Contain("eAxC 1 DL:"));
            Assert.That(page, Does.Not.Contain("http://").And.Not.Contain("<script"), "self-contained: "
                + string.Join(" ", page.Split("http://").Skip(1).Select(s => s[..Math.Min(30, s.Length)])));
            Assert.That(result.Stdout, Does.Contain("eAxC 1 DL:").And.Contain("dBFS"));
        }
    }

    [Test]
    public async Task Analyze_iq_must_report_iq_statistics_per_eaxc_and_direction_in_the_json()
    {
        string json = Path.Combine(_directory, "iq.json");
        await Analyze(TestPaths.SharedCapture, "--profile", Profile, "--iq", "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var iq = report.RootElement.GetProperty("iq");
        var flow = iq.GetProperty("perFlow")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(iq.GetProperty("enabled").GetBoolean(), Is.True);
            Assert.That(iq.GetProperty("perFlow").GetArrayLength(), Is.EqualTo(1));
            Assert.That((flow.GetProperty("eAxC").GetInt32(), flow.GetProperty("direction").GetString()), Is.EqualTo((1, "DL")));
            Assert.That(flow.GetProperty("samples").GetInt64(), Is.GreaterThan(0));
        }
    }

    [Test]
    public async Task Analyze_without_iq_must_report_iq_disabled()
    {
        string json = Path.Combine(_directory, "noiq.json");
        await Analyze(TestPaths.SharedCapture, "--profile", Profile, "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var iq = report.RootElement.GetProperty("iq");
        Assert.That((iq.GetProperty("enabled").GetBoolean(), iq.GetProperty("perFlow").GetArrayLength()), Is.EqualTo((false, 0)));
    }

    [Test]
    public async Task Analyze_file_duration_must_limit_the_capture_time_analyzed()
    {
        // Pairs are 10 ms apart: 25 ms of capture time from the first frame covers pairs 0, 1, 2.
        string capture = Crafted("long.pcap", AnalyzeFrames.DownlinkPairs(10));
        string json = Path.Combine(_directory, "limited.json");
        var result = await Analyze(capture, "--profile", Profile, "--duration", "25ms", "--json", json);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var capt = report.RootElement.GetProperty("capture");
        Assert.That((result.ExitCode, capt.GetProperty("framesRead").GetInt64(), capt.GetProperty("limitedByDuration").GetBoolean()),
            Is.EqualTo((ExitCodes.Pass, 6L, true)));
    }

    [Test]
    public void Analyze_must_be_registered_in_the_program()
    {
        var result = CliProcess.Run("analyze", "--help");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Stdout, Does.Contain("--interface").And.Contain("--netns").And.Contain("--iq").And.Not.Contain("NOT IMPLEMENTED YET"));
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
