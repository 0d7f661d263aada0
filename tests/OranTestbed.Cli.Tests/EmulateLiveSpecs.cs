using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Live;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>emulate --interface</c> on a veth pair between two network namespaces (root; runs in CI): the pair's frames are
/// injected in real time at end B while <c>analyze --interface</c> captures end A.
/// </summary>
[TestFixture]
[Category("Live")]
[NonParallelizable]
public sealed class EmulateLiveSpecs
{
    private VethLink _link = null!;

    [SetUp]
    public void SetUp() => _link = VethLink.Create();

    [TearDown]
    public void TearDown() => _link.Dispose();

    // 1500-byte products: a veth end has the standard MTU (jumbo-frame products need the interface's MTU raised).
    [Test]
    public async Task Emulate_live_must_put_every_emulated_frame_on_the_link()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-emulate-live-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            string profile = Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n3-20mhz-fdd-mu0.yaml");
            string json = Path.Combine(directory, "live.json");
            using var analyzeOutput = new StringWriter();
            using var analyzeDiagnostics = new StringWriter();
            var analyze = AnalyzeCommand.InvokeAsync(
                ["--interface", _link.InterfaceA, "--netns", _link.NamespaceA, "--profile", profile, "--duration", "2s",
                 "--json", json],
                analyzeOutput, analyzeDiagnostics, TimeSpan.FromMilliseconds(500));

            using var output = new StringWriter();
            using var diagnostics = new StringWriter();
            int exit = EmulateCommand.Invoke(
                ["--profile", profile, "--personalities", Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities"),
                 "--du", "polaris/pd-7", "--ru", "zephyr/zr-200", "--duration", "40ms", "--interface", _link.InterfaceB,
                 "--netns", _link.NamespaceB],
                output, diagnostics);
            await analyze.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output + diagnostics.ToString());

            using var report = JsonDocument.Parse(File.ReadAllText(json));
            var packets = report.RootElement.GetProperty("packets");
            long frames = long.Parse(output.ToString().Split("frames    ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(output.ToString(), Does.Contain($"sent on {_link.InterfaceB} (netns {_link.NamespaceB})"));
                Assert.That(packets.GetProperty("total").GetInt64(), Is.EqualTo(frames), analyzeOutput.ToString());
                Assert.That(packets.GetProperty("malformed").GetInt64(), Is.Zero);
                Assert.That(packets.GetProperty("cplane").GetInt64(), Is.Positive);
                Assert.That(packets.GetProperty("ptp").GetInt64(), Is.Positive);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
