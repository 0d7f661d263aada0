using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OranTestbed.Results.Audit;

/// <summary>Where a newest-first page of the audit log ended (keyset: the event's time and id), and its text form for a
/// URL (base64url), so a page link stays stable while events are added.</summary>
public sealed record AuditCursor(DateTimeOffset At, string Id)
{
    public static AuditCursor After(AuditEvent last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new AuditCursor(last.At, last.Id);
    }

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        $"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)} {Id}"));

    /// <summary>The cursor of <paramref name="text"/>, or null when it is not one (a hand-edited or hostile URL).</summary>
    public static AuditCursor? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        try
        {
            string[] parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(' ');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                   && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "D", out _)
                ? new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
