using System.Globalization;
using System.Xml.Linq;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// The O-RU's own delay windows as it reports them over the M-plane: <c>o-ran-delay-management</c>
/// <c>delay-management/bandwidth-scs-delay-state[bandwidth, subcarrier-spacing]/ru-delay-profile</c> (read-only,
/// nanoseconds, O-RAN.WG4.MP §7 / CUS §2.3.3), one entry per supported carrier width and SCS. The leaf names are the
/// fronthaul profile's delay keys (<see cref="DelayParameterNames"/>), so the O-RU's view becomes a
/// <see cref="DelayManagement"/> the analyzer judges captures with.
/// </summary>
public static class RuDelayProfile
{
    /// <summary>
    /// The O-RU windows for a carrier of <paramref name="bandwidthKHz"/> (kHz, as the module counts it) and <paramref name="subcarrierSpacingHz"/> in
    /// <paramref name="data"/> (a <c>&lt;get&gt;</c> reply's data, or any element holding <c>delay-management</c>);
    /// null when the O-RU reports no profile for that carrier. A leaf that is not a nanosecond count is an error naming it.
    /// </summary>
    public static DelayManagement? Read(XElement data, long bandwidthKHz, long subcarrierSpacingHz)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ns = OranNamespaces.Delay;
        var state = data.DescendantsAndSelf(ns + "delay-management").Elements(ns + "bandwidth-scs-delay-state")
            .FirstOrDefault(s => Number(s, "bandwidth") == bandwidthKHz && Number(s, "subcarrier-spacing") == subcarrierSpacingHz);
        if (state?.Element(ns + "ru-delay-profile") is not { } profile)
        {
            return null;
        }

        var delays = DelayManagement.None;
        foreach (var leaf in profile.Elements())
        {
            if (leaf.Name.Namespace == ns && DelayParameterNames.TryParse(leaf.Name.LocalName, out var parameter))
            {
                delays = delays.With(parameter.Value, Number(profile, leaf.Name.LocalName));
            }
        }

        return delays;
    }

    /// <summary>The bandwidth (kHz) and SCS (Hz) pairs the O-RU reports a profile for, in document order.</summary>
    public static IReadOnlyList<(long BandwidthKHz, long SubcarrierSpacingHz)> Carriers(XElement data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ns = OranNamespaces.Delay;
        return [.. data.DescendantsAndSelf(ns + "delay-management").Elements(ns + "bandwidth-scs-delay-state")
            .Select(s => (Number(s, "bandwidth") ?? 0, Number(s, "subcarrier-spacing") ?? 0))];
    }

    private static long? Number(XElement parent, string leaf)
    {
        if (parent.Element(OranNamespaces.Delay + leaf) is not { } element)
        {
            return null;
        }

        return long.TryParse(element.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new FormatException($"o-ran-delay-management {leaf}: '{element.Value}' is not a whole number of nanoseconds/hertz");
    }
}
