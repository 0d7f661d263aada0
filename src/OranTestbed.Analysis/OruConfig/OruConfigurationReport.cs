using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.OruConfig;

/// <summary>
/// The capture compared with the configuration the O-RU states over its M-plane (<c>analyze --oru-config</c>): where the
/// statement came from and each aspect (<see cref="OruConfigurationAspect"/>). <see cref="Enabled"/> is false when no
/// O-RU configuration was given.
/// </summary>
/// <param name="Profile">The name of the profile that holds the O-RU's statement.</param>
/// <param name="Source">The M-plane it was read from and when; null for a profile without provenance (hand-written).</param>
public sealed record OruConfigurationReport(bool Enabled, string? Profile, ProfileSource? Source,
    ImmutableArray<OruConfigurationAspect> Aspects)
{
    public static OruConfigurationReport Disabled { get; } = new(false, null, null, []);

    /// <summary>"M-plane oru@host:830, read 2026-12-07T20:36:00Z" or "profile NAME (no M-plane provenance)".</summary>
    public string SourceText => Source is { } s
        ? $"M-plane {s.Mplane}, read {s.ReadAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)} (profile {Profile})"
        : $"profile {Profile} (no M-plane provenance: taken as the O-RU's stated configuration)";
}
