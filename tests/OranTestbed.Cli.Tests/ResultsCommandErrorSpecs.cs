using OranTestbed.Cli.Tests.Support;

namespace OranTestbed.Cli.Tests;

/// <summary>
/// Exports and results folders that cannot be written: one line naming the path and why, the documented exit code,
/// never a stack trace, and no half-written document left behind (on the demo run of this fixture).
/// </summary>
public partial class ResultsCommandSpecs
{
    [Test]
    public void Results_export_must_refuse_a_directory_as_out_in_one_line()
    {
        string directory = Path.Combine(Folder, "export-into-a-directory");
        Directory.CreateDirectory(directory);

        var result = CliProcess.Run("results", "export", _runId, "--results", Results, "--out", directory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(result.Stderr.TrimEnd(),
                Is.EqualTo($"oran-testbed results export: --out {directory} is a directory: give the file to write"));
        }
    }

    [TestCase("oran")]
    [TestCase("junit")]
    [Category("Live")]
    [NonParallelizable]
    public void Results_export_must_exit_73_and_leave_no_document_when_the_disk_is_full(string format)
    {
        using var disk = SmallDisk.Mount("64k");
        WriteErrorSpecs.Fill(disk);
        string file = disk.File("export.out");

        var result = CliProcess.Run("results", "export", _runId, "--results", Results, "--format", format, "--out", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(WriteErrorSpecs.StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed results export: cannot write {file}: ").And.Contain("full"));
            Assert.That(File.Exists(file), Is.False, "no half-written document");
        }
    }

    [Test]
    [Category("Live")]
    [NonParallelizable]
    public void Results_export_must_exit_73_and_leave_no_document_when_its_evidence_does_not_fit()
    {
        // The document (~75 kB) fits in 1 MiB; the run's evidence (hundreds of MB) does not.
        using var disk = SmallDisk.Mount("1m");
        string file = disk.File("results.json");

        var result = CliProcess.Run("results", "export", _runId, "--results", Results, "--out", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.CannotCreate), result.ToString());
            Assert.That(WriteErrorSpecs.StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith($"oran-testbed results export: cannot write the evidence of {file}: ")
                .And.EndWith($"; {file} was removed\n"));
            Assert.That(File.Exists(file), Is.False, "a document whose evidence is missing is not left to upload");
            Assert.That(Directory.GetFiles(disk.Path, "*.partial", SearchOption.AllDirectories), Is.Empty,
                "no evidence file cut short");
        }
    }

    [TestCase("results", "list")]
    [TestCase("results", "import", "FILE")]
    [TestCase("matrix")]
    [TestCase("run", "CAMPAIGN")]
    public void A_results_folder_that_is_a_file_must_be_one_line_naming_it(params string[] command)
    {
        string notAFolder = Path.Combine(Folder, "not-a-folder");
        File.WriteAllText(notAFolder, "x");
        string[] arguments = [.. command.Select(a => a switch { "FILE" => Campaign, "CAMPAIGN" => Campaign, _ => a }),
            "--results", notAFolder];

        var result = CliProcess.Run(arguments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.AnyOf(ExitCodes.NoInput, ExitCodes.Usage, ExitCodes.CannotCreate), result.ToString());
            Assert.That(result.Stderr.TrimEnd(), Does.EndWith($"--results {notAFolder} is a file, not a results folder"));
            Assert.That(WriteErrorSpecs.StderrLines(result), Has.Count.EqualTo(1), result.Stderr);
        }
    }
}
