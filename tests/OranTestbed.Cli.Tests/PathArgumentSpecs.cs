using OranTestbed.Cli.Commands;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.TestSupport;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// Names that become paths (issue 14, item 5): run ids are one folder name, an output is never one of the command's
/// inputs, and read-only commands never create a results store. All are refused while parsing or before anything is
/// opened, with exit 64 (usage) or 66 (no input).
/// </summary>
public class PathArgumentSpecs
{
    private static string Profile => Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-4t4r-liteon.yaml");

    private static string Personalities => Path.Combine(TestPaths.RepositoryRoot, "testplans", "personalities");

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"oran-testbed-path-specs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("--resume", "..")]
    [TestCase("--resume", "../../etc")]
    [TestCase("--resume", "runs/demo-1")]
    [TestCase("--resume", ".hidden")]
    [TestCase("--resume", "")]
    [TestCase("--only-failed", "../demo-20260101-120000")]
    public void Run_must_refuse_a_run_id_that_is_not_one_folder_name_while_parsing(string option, string id)
    {
        var parse = RunCommand.Create().Parse(["testplans/campaigns/demo.yaml", option, id]);

        Assert.That(parse.Errors.Select(e => e.Message), Is.EqualTo(new[] { $"{option}: {Results.Model.RunIds.Invalid(id)}" }));
    }

    [TestCase("demo-20260101-120000")]
    [TestCase("demo-20260101-120000-retry")]
    [TestCase("Imported_Run.2")]
    public void Run_must_accept_the_run_ids_it_makes(string id)
    {
        Assert.That(RunCommand.Create().Parse(["testplans/campaigns/demo.yaml", "--resume", id]).Errors, Is.Empty);
    }

    [Test]
    public void Run_must_not_run_a_campaign_named_dot_dot_in_the_results_root()
    {
        string results = Path.Combine(_directory, "results");
        Directory.CreateDirectory(Path.Combine(results, "runs"));
        string campaign = Path.Combine(TestPaths.RepositoryRoot, "testplans", "campaigns", "demo.yaml");

        var result = CliProcess.Run("run", campaign, "--results", results, "--resume", "..");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("'..' is not a run id").And.Not.Contain("Exception"));
        Assert.That(Directory.EnumerateFileSystemEntries(results), Is.EqualTo(new[] { Path.Combine(results, "runs") }),
            "nothing written into the results folder");
    }

    [TestCase("--json")]
    [TestCase("--html")]
    public async Task Analyze_must_refuse_a_report_path_that_is_its_capture(string report)
    {
        string capture = Path.Combine(_directory, "clean.pcap");
        AnalyzeFrames.WriteCapture(capture, AnalyzeFrames.DownlinkPairs(4));
        byte[] before = await File.ReadAllBytesAsync(capture);
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();
        // the same file through another spelling of its path
        string again = Path.Combine(_directory, ".", "clean.pcap");

        int exit = await AnalyzeCommand.InvokeAsync([capture, "--profile", Profile, report, again], output, diagnostics);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), diagnostics.ToString());
        Assert.That(diagnostics.ToString(), Does.Contain($"{report} {capture} is also the input CAPTURE: refusing to overwrite it"));
        Assert.That(await File.ReadAllBytesAsync(capture), Is.EqualTo(before), "the capture is untouched");
    }

    [Test]
    public async Task Analyze_must_refuse_a_report_path_that_is_its_profile_or_the_other_report()
    {
        string capture = Path.Combine(_directory, "clean.pcap");
        AnalyzeFrames.WriteCapture(capture, AnalyzeFrames.DownlinkPairs(4));
        string profile = Path.Combine(_directory, "profile.yaml");
        File.Copy(Profile, profile);
        string report = Path.Combine(_directory, "report");
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        int exit = await AnalyzeCommand.InvokeAsync([capture, "--profile", profile, "--json", profile], output, diagnostics);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), diagnostics.ToString());
        Assert.That(diagnostics.ToString(), Does.Contain($"--json {profile} is also the input --profile: refusing to overwrite it"));
        Assert.That(File.ReadAllText(profile), Is.EqualTo(File.ReadAllText(Profile)), "the profile is untouched");

        exit = await AnalyzeCommand.InvokeAsync([capture, "--profile", profile, "--json", report, "--html", report], output, diagnostics);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), diagnostics.ToString());
        Assert.That(diagnostics.ToString(), Does.Contain($"--json {report} is also the file of --html"));
    }

    [Test]
    public void Emulate_must_refuse_writing_its_capture_over_its_profile()
    {
        string profile = Path.Combine(_directory, "profile.yaml");
        File.Copy(Profile, profile);
        string link = Path.Combine(_directory, "link.pcap");
        File.CreateSymbolicLink(link, profile);
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        int exit = EmulateCommand.Invoke(["--profile", profile, "--personalities", Personalities, "--du", "polaris/pd-7",
            "--ru", "quasar/q-300", "--duration", "1ms", "--out", link], output, diagnostics);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), diagnostics.ToString());
        Assert.That(diagnostics.ToString(), Does.Contain("is also the input --profile: refusing to overwrite it"));
        Assert.That(File.ReadAllText(profile), Is.EqualTo(File.ReadAllText(Profile)), "the profile is untouched");
    }

    [Test]
    public void Results_import_must_refuse_an_oversized_file_before_reading_it_and_place_a_JSON_error()
    {
        string results = Path.Combine(_directory, "results");
        string big = Path.Combine(_directory, "big.json");
        using (var file = File.Create(big))
        {
            file.SetLength(Results.OranJson.OranResultsImporter.MaxDocumentBytes + 1);
        }

        string deep = Path.Combine(_directory, "deep.json");
        File.WriteAllText(deep, "{\n  \"x\": " + new string('[', 300_000) + "\n}");

        var tooBig = CliProcess.Run("results", "import", big, "--results", results);
        var tooDeep = CliProcess.Run("results", "import", deep, "--results", results);

        Assert.That(tooBig.ExitCode, Is.EqualTo(ExitCodes.Usage), tooBig.Stderr);
        Assert.That(tooBig.Stderr.Trim(), Is.EqualTo($"{big}: the file is 33,554,433 bytes; a results document is at most 33,554,432"));
        Assert.That(tooDeep.ExitCode, Is.EqualTo(ExitCodes.Usage), tooDeep.Stderr);
        Assert.That(tooDeep.Stderr, Does.StartWith($"{deep}:2:71: not JSON: ").And.Not.Contain("   at "));
    }

    [TestCase("list")]
    [TestCase("revoke", "someone")]
    public void Accounts_must_not_create_a_store_to_read_it(params string[] verb)
    {
        string results = Path.Combine(_directory, "nonexistent");

        var result = CliProcess.Run(["accounts", .. verb, "--results", results]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NoInput), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("no results store"));
        Assert.That(Directory.Exists(results), Is.False, "no store created");
    }
}
