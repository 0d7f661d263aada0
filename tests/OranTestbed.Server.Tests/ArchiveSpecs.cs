using System.Formats.Tar;
using OranTestbed.Results.Model;
using OranTestbed.Results.Store;
using OranTestbed.Server.Tests.Support;

namespace OranTestbed.Server.Tests;

/// <summary>Hostile artifact archives: refused whole (400, or 413 for the size guards), nothing stored, nothing written
/// outside the upload's work folder.</summary>
public sealed class ArchiveSpecs() : ServerSpec(DatabaseKind.Sqlite)
{
    protected override ServerOptions Configure(ServerOptions options) => options with { MaxArchiveEntries = 20, MaxExtractedBytes = 1 << 20 };

    private string _json = "";

    [SetUp]
    public async Task MakeDocument() => _json = (await Documents.DocumentAsync("r1", [ResultDocuments.Execution("r1", "e1")])).Json;

    private async Task<System.Text.Json.Nodes.JsonNode> RefusedAsync(byte[] archive, int status, string name = "artifacts.tar.gz")
    {
        using var client = Server.Client("integrator");
        using var response = await client.PostAsync("api/v1/results", Http.Multipart(_json, archive, name));
        var problem = await Http.ProblemAsync(response, status);
        Assert.That(await Server.Store.ListExecutionsAsync(), Is.Empty, "nothing may be stored");
        Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(Server.Folder, "work")), Is.Empty, "the work folder is cleaned");
        return problem;
    }

    [TestCase("../escaped.txt")]
    [TestCase("artifacts/../../escaped.txt")]
    [TestCase("/tmp/absolute.txt")]
    [TestCase("C:/windows.txt")]
    [TestCase("artifacts\\backslash.txt")]
    public async Task Upload_must_refuse_tar_entries_leaving_the_archive(string name)
    {
        var problem = await RefusedAsync(Archives.TarGz(Archives.File(name)), 400);

        Assert.That((string?)problem["errors"]![0]!["entry"], Is.EqualTo(name));
        Assert.That(File.Exists(Path.Combine(Server.Folder, "escaped.txt")), Is.False);
    }

    [TestCase(TarEntryType.SymbolicLink)]
    [TestCase(TarEntryType.HardLink)]
    public async Task Upload_must_refuse_links_in_a_tar(TarEntryType type)
    {
        var problem = await RefusedAsync(Archives.TarGz(Archives.Link(type, "artifacts/passwd", "/etc/passwd")), 400);

        Assert.That((string?)problem["detail"], Does.Contain("link"));
    }

    [Test]
    public async Task Upload_must_refuse_special_files_in_a_tar()
    {
        await RefusedAsync(Archives.TarGz(new PaxTarEntry(TarEntryType.Fifo, "artifacts/fifo")), 400);
    }

    [Test]
    public async Task Upload_must_refuse_zip_traversal_and_zip_symlinks()
    {
        await RefusedAsync(Archives.Zip(("../escaped.txt", "x"u8.ToArray(), 0)), 400, "artifacts.zip");
        var problem = await RefusedAsync(Archives.Zip(("artifacts/link", "/etc/passwd"u8.ToArray(), 0xA1FF)), 400, "artifacts.zip");
        Assert.That((string?)problem["detail"], Does.Contain("symbolic link"));
    }

    [Test]
    public async Task Upload_must_refuse_too_many_entries()
    {
        var entries = Enumerable.Range(0, 21).Select(i => (TarEntry)Archives.File($"f{i}.txt")).ToArray();

        await RefusedAsync(Archives.TarGz(entries), 413);
    }

    [Test]
    public async Task Upload_must_refuse_an_archive_expanding_beyond_the_limit_counting_real_bytes()
    {
        // 8 MiB of zeros deflate to a few KiB: a small zip bomb.
        var bomb = Archives.Zip(("artifacts/zeros", new byte[8 << 20], 0));
        Assert.That(bomb, Has.Length.LessThan(64 * 1024));

        var problem = await RefusedAsync(bomb, 413, "artifacts.zip");

        Assert.That((string?)problem["errors"]![0]!["entry"], Is.EqualTo("artifacts/zeros"));
    }

    [Test]
    public async Task Upload_must_refuse_a_tar_bomb_the_same_way()
    {
        await RefusedAsync(Archives.TarGz(Archives.File("artifacts/zeros", new MemoryStream(new byte[8 << 20]))), 413);
    }

    [Test]
    public async Task Upload_must_refuse_what_is_not_an_archive_and_duplicate_entries()
    {
        await RefusedAsync("just some text"u8.ToArray(), 400, "artifacts.txt");
        await RefusedAsync(Archives.TarGz(Archives.File("a.txt"), Archives.File("./a.txt")), 400);
    }

    [Test]
    public async Task Upload_must_refuse_a_document_path_leaving_the_archive_with_its_pointer()
    {
        string log = Path.Combine(Documents.Folder, "x.log");
        await File.WriteAllTextAsync(log, "log");
        var document = await Documents.DocumentAsync("r2", [ResultDocuments.Execution("r2", "e1")],
            new Dictionary<string, ArtifactSource[]> { ["e1"] = [new ArtifactSource(ArtifactKind.Log, "x.log", log)] });
        var json = System.Text.Json.Nodes.JsonNode.Parse(document.Json)!;
        var artifact = json["testResults"]![0]!["groupItems"]![0]!["groupItems"]![0]!["artifacts"]![0]!;
        artifact["path"] = "../../etc/passwd";
        _json = json.ToJsonString();

        var problem = await RefusedAsync(Archives.TarGzOf(document.ArtifactFolder!), 422);

        Assert.That((string?)problem["errors"]![0]!["pointer"], Is.EqualTo("/testResults/0/groupItems/0/groupItems/0/artifacts/0/path"));
    }
}
