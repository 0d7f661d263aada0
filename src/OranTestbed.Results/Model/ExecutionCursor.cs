using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OranTestbed.Results.Model;

/// <summary>
/// Where a newest-first page of results ended (keyset paging: the run's start, the run, the execution; a page of runs
/// ends at a run: the execution is empty), and its text form for a URL: base64url of the three, so a page link is
/// stable whatever is recorded meanwhile.
/// </summary>
public sealed record ExecutionCursor(DateTimeOffset RunStartedAt, string RunId, string ExecutionId)
{
    private const char Separator = '\0'; // in no stored text: the store refuses U+0000 (ResultsStore.RefuseNul)

    public static ExecutionCursor After(ExecutionResult last, DateTimeOffset runStartedAt)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new ExecutionCursor(runStartedAt, last.RunId, last.ExecutionId);
    }

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join(Separator, RunStartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), RunId, ExecutionId)));

    /// <summary>The cursor of <paramref name="text"/>, or null when it is not one (a hand-edited or hostile URL).</summary>
    public static ExecutionCursor? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return null;
        }

        try
        {
            string[] parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(Separator);
            return parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                   && ticks <= DateTimeOffset.MaxValue.UtcTicks && parts[1].Length > 0
                ? new ExecutionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1], parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
