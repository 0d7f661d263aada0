using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Cli.Commands;

/// <summary>
/// One <c>analyze</c> run: exactly one of <see cref="CapturePath"/> (file mode) and <see cref="Interface"/> (live mode),
/// the profile and its optional tap override, the report files and the limits.
/// </summary>
/// <param name="DurationNanoseconds">Live: stop after this long. File: analyze only frames within this much capture time
/// of the first.</param>
/// <param name="ProgressInterval">Live: how often the one-line progress summary goes to standard error.</param>
internal sealed record AnalyzeRequest(string? CapturePath, string? Interface, string? NetworkNamespace,
    FronthaulProfile Profile, CaptureTap? Tap, string? JsonPath, string? HtmlPath, bool Iq, long? DurationNanoseconds,
    string? Filter)
{
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What the O-RU states it is configured for (<c>--oru-config</c>); the capture is also compared with it.</summary>
    public FronthaulProfile? OruConfiguration { get; init; }

    public bool IsLive => Interface is not null;

    /// <summary>Live: <see cref="DurationNanoseconds"/> as a <see cref="TimeSpan"/>, rounded up to a whole tick.</summary>
    public TimeSpan? Duration => DurationNanoseconds is { } ns ? TimeSpan.FromTicks((ns + 99) / 100) : null;
}
