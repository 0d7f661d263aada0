using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace OranTestbed.Server.Tests.Support;

/// <summary>Artifact archives, well-formed (from a folder) and hostile (hand-made entries).</summary>
public static class Archives
{
    public static byte[] TarGzOf(string folder)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
        }

        return output.ToArray();
    }

    public static byte[] ZipOf(string folder)
    {
        using var output = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, output, CompressionLevel.Fastest, includeBaseDirectory: false);
        return output.ToArray();
    }

    /// <summary>A .tar.gz with the given entries (built with <see cref="TarWriter"/>, so any name or type).</summary>
    public static byte[] TarGz(params TarEntry[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public static PaxTarEntry File(string name, string content = "evidence") =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    public static PaxTarEntry File(string name, Stream content) => new(TarEntryType.RegularFile, name) { DataStream = content };

    public static PaxTarEntry Link(TarEntryType type, string name, string target) => new(type, name) { LinkName = target };

    /// <summary>A zip whose entries are (name, content, unix mode or 0).</summary>
    public static byte[] Zip(params (string Name, byte[] Content, int UnixMode)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }

                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }
}
