using System.Text.Json;
using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// <c>analyze CAPTURE --oru-config FILE</c> (issue 15 item 4): the capture is compared with what the O-RU states over its
/// M-plane. The capture is the emulator's (10 ms of a µ = 1, 273-PRB 4T4R carrier with dynamic BFP 14, profile A);
/// O-RU statements saying A, and saying B (BFP 9, eAxC ids 0 and 1 only, µ = 0), are written as <c>mplane profile</c>
/// writes them (with <c>source</c> and <c>eaxc-ids</c>). tshark confirms what the findings say the capture shows.
/// </summary>
public class AnalyzeOruConfigSpecs
{
    private static readonly TimeSpan EmulateTimeout = TimeSpan.FromMinutes(1);

    private static readonly string[] AspectNames = ["compression DL", "compression UL", "eAxC ids", "numerology", "PRB span"];

    private static readonly string[] DisagreeingRules = ["ORU-CONFIG-COMPRESSION", "ORU-CONFIG-EAXC", "ORU-CONFIG-NUMEROLOGY"];

    private string _directory = "";

    private string Work(string name) => Path.Combine(_directory, name);

    private string Capture => Work("a.pcap");

    private string ProfileA => Work("a.yaml");

    private string OruSaysA => Work("oru-a.yaml");

    private string OruSaysB => Work("oru-b.yaml");

    private const string Source = "source: {m-plane: \"oru@192.0.2.10:830\", read-at: 2026-12-07T20:36:00Z}\n";

    [OneTimeSetUp]
    public void EmulateProfileA()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-oru-config-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        string liteon = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml"));
        string a = liteon.Replace("iq-width: 9, comp-hdr: false", "iq-width: 14, comp-hdr: true", StringComparison.Ordinal)
            .Replace("name: n78-100mhz-4t4r-liteon", "name: a-mu1-bfp14", StringComparison.Ordinal);
        File.WriteAllText(ProfileA, a);
        File.WriteAllText(OruSaysA, a.Replace("name: a-mu1-bfp14", "name: oru-says-a", StringComparison.Ordinal)
            + "eaxc-ids: [0, 1, 2, 3, 4, 5, 6, 7]\n" + Source);
        File.WriteAllText(OruSaysB, """
            name: oru-says-b
            numerology: 0
            prbs: 273
            eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}
            compression:
              dl: {method: bfp, iq-width: 9, comp-hdr: true}
              ul: {method: bfp, iq-width: 9, comp-hdr: true}
            duplex: tdd
            tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}
            tap: ru
            eaxc-ids: [0, 1]

            """ + Source);

