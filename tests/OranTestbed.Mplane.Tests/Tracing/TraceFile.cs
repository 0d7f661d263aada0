using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OranTestbed.Mplane.Tests.Tracing;

/// <summary>
/// Reads a trace back by its documented format (header line; <c>bytes=N</c> body bytes; blank line), strictly: a record
/// that does not follow the format fails the spec rather than being skipped.
/// </summary>
internal static partial class TraceFile
{
    public static IReadOnlyList<TraceRecord> Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var records = new List<TraceRecord>();
        int at = 0;
        while (at < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', at);
            string header = Encoding.UTF8.GetString(bytes, at, end - at);
            var match = Header().Match(header);
            if (!match.Success)
            {
                throw new FormatException($"bad trace header at byte {at}: '{header}'");
            }

            at = end + 1;
            var length = BytesDetail().Match(header);
            int bodyLength = match.Groups["dir"].Value == "--" || !length.Success
                ? 0
                : int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
            string body = Encoding.UTF8.GetString(bytes, at, bodyLength);
            at += bodyLength;
            string terminator = bodyLength == 0 ? "\n" : "\n\n";
            if (Encoding.UTF8.GetString(bytes, at, terminator.Length) != terminator)
            {
                throw new FormatException($"record '{header}' is not followed by a blank line");
            }

            at += terminator.Length;
            records.Add(new TraceRecord(
                DateTimeOffset.ParseExact(match.Groups["time"].Value, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal),
                match.Groups["dir"].Value,
                match.Groups["rest"].Value,
                body));
        }

        return records;
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) (?<dir>>>|<<|--) (?<rest>\S.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@" bytes=(\d+)")]
    private static partial Regex BytesDetail();
}
