using System.Collections.Immutable;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Iot;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Loading;

namespace OranTestbed.Plans.Operators;

/// <summary>
/// An operator's band, its fronthaul profile and its IOT profile must describe the same carrier: numerology, PRBs,
/// duplex and TDD pattern of the profile are the band's; the IOT profile has the band's duplex, range and SCS, allows
/// the profile's compression and eAxC split, and shares an S-plane topology with the operator's network.
/// </summary>
internal static class SetupConsistency
{
    /// <summary>The disagreements, each with the operator band key it is reported at (fronthaul-profile or iot-profile).</summary>
    public static IEnumerable<(string Key, string Message)> Check(Band band, NamedFronthaulProfile named, IotProfile iot,
        ImmutableArray<SyncTopology> operatorSync)
    {
        var profile = named.Profile;
        var carrier = profile.Carrier;
        string p = $"fronthaul profile {named.Name}";
        if (carrier.SubcarrierSpacingKHz != band.SubcarrierSpacingKHz)
        {
            yield return ("fronthaul-profile", $"{p} is µ={carrier.Numerology} ({carrier.SubcarrierSpacingKHz} kHz) but band {band.Id} is {band.SubcarrierSpacingKHz} kHz");
        }
        else if (carrier.Prbs != band.Prbs)
        {
            yield return ("fronthaul-profile", $"{p} carries {carrier.Prbs} PRBs but band {band.Id} is {band.Prbs} PRBs "
                + $"({band.BandwidthMHz} MHz at {band.SubcarrierSpacingKHz} kHz)");
        }

        if (profile.Duplex != band.Duplex)
        {
            yield return ("fronthaul-profile", $"{p} is {Upper(profile.Duplex)} but band {band.Id} ({band.OperatingBand.Name}) is {Upper(band.Duplex)}");
        }
        else if (profile.TddPattern is { } mine && band.TddPattern is { } theirs
            && (mine.Slots != theirs.Slots || mine.Special != theirs.Special))
        {
            yield return ("fronthaul-profile", $"{p} has TDD pattern {mine} but band {band.Id} has {theirs}");
        }

        string i = $"IOT profile {iot.Name}";
        if (iot.Duplex != band.Duplex)
        {
            yield return ("iot-profile", $"{i} is for {Upper(iot.Duplex)} but band {band.Id} is {Upper(band.Duplex)}");
        }

        if (iot.FrequencyRange != band.FrequencyRange)
        {
            yield return ("iot-profile", $"{i} is for {Upper(iot.FrequencyRange)} but {band.OperatingBand.Name} is {Upper(band.FrequencyRange)}");
        }

        if (!iot.SubcarrierSpacingsKHz.Contains(band.SubcarrierSpacingKHz))
        {
            yield return ("iot-profile", $"{i} allows {string.Join(", ", iot.SubcarrierSpacingsKHz)} kHz, not band {band.Id}'s {band.SubcarrierSpacingKHz} kHz");
        }

        foreach (var (direction, compression) in new[] { ("DL", profile.DownlinkCompression), ("UL", profile.UplinkCompression) })
        {
            var hdr = compression.Static;
            if (!iot.Compression.Any(c => c.Covers(hdr.Method, hdr.IqWidth, compression.UdCompHdrPresent)))
            {
                yield return ("fronthaul-profile", $"{p} compresses {direction} with {Describe(compression)}, which {i} does not allow "
                    + $"({string.Join("; ", iot.Compression)})");
            }
        }

        if (!iot.EaxcSplits.IsEmpty && !iot.EaxcSplits.Contains(profile.EaxcBits))
        {
            yield return ("fronthaul-profile", $"{p} splits the eAxC id {CommonReaders.Split(profile.EaxcBits)}, which {i} does not allow "
                + $"({string.Join(", ", iot.EaxcSplits.Select(CommonReaders.Split))})");
        }

        if (!operatorSync.IsDefaultOrEmpty && !operatorSync.Any(iot.SyncTopologies.Contains))
        {
            yield return ("iot-profile", $"{i} allows S-plane {string.Join(", ", iot.SyncTopologies.Select(PlanNames.Of))}, none of which "
                + $"the operator runs ({string.Join(", ", operatorSync.Select(PlanNames.Of))})");
        }
    }

    public static string Describe(UPlaneCompression compression) =>
        $"{CompressionMethodNames.Name(compression.Static.Method)}:{compression.Static.IqWidth}"
        + (compression.UdCompHdrPresent ? " with udCompHdr in sections" : "");

    private static string Upper(DuplexMode mode) => PlanNames.Of(mode).ToUpperInvariant();

    private static string Upper(FrequencyRange range) => PlanNames.Of(range).ToUpperInvariant();
}
