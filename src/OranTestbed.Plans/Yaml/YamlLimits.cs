using System.Globalization;
using System.Text;

namespace OranTestbed.Plans.Yaml;

/// <summary>
/// What one YAML file may hold. The shipped plan files are under 8 KB, at most 6 levels deep and a few hundred values
/// each; the limits are far above that and far below what exhausts the stack (YamlDotNet builds its node tree by
/// recursion: ~30,000 nested brackets overflow a 1.5 MB thread stack) or the memory of the host.
/// </summary>
public static class YamlLimits
{
    /// <summary>Nested mappings and sequences.</summary>
    public const int MaxDepth = 64;

    /// <summary>Scalars, mappings and sequences together.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Bytes of a file on disk (checked before it is read); characters of a text given in memory.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads a plan file as text (UTF-8 unless it starts with another byte-order mark), refusing one larger
    /// than <see cref="MaxFileBytes"/> before reading it (and while reading, for a file whose size is not known).</summary>
    /// <exception cref="InvalidDataException">The file is too large; the message says so.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal static string ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the file is {stream.Length:N0} bytes; a plan file is at most {MaxFileBytes:N0}"));
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            if (text.Length + read > MaxFileBytes)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"the file is larger than {MaxFileBytes:N0} bytes, the most a plan file may be"));
            }

            text.Append(chunk, 0, read);
        }

        return text.ToString();
    }
}
