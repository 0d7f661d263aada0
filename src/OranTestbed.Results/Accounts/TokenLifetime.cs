using System.Globalization;

namespace OranTestbed.Results.Accounts;

/// <summary>
/// How long a new token works: <see cref="Default"/> (365 days: a year between rotations keeps a leaked token's
/// usefulness bounded without making a lab re-issue tokens every campaign), a duration of the text form <c>90d</c>,
/// <c>24h</c>, <c>30m</c>, <c>45s</c>, or <see cref="Never"/> (text <c>never</c>), which only an admin may choose.
/// </summary>
public sealed record TokenLifetime(TimeSpan? Duration)
{
    public static readonly TokenLifetime Default = new(TimeSpan.FromDays(365));

    public static readonly TokenLifetime Never = new((TimeSpan?)null);

    /// <summary>The longest lifetime or grace the text form accepts (beyond it, say <c>never</c>).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    public bool Expires => Duration is not null;

    public DateTimeOffset? ExpiresAt(DateTimeOffset issuedAt) => Duration is { } d ? issuedAt + d : null;

    /// <summary>Parses <c>never</c> or a duration (see <see cref="TryParseDuration"/>).</summary>
    public static bool TryParse(string? text, out TokenLifetime lifetime)
    {
        lifetime = Default;
        if (text == "never")
        {
            lifetime = Never;
            return true;
        }

        if (TryParseDuration(text, out var duration) && duration > TimeSpan.Zero)
        {
            lifetime = new TokenLifetime(duration);
            return true;
        }

        return false;
    }

    /// <summary>A whole number followed by d, h, m or s (<c>90d</c>, <c>24h</c>, <c>0s</c>), at most <see cref="Longest"/>.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is not { Length: >= 2 and <= 12 }
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return false;
        }

        long seconds = text[^1] switch { 'd' => 86_400, 'h' => 3_600, 'm' => 60, 's' => 1, _ => -1 };
        if (seconds < 0 || n > (long)Longest.TotalSeconds / seconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(n * seconds);
        return true;
    }

    public override string ToString() => Duration is { } d ? Text(d) : "never";

    private static string Text(TimeSpan d) => d.TotalDays == Math.Floor(d.TotalDays) ? $"{d.TotalDays:0}d"
        : d.TotalHours == Math.Floor(d.TotalHours) ? $"{d.TotalHours:0}h" : $"{d.TotalSeconds:0}s";
}
