using System.Buffers.Binary;
using OranTestbed.Server.Api;
using OranTestbed.Server.Tests.Support;
using OranTestbed.Server.Uploads;

namespace OranTestbed.Server.Tests;

/// <summary>
/// Archive bombs (issue 14, item 9): refused before their bytes reach the disk. The extractor is driven directly so
/// that what it wrote to the upload's temporary folder can be measured after the refusal.
/// </summary>
public sealed class ArchiveExtractorSpecs
{
    private const long Limit = 1 << 20;

    private static readonly ServerOptions Options = new()
    {
        Store = Results.Store.ResultsStoreOptions.Sqlite("unused.db"), MaxExtractedBytes = Limit, MaxArchiveEntries = 20,
    };

    private string _folder = "";

    [SetUp]
    public void MakeFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "otb-extract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase("zip")]
    [TestCase("tar.gz")]
    public void ArchiveExtractor_must_refuse_a_bomb_before_writing_any_of_its_bytes(string kind)
    {
        // 8 MiB of zeros (8 times the limit) after a small honest file, in under 128 KiB of archive.
        var zeros = new byte[8 << 20];
        byte[] bomb = kind == "zip"
            ? Archives.Zip(("artifacts/a.log", "evidence"u8.ToArray(), 0), ("artifacts/zeros", zeros, 0))
            : Archives.TarGz(Archives.File("artifacts/a.log"), Archives.File("artifacts/zeros", new MemoryStream(zeros)));
        Assert.That(bomb, Has.Length.LessThan(128 * 1024));

        var refused = Assert.Throws<ApiProblemException>(() => Extract(bomb))!;

        Assert.That(refused.Status, Is.EqualTo(413));
        Assert.That(refused.Errors.Single().Entry, Is.EqualTo("artifacts/zeros"));
        Assert.That(BytesWritten(), Is.LessThanOrEqualTo("evidence".Length), "bytes written to the temporary folder");
    }

    [Test]
    public void ArchiveExtractor_must_never_write_more_than_a_zip_entry_declares()
    {
        // A zip whose headers say the 8 MiB entry is 100 bytes: within the limit as declared, a bomb when inflated.
        // (System.IO.Compression already stops reading at the declared size; the extractor counts too, and refuses.)
        byte[] liar = Archives.Zip(("artifacts/zeros", new byte[8 << 20], 0));
        SetUncompressedSizes(liar, 100);

        try
        {
            Extract(liar);
        }
        catch (ApiProblemException refused)
        {
            Assert.That(refused.Status, Is.EqualTo(400).Or.EqualTo(413));
        }

        Assert.That(BytesWritten(), Is.LessThanOrEqualTo(100), "bytes written to the temporary folder");
    }

    [Test]
    public void ArchiveExtractor_must_extract_an_archive_within_the_limit()
    {
        Extract(Archives.Zip(("artifacts/a.log", new byte[Limit - 10], 0), ("artifacts/b.log", new byte[10], 0)));

        Assert.That(BytesWritten(), Is.EqualTo(Limit));
    }

    private void Extract(byte[] archive)
    {
        string path = Path.Combine(_folder, "upload.archive");
        File.WriteAllBytes(path, archive);
        ArchiveExtractor.Extract(path, Path.Combine(_folder, "archive"), Options);
    }

    private long BytesWritten()
    {
        string root = Path.Combine(_folder, "archive");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : 0;
    }

    /// <summary>Rewrites the uncompressed size in every local header (PKZIP APPNOTE §4.3.7, offset 22) and central
    /// directory header (§4.3.12, offset 24).</summary>
    private static void SetUncompressedSizes(byte[] zip, uint size)
    {
        for (int i = 0; i + 46 <= zip.Length; i++)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034B50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014B50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }
    }
}