        var result = CliProcess.Run(EmulateTimeout, "emulate", "--profile", ProfileA,
            "--personalities", Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities"),
            "--du", "xylem/xd-100", "--ru", "radian/rr-800", "--duration", "10ms", "--out", Capture);
        Assert.That(result.ExitCode, Is.Zero, $"emulate: {result}");
    }

    [OneTimeTearDown]
    public void DeleteDirectory() => TempFolders.Delete(_directory);

    private static async Task<CliResult> Analyze(params string[] args)
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        int exit = await AnalyzeCommand.InvokeAsync(args, output, diagnostics);
        return new CliResult(exit, output.ToString(), diagnostics.ToString());
    }

    private static Dictionary<string, JsonElement> Aspects(JsonElement root) =>
        root.GetProperty("oruConfiguration").GetProperty("aspects").EnumerateArray()
            .ToDictionary(a => a.GetProperty("aspect").GetString()!, a => a);

    private static List<JsonElement> OruFindings(JsonElement root) =>
        [.. root.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString()!.StartsWith("ORU-CONFIG-", StringComparison.Ordinal))];

    [Test]
    public async Task Analyze_must_pass_every_aspect_without_a_finding_when_the_oru_says_what_the_capture_shows()
    {
        string json = Work("agree.json");
        var result = await Analyze(Capture, "--profile", ProfileA, "--oru-config", OruSaysA, "--json", json);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var aspects = Aspects(root);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Pass), result.ToString());
            Assert.That(OruFindings(root), Is.Empty);
            Assert.That(aspects.Keys, Is.EqualTo(AspectNames));
            Assert.That(aspects.Values.Select(a => a.GetProperty("verdict").GetString()), Is.All.EqualTo("PASS"));
            Assert.That(aspects.Values.Select(a => a.GetProperty("compared").GetInt64()), Is.All.Positive, "PASS needs evidence");
            Assert.That(aspects["compression DL"].GetProperty("captureShows").GetString(), Does.StartWith("udCompHdr bfp 14-bit in "));
            var source = root.GetProperty("oruConfiguration").GetProperty("source");
            Assert.That(source.GetProperty("mPlane").GetString(), Is.EqualTo("oru@192.0.2.10:830"));
            Assert.That(source.GetProperty("readAt").GetString(), Is.EqualTo("2026-12-07T20:36:00Z"));
            Assert.That(result.Stdout, Does.Contain("o-ru      configuration (M-plane): M-plane oru@192.0.2.10:830, read 2026-12-07T20:36:00Z"));
        }
    }

    [Test]
    public async Task Analyze_must_fail_with_one_named_finding_per_aspect_the_oru_states_otherwise()
    {
        string json = Work("disagree.json");
        string html = Work("disagree.html");
        var result = await Analyze(Capture, "--profile", ProfileA, "--oru-config", OruSaysB, "--json", json, "--html", html);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        var findings = OruFindings(root).ToDictionary(f => f.GetProperty("rule").GetString()!);
        var aspects = Aspects(root);
        string page = File.ReadAllText(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Fail), result.ToString());
            Assert.That(root.GetProperty("verdict").GetProperty("value").GetString(), Is.EqualTo("FAIL"));
            Assert.That(findings.Keys, Is.EquivalentTo(DisagreeingRules),
                "the PRB span agrees (273 PRBs both); every other aspect is one finding");
            Assert.That(findings.Values.Select(f => f.GetProperty("examples").GetArrayLength()), Is.All.Positive);
            Assert.That(findings["ORU-CONFIG-COMPRESSION"].GetProperty("detail").GetString(),
                Does.Contain("the capture shows udCompHdr bfp 14-bit").And.Contain("the O-RU says bfp 9-bit"));
            Assert.That(findings["ORU-CONFIG-EAXC"].GetProperty("detail").GetString(),
                Does.Contain("without an O-RU endpoint: eAxC 2, 3, 4, 5, 6, 7").And.Contain("the O-RU says endpoints for eAxC 0, 1"));
            Assert.That(findings["ORU-CONFIG-NUMEROLOGY"].GetProperty("detail").GetString(),
                Does.Contain("slotId 0..1").And.Contain("the O-RU says µ 0 (15 kHz, slotId 0..0)"));
            Assert.That(aspects["compression DL"].GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
            Assert.That(aspects["compression UL"].GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
            Assert.That(aspects["eAxC ids"].GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
            Assert.That(aspects["numerology"].GetProperty("verdict").GetString(), Is.EqualTo("FAIL"));
            Assert.That(aspects["PRB span"].GetProperty("verdict").GetString(), Is.EqualTo("PASS"));
            Assert.That(root.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()),
                Has.Some.StartsWith("ORU-CONFIG-COMPRESSION: compression DL: the capture shows udCompHdr bfp 14-bit"));
            Assert.That(page, Does.Contain("O-RU configuration (M-plane)").And.Contain("oru@192.0.2.10:830").And.Contain("bfp 9-bit"));
            Assert.That(result.Stdout, Does.Contain("ORU-CONFIG-EAXC"));
        }

        // tshark, the decoding oracle, sees in the first example frames what the findings say the capture shows.
        var rows = Tshark.Fields(Capture, ["oran_fh_cus.ru_port_id", "oran_fh_cus.slotId", "oran_fh_cus.udCompHdrWidth", "oran_fh_cus.udCompHdrMeth"],
            Tshark.OranPreferences(4, 4, 4, 4, dlComp: "1", dlWidth: 14, ulComp: "1", ulWidth: 14, compHdrDown: true, compHdrUp: true));
        TsharkFrame Example(string rule) => rows[(int)findings[rule].GetProperty("examples")[0].GetInt64() - 1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Example("ORU-CONFIG-COMPRESSION").Number("oran_fh_cus.udCompHdrWidth"), Is.EqualTo(14));
            Assert.That(Example("ORU-CONFIG-COMPRESSION").Number("oran_fh_cus.udCompHdrMeth"), Is.EqualTo(1), "BFP");
            Assert.That(Example("ORU-CONFIG-EAXC").Number("oran_fh_cus.ru_port_id"), Is.GreaterThanOrEqualTo(2));
            Assert.That(Example("ORU-CONFIG-NUMEROLOGY").Number("oran_fh_cus.slotId"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Analyze_must_take_the_oru_configuration_as_the_profile_when_no_profile_is_given()
    {
        string json = Work("instead.json");
        var result = await Analyze(Capture, "--oru-config", OruSaysA, "--json", json);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Pass), result.ToString());
            Assert.That(report.RootElement.GetProperty("windows").GetProperty("t2a-up").GetProperty("checked").GetBoolean(), Is.True,
                "its delay windows judge the timing");
            Assert.That(Aspects(report.RootElement).Values.Select(a => a.GetProperty("verdict").GetString()), Is.All.EqualTo("PASS"));
        }
    }

    [Test]
    public async Task Analyze_must_not_evaluate_the_eaxc_ids_of_an_oru_configuration_that_lists_none()
    {
        string json = Work("no-ids.json");
        var result = await Analyze(Capture, "--profile", ProfileA, "--oru-config", ProfileA, "--json", json);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var eaxc = Aspects(report.RootElement)["eAxC ids"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Pass), result.ToString());
            Assert.That(eaxc.GetProperty("verdict").GetString(), Is.EqualTo("NOT_EVALUATED"));
            Assert.That(eaxc.GetProperty("reason").GetString(), Does.Contain("does not list"));
            Assert.That(report.RootElement.GetProperty("oruConfiguration").GetProperty("source").ValueKind, Is.EqualTo(JsonValueKind.Null),
                "a hand-written profile has no M-plane provenance");
        }
    }

    [Test]
    public async Task Analyze_must_exit_64_with_one_line_when_the_oru_config_is_not_a_profile()
    {
        string garbage = Work("garbage.yaml");
        File.WriteAllText(garbage, "<rpc-reply>not yaml: [\n");

        var result = await Analyze(Capture, "--profile", ProfileA, "--oru-config", garbage);

        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(lines, Has.Length.EqualTo(1), result.Stderr);
            Assert.That(lines[0], Does.StartWith($"oran-testbed analyze: --oru-config {garbage}: not a fronthaul profile"));
            Assert.That(result.Stdout, Is.Empty);
        }
    }

    [Test]
    public async Task Analyze_must_exit_64_without_a_profile_or_an_oru_config()
    {
        var result = await Analyze(Capture);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
            Assert.That(result.Stderr, Does.Contain("give --profile FILE, --oru-config FILE"));
        }
    }
}
