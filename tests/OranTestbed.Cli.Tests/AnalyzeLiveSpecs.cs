using System.Text.Json;
using OranTestbed.Capture.Live;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport.Live;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>analyze --interface</c> on a veth pair between two network namespaces (root; runs in CI): a known stream is
/// injected at end B while the command, called in-process, captures end A for a fixed duration.
/// </summary>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed class AnalyzeLiveSpecs
{
    // No delay-management and no tap: the windows are not checked (the injection timing is not deterministic enough for
    // them); the frameIds follow the host clock, so the verdict depends on counts, sequence, headers and capture drops.
    private const string LiveProfileYaml = """
        name: analyze-live-specs
        numerology: 1
        prbs: 273
        eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}
        compression:
          dl: {method: bfp, iq-width: 9, comp-hdr: true}
          ul: {method: bfp, iq-width: 9, comp-hdr: true}
        duplex: fdd
        capture-clock: utc
        """;

    private VethLink _link = null!;
    private string _directory = "";

    [SetUp]
    public void SetUp()
    {
        _link = VethLink.Create();
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-analyze-live-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "live.yaml"), LiveProfileYaml);
    }

    [TearDown]
    public void TearDown()
    {
        _link.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Analyze_live_must_count_an_injected_stream_and_blame_nothing_on_a_lossless_run()
    {
        const int pairs = 200;
        string json = Path.Combine(_directory, "live.json");
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        // The capture is open when InvokeAsync returns (LiveCaptureSource.Start runs before the first await).
        var run = AnalyzeCommand.InvokeAsync(
            ["--interface", _link.InterfaceA, "--netns", _link.NamespaceA, "--profile", Path.Combine(_directory, "live.yaml"),
             "--duration", "2s", "--json", json],
            output, diagnostics, TimeSpan.FromMilliseconds(500));
        int exit;
        using (var sender = LiveFrameSender.Open(_link.InterfaceB, _link.NamespaceB))
        {
            // One frame that is not fronthaul first: the send path is compiled before a pair's frameId is taken, so a
            // pair's U-plane cannot leave tens of ms after its frameId was read from the clock.
            sender.Send(AnalyzeFrames.NotFronthaul());
            foreach (var frame in AnalyzeFrames.DownlinkPairsNow(pairs))
            {
                sender.Send(frame);
            }
        }

        exit = await run.WaitAsync(TimeSpan.FromSeconds(10));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var capture = root.GetProperty("capture");
        using (Assert.EnterMultipleScope())
        {
            // The profile gives no tap or delay windows (the frames carry the current frameId, not a placed slot), so the
            // only reason not to pass is that no timing was judged: nothing about drops.
            Assert.That(exit, Is.EqualTo(ExitCodes.Inconclusive), $"stdout: {output} stderr: {diagnostics}");
            Assert.That(root.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Single().GetString(),
                Is.EqualTo("timing: no delay window could be judged: the capture tap is not known: the profile gives no 'tap' and none was given (--tap ru|du)"));
            Assert.That(root.GetProperty("completeness").GetProperty("droppedFrames").GetInt64(), Is.Zero);
            Assert.That(root.GetProperty("packets").GetProperty("cplane").GetInt64(), Is.EqualTo(pairs));
            Assert.That(root.GetProperty("packets").GetProperty("uplane").GetInt64(), Is.EqualTo(pairs));
            Assert.That(root.GetProperty("sequence").GetProperty("lost").GetInt64(), Is.Zero);
            Assert.That(capture.GetProperty("mode").GetString(), Is.EqualTo("live"));
            Assert.That(capture.GetProperty("interface").GetString(), Is.EqualTo(_link.InterfaceA));
            Assert.That(capture.GetProperty("framesCaptured").GetInt64(), Is.EqualTo((2 * pairs) + 1));
            Assert.That(capture.GetProperty("kernelDropped").GetInt64(), Is.Zero);
            Assert.That(capture.GetProperty("consumerDropped").GetInt64(), Is.Zero);
            Assert.That(capture.GetProperty("complete").GetBoolean(), Is.True);
            Assert.That(output.ToString(), Does.Contain($"packets   {(2 * pairs) + 1} total"));
            Assert.That(diagnostics.ToString(), Does.Contain("analyze ").And.Contain("frames ").And.Contain("drops 0"));
        }
    }

    [Test]
    public async Task Analyze_live_must_exit_69_when_the_interface_is_missing_in_the_namespace()
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        int exit = await AnalyzeCommand.InvokeAsync(
            ["--interface", "otbmissing0", "--netns", _link.NamespaceA, "--profile", Path.Combine(_directory, "live.yaml")],
            output, diagnostics);
        Assert.That(exit, Is.EqualTo(ExitCodes.Unavailable), diagnostics.ToString());
        Assert.That(diagnostics.ToString(), Does.Contain("otbmissing0"));
    }
}
