using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Emulation.SPlane;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>analyze CAPTURE --profile P --json</c> on a PTP capture whose tap clock is 250 ns ahead of the master's (issue 17):
/// the JSON carries <c>ptp.clocks[].timeError</c>, the summary its line, the profile's <c>s-plane</c> mask its verdict.
/// </summary>
public class AnalyzeTimeErrorSpecs
{
    private string _directory = "";

    private string Work(string name) => Path.Combine(_directory, name);

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-time-error-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
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

    private string Profile(string splane)
    {
        string path = Work("profile.yaml");
        File.WriteAllText(path, AnalyzeFrames.RuProfileYaml + "\n" + splane + "\n");
        return path;
    }

    [Test]
    public async Task Analyze_must_write_the_time_error_of_the_master_in_the_JSON_and_the_summary()
    {
        string capture = new TimeErrorTraffic { TapOffsetNs = _ => 250, ForwardDelayNs = 3000, ReverseDelayNs = 1000 }
            .Run(4).WritePcap(Work("ptp.pcap"));
        string json = Work("report.json");
        var result = await Analyze(capture, "--profile", Profile("s-plane: {mask: g8271.1-c}"), "--json", json);

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var clocks = document.RootElement.GetProperty("ptp").GetProperty("clocks").EnumerateArray().ToList();
        var te = clocks.Select(c => c.GetProperty("timeError")).Single(t => t.GetProperty("evaluated").GetBoolean());
        Assert.Multiple(() =>
        {
            Assert.That(te.GetProperty("pairs").GetInt32(), Is.EqualTo(63));
            Assert.That(te.GetProperty("twoWayMeanNs").GetDouble(), Is.EqualTo(250 + 1000), "offset + half the 2 µs asymmetry");
            Assert.That(te.GetProperty("meanPathDelayNs").GetDouble(), Is.EqualTo(2000));
            Assert.That(te.GetProperty("checks")[0].GetProperty("pass").GetBoolean(), Is.False, "1250 ns > 1100 ns");
            Assert.That(result.Stdout, Does.Contain("ptp-te    two-way TE mean +1250.000 ns, max|TE| 1250.000 ns, mean path delay 2000.000 ns"));
            Assert.That(result.Stdout, Does.Contain("PTP-TE-MAX-ABS max|TE| FAIL (1250.000 > 1100 ns)"));
            Assert.That(document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => f.GetProperty("rule").GetString()), Does.Contain("PTP-TE-MAX-ABS"));
        });
    }

    [Test]
    public async Task Analyze_must_exit_64_with_one_line_on_a_bad_s_plane_key()
    {
        string capture = new TimeErrorTraffic().Run(1).WritePcap(Work("ptp.pcap"));
        var result = await Analyze(capture, "--profile", Profile("s-plane: {mask: g8273.2-class-z}"));
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("profile.yaml:", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(lines, Has.Count.EqualTo(1), result.Stderr);
            Assert.That(lines[0], Does.Contain("profile.yaml:20:").And.Contain("s-plane.mask: expected one of g8273.2-class-a"));
        });
    }
}
