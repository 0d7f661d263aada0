using System.Globalization;
using System.Text;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Profiles;

/// <summary>
/// Writes a <see cref="FronthaulProfile"/> as the YAML <see cref="FronthaulProfileLoader"/> reads (the same keys, units
/// and defaults left out), so a profile made elsewhere (read from an O-RU's M-plane) becomes a file a lab reviews and
/// versions; reading it back gives the same profile.
/// </summary>
public static class FronthaulProfileWriter
{
    /// <summary>The YAML text of <paramref name="profile"/>, preceded by <paramref name="header"/> lines as comments.</summary>
    public static string Write(FronthaulProfile profile, IEnumerable<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var text = new StringBuilder();
        foreach (string line in header ?? [])
        {
            text.Append("# ").AppendLine(line);
        }

        Line(text, 0, "name", Quoted(profile.Name));
        if (profile.Description is { } description)
        {
            Line(text, 0, "description", Quoted(description));
        }

        WriteCarrier(text, profile.Carrier);
        var bits = profile.EaxcBits;
        Line(text, 0, "eaxc-id-bits", Invariant($"{{du-port: {bits.DuPort}, band-sector: {bits.BandSector}, cc: {bits.Cc}, ru-port: {bits.RuPort}}}"));
        if (profile.EcpriUdpPort is { } port)
        {
            Line(text, 0, "ecpri-udp-port", Invariant($"{port}"));
        }

        if (profile.VlanId is { } vlan)
        {
            Line(text, 0, "vlan-id", Invariant($"{vlan}"));
        }

        text.AppendLine("compression:");
        Line(text, 1, "dl", Compression(profile.DownlinkCompression));
        Line(text, 1, "ul", Compression(profile.UplinkCompression));
        Line(text, 0, "duplex", profile.Duplex == DuplexMode.Tdd ? "tdd" : "fdd");
        if (profile.TddPattern is { } tdd)
        {
            text.AppendLine("tdd-pattern:");
            Line(text, 1, "slots", tdd.Slots);
            if (tdd.Special is { } s)
            {
                Line(text, 1, "special-slot", Invariant($"{{dl: {s.Downlink}, guard: {s.Guard}, ul: {s.Uplink}}}"));
            }
        }

        WriteDelays(text, profile.DelayManagement);
        if (profile.CaptureClock != TimeScale.Utc)
        {
            Line(text, 0, "capture-clock", profile.CaptureClock.ToString().ToLowerInvariant());
        }

        if (profile.GpsOffset != default)
        {
            Line(text, 0, "gps-offset", Invariant($"{{alpha: {DurationText.Format(profile.GpsOffset.AlphaNs)}, beta: {profile.GpsOffset.BetaFrames}}}"));
        }

        if (profile.Tap is { } tap)
        {
            Line(text, 0, "tap", tap == CaptureTap.Ru ? "ru" : "du");
        }

        WriteThresholds(text, profile.VerdictThresholds);
        if (!profile.RuleSeverities.IsEmpty)
        {
            text.AppendLine("rule-severity:");
            foreach (var (rule, severity) in profile.RuleSeverities.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Line(text, 1, rule, severity);
            }
        }

        if (profile.SPlane is { } splane)
        {
            WriteSPlane(text, splane);
        }

        if (!profile.EaxcIds.IsEmpty)
        {
            Line(text, 0, "eaxc-ids", "[" + string.Join(", ", profile.EaxcIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]");
        }

        if (profile.Source is { } source)
        {
            Line(text, 0, "source", $"{{m-plane: {Quoted(source.Mplane)}, read-at: {ReadAt(source.ReadAt)}}}");
        }

        return text.ToString();
    }

    /// <summary>ISO 8601 in UTC with a Z, whole seconds (the loader reads fractions too).</summary>
    public static string ReadAt(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteCarrier(StringBuilder text, Carrier carrier)
    {
        Line(text, 0, "numerology", Invariant($"{carrier.Numerology}"));
        if (carrier.BandwidthMHz is { } mhz)
        {
            Line(text, 0, "bandwidth", Invariant($"{mhz}MHz"));
        }
        else
        {
            Line(text, 0, "prbs", Invariant($"{carrier.Prbs}"));
        }

        if (carrier.FrequencyRange is { } range && NrBandwidthTable.RangesFor(carrier.SubcarrierSpacingKHz).Count > 1)
        {
            Line(text, 0, "frequency-range", range == FrequencyRange.Fr1 ? "fr1" : "fr2");
        }

        if (carrier.CyclicPrefix == CyclicPrefix.Extended)
        {
            Line(text, 0, "cyclic-prefix", "extended");
        }
    }

    private static void WriteDelays(StringBuilder text, DelayManagement delays)
    {
        var given = DelayParameterNames.All.Where(p => delays.Get(p) is not null).ToList();
        if (given.Count == 0)
        {
            return;
        }

        text.AppendLine("delay-management:");
        foreach (var parameter in given)
        {
            Line(text, 1, DelayParameterNames.YangName(parameter), DurationText.Format(delays.Get(parameter)!.Value));
        }
    }

    /// <summary>Every limit key by key (a mask name alone would hide overrides); masks by the name they come from.</summary>
    private static void WriteSPlane(StringBuilder text, TimeErrorLimits limits)
    {
        text.AppendLine("s-plane:");
        if (limits.MaxAbsTeNanoseconds is { } maxAbs)
        {
            Line(text, 1, "max-abs-te", DurationText.Format(maxAbs));
        }

        if (limits.MaxAbsLowPassTeNanoseconds is { } maxLow)
        {
            Line(text, 1, "max-abs-te-low-pass", DurationText.Format(maxLow));
        }

        if (limits.CteNanoseconds is { } cte)
        {
            Line(text, 1, "cte", DurationText.Format(cte));
        }

        if (limits.CteWindowSeconds != new TimeErrorLimits().CteWindowSeconds)
        {
            Line(text, 1, "cte-window", DurationText.Format((long)Math.Round(limits.CteWindowSeconds * 1e9)));
        }

        if (limits.MtieMask is { } mtie)
        {
            Line(text, 1, "mtie-mask", mtie.Name);
        }

        if (limits.TdevMask is { } tdev)
        {
            Line(text, 1, "tdev-mask", tdev.Name);
        }

        Line(text, 1, "min-pairs", limits.MinPairs.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteThresholds(StringBuilder text, VerdictThresholds thresholds)
    {
        if (thresholds == VerdictThresholds.Strict)
        {
            return;
        }

        text.AppendLine("verdict-thresholds:");
        Line(text, 1, "late", Ratio(thresholds.Late));
        Line(text, 1, "early", Ratio(thresholds.Early));
        Line(text, 1, "lost", Ratio(thresholds.Lost));
        Line(text, 1, "duplicate", Ratio(thresholds.Duplicate));
        if (thresholds.OutOfOrder is { } outOfOrder)
        {
            Line(text, 1, "out-of-order", Ratio(outOfOrder));
        }

        Line(text, 1, "malformed", Ratio(thresholds.Malformed));
    }

    private static string Compression(UPlaneCompression compression)
    {
        var header = compression.Static;
        string method = CompressionMethodNames.Name(header.Method);
        return Invariant($"{{method: {method}, iq-width: {header.IqWidth}, comp-hdr: {(compression.UdCompHdrPresent ? "true" : "false")}}}");
    }

    private static string Ratio(decimal fraction) => fraction.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: any text survives (colons, '#', quotes, leading spaces).</summary>
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static void Line(StringBuilder text, int indent, string key, string value) =>
        text.Append(' ', indent * 2).Append(key).Append(": ").AppendLine(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
