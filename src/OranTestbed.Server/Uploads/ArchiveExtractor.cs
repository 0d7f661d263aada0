using System.Formats.Tar;
using System.IO.Compression;
using OranTestbed.Server.Api;

namespace OranTestbed.Server.Uploads;

/// <summary>
/// Unpacks an uploaded artifacts archive (.zip or .tar.gz, told by its first bytes, not its name) into an empty folder,
/// refusing the whole archive (400, or 413 for the size guards) at the first entry that is: absolute (<c>/x</c>,
/// <c>C:x</c>), leaves the folder (a <c>..</c> segment), uses a backslash or NUL, is a symbolic or hard link or any
/// other special file (device, FIFO), appears twice, or is one entry too many. Against bombs, the sizes the archive
/// declares (zip: every entry, read from the central directory before anything is written; tar: each entry, before it
/// is written) are held to <see cref="ServerOptions.MaxExtractedBytes"/>, and so are the bytes actually written, which
/// may never pass their entry's declared size: a bomb is refused before its bytes reach the disk, and a lying header
/// after at most the sizes it declared (within the limit). Only regular files and folders are ever created, so nothing
/// extracted can point outside the folder.
/// </summary>
internal static class ArchiveExtractor
{
    public static void Extract(string archive, string destination, ServerOptions options)
    {
        Directory.CreateDirectory(destination);
        var state = new State(Path.GetFullPath(destination), options);
        Span<byte> magic = stackalloc byte[4];
        int got;
        using (var probe = File.OpenRead(archive))
        {
            got = probe.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        }

        try
        {
            if (got >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] is 3 or 5)
            {
                ExtractZip(archive, state);
            }
            else if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                ExtractTarGz(archive, state);
            }
            else
            {
                throw ApiProblems.BadRequest("bad-archive", "the artifacts part is neither a .zip nor a .tar.gz archive");
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw ApiProblems.BadRequest("bad-archive", "the artifacts archive is corrupt: " + e.Message);
        }
    }

    private static void ExtractZip(string archive, State state)
    {
        using var zip = ZipFile.OpenRead(archive);
        if (zip.Entries.Count > state.Options.MaxArchiveEntries)
        {
            throw ApiProblems.TooLarge($"the artifacts archive has {zip.Entries.Count} entries; at most {state.Options.MaxArchiveEntries} are accepted");
        }

        foreach (var entry in zip.Entries)
        {
            state.Declare(entry.FullName, entry.Length);
        }

        foreach (var entry in zip.Entries)
        {
            string name = entry.FullName;
            // Unix mode in the high 16 bits of the external attributes (when made on Unix): refuse links and specials.
            int type = (entry.ExternalAttributes >> 16) & 0xF000;
            bool directory = name.EndsWith('/');
            if (type == 0xA000)
            {
                throw Refuse(name, "is a symbolic link; the archive may hold only regular files and folders");
            }

            if (type is not (0 or 0x8000 or 0x4000))
            {
                throw Refuse(name, "is a special file; the archive may hold only regular files and folders");
            }

            string path = state.Admit(name, directory || type == 0x4000);
            if (directory || type == 0x4000)
            {
                continue;
            }

            using var source = entry.Open();
            state.Write(name, source, path, entry.Length);
        }
    }

    private static void ExtractTarGz(string archive, State state)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        TarEntry? entry;
        while ((entry = tar.GetNextEntry()) is not null)
        {
            string name = entry.Name;
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    state.Admit(name, directory: true);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    state.Declare(name, entry.Length);
                    string path = state.Admit(name, directory: false);
                    state.Write(name, entry.DataStream ?? Stream.Null, path, entry.Length);

                    break;
                case TarEntryType.GlobalExtendedAttributes:
                    break; // metadata only (PAX global header): nothing to extract
                case TarEntryType.SymbolicLink:
                    throw Refuse(name, $"is a symbolic link (to '{entry.LinkName}'); the archive may hold only regular files and folders");
                case TarEntryType.HardLink:
                    throw Refuse(name, $"is a hard link (to '{entry.LinkName}'); the archive may hold only regular files and folders");
                default:
                    throw Refuse(name, $"is a special entry ({entry.EntryType}); the archive may hold only regular files and folders");
            }
        }
    }

    private static ApiProblemException Refuse(string entry, string why) =>
        ApiProblems.BadRequest("unsafe-archive", $"artifacts archive entry '{entry}' {why}", [ProblemError.InArchive(entry, why)]);

    /// <summary>What was extracted so far, against the limits.</summary>
    private sealed class State(string root, ServerOptions options)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private long _declared;
        private long _bytes;

        public ServerOptions Options { get; } = options;

        /// <summary>Checks an entry's name and count; returns where it goes (folders are created).</summary>
        public string Admit(string name, bool directory)
        {
            if (_seen.Count >= Options.MaxArchiveEntries)
            {
                throw ApiProblems.TooLarge($"the artifacts archive has more than {Options.MaxArchiveEntries} entries",
                    [ProblemError.InArchive(name, "one entry too many")]);
            }

            if (directory && name is "./" or ".")
            {
                return root; // the archive's own folder, as `tar -C DIR .` writes it
            }

            string relative = Normalize(name);
            if (!_seen.Add(relative.TrimEnd('/')))
            {
                throw Refuse(name, "appears twice in the archive");
            }

            string full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != root)
            {
                throw Refuse(name, "leaves the archive folder");
            }

            if (directory)
            {
                Directory.CreateDirectory(full);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            }

            return full;
        }

        /// <summary>Adds an entry's declared size to the total, refusing the archive (before its bytes are written) when the
        /// total passes the limit.</summary>
        public void Declare(string name, long length)
        {
            if (length < 0 || length > Options.MaxExtractedBytes - _declared)
            {
                throw TooLarge(name);
            }

            _declared += length;
        }

        /// <summary>
        /// Copies an entry's bytes, counting what is really written: never more than the entry declared (a zip entry can
        /// inflate to more than its header says), never past the total allowed.
        /// </summary>
        public void Write(string name, Stream source, string path, long declared)
        {
            using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var buffer = new byte[81920];
            long written = 0;
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                written += read;
                if (written > declared)
                {
                    throw Refuse(name, $"holds more bytes than its header declares ({declared})");
                }

                _bytes += read;
                if (_bytes > Options.MaxExtractedBytes)
                {
                    throw TooLarge(name);
                }

                target.Write(buffer, 0, read);
            }
        }

        private ApiProblemException TooLarge(string name) =>
            ApiProblems.TooLarge($"the artifacts archive expands to more than {Options.MaxExtractedBytes} bytes",
                [ProblemError.InArchive(name, "the archive's content passes the size limit here")]);

        private static string Normalize(string name)
        {
            if (name.Length == 0 || name.Length > 1024)
            {
                throw Refuse(name, "has an empty or over-long name");
            }

            if (name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw Refuse(name, "contains a backslash or NUL");
            }

            if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':'))
            {
                throw Refuse(name, "is an absolute path");
            }

            string relative = name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
            var segments = relative.TrimEnd('/').Split('/');
            if (segments.Any(s => s == ".."))
            {
                throw Refuse(name, "leaves the archive folder (a '..' segment)");
            }

            if (relative.Length == 0 || segments.Any(s => s.Length == 0 || s == "."))
            {
                throw Refuse(name, "has an empty or '.' path segment");
            }

            return relative;
        }
    }
}
