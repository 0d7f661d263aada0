using System.Security.Cryptography;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Store;

/// <summary>
/// Evidence files stored by content: <c>ROOT/ab/abcdef…</c> named by the lower-case hex SHA-256 of their bytes, so the
/// same capture kept by many executions (or uploaded twice) is one file, and a file's name proves its content. Files
/// are written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
internal sealed class ArtifactFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case hex SHA-256", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256);
    }

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Copies a file in (once per content) and says where it went.</summary>
    public async Task<ArtifactRef> AddAsync(ArtifactKind kind, string name, string sourcePath, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await AddAsync(kind, name, source, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ArtifactRef> AddAsync(ArtifactKind kind, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Root);
        string temporary = Path.Combine(Root, ".incoming-" + Guid.NewGuid().ToString("N"));
        string sha256;
        long size;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                size = target.Length;
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            string final = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final))
            {
                try
                {
                    File.Move(temporary, final, overwrite: false);
                }
                catch (IOException) when (File.Exists(final))
                {
                    // Another writer stored the same content first: same bytes, nothing to do.
                }
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        return new ArtifactRef(kind, name, sha256, size);
    }
}
