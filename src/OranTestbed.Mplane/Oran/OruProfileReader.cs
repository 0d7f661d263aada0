using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Mplane.Oran;

/// <summary>
/// What an O-RU says over the M-plane it is configured for, as a fronthaul profile (the reverse of
/// <see cref="StartupConfiguration"/>): numerology and width from a low-level endpoint's frame-structure and
/// number-of-prb-per-scs, compression per direction (STATIC = no udCompHdr in sections, DYNAMIC = udCompHdr present),
/// the eAxC split from its e-axcid bitmasks, the carrier width and duplex from its array carrier, the VLAN from the
/// processing element and the O-RU delay windows from its ru-delay-profile. What the M-plane does not carry (the TDD
/// slot pattern: O-RUs without configurable-tdd-pattern take it from the C-plane) is given by the caller. The eAxC
/// ids of the endpoints become the profile's <c>eaxc-ids</c>.
/// </summary>
public static class OruProfileReader
{
    /// <summary>The profile named <paramref name="name"/> from <paramref name="data"/> (a <c>&lt;get&gt;</c>'s data), with the
    /// TDD slots (<c>DDDSU</c>) and special-slot split the caller gives for a TDD O-RU; every missing or unusable value
    /// is reported at once as a <see cref="FormatException"/> naming the YANG path.</summary>
    public static FronthaulProfile Read(XElement data, string name, string? tddSlots = null, SpecialSlotSplit? specialSlot = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var up = OranNamespaces.UplaneConf;
        var problems = new List<string>();
        var plane = data.DescendantsAndSelf(up + "user-plane-configuration").FirstOrDefault();
        var tx = Configured(plane, "low-level-tx-endpoints", problems);
        var rx = Configured(plane, "low-level-rx-endpoints", problems);
        var carrierNode = plane?.Elements(up + "tx-array-carriers").FirstOrDefault();
        if (carrierNode is null)
        {
            problems.Add("user-plane-configuration/tx-array-carriers: none configured");
        }

        if (tx is null || rx is null || carrierNode is null)
        {
            throw new FormatException("the O-RU's M-plane data does not describe a fronthaul: " + string.Join("; ", problems));
        }

        int? frame = Int(tx, "frame-structure", problems);
        int? prbs = Int(tx.Element(up + "number-of-prb-per-scs"), "number-of-prb", problems);
        long? bandwidthHz = Long(carrierNode, "channel-bandwidth", problems);
        var eaxc = EaxcSplit(tx.Element(up + "e-axcid"), problems);
        var downlink = Compression(tx, problems);
        var uplink = Compression(rx, problems);
        string duplexScheme = carrierNode.Element(up + "duplex-scheme")?.Value ?? (tddSlots is null ? "FDD" : "TDD");
        var duplex = duplexScheme == "TDD" ? DuplexMode.Tdd : DuplexMode.Fdd;
        if (duplex == DuplexMode.Tdd && tddSlots is null)
        {
            problems.Add("the O-RU runs TDD and the M-plane does not carry the slot pattern: give it (e.g. DDDSU with its special slot)");
        }

        if (problems.Count > 0 || frame is null || prbs is null || bandwidthHz is null || eaxc is null || downlink is null || uplink is null)
        {
            throw new FormatException("the O-RU's M-plane data does not give a complete profile: " + string.Join("; ", problems));
        }

        int numerology = frame.Value & 0x0F;
        var carrier = new Carrier(numerology, prbs.Value, bandwidthMHz: (int)(bandwidthHz.Value / 1_000_000));
        TddPattern? tddPattern = null;
        if (duplex == DuplexMode.Tdd
            && !TddPattern.TryCreate(tddSlots!, specialSlot, numerology, carrier.CyclicPrefix, out tddPattern, out string? tddError))
        {
            throw new FormatException($"TDD pattern {tddSlots}: {tddError}");
        }

        int? vlan = data.DescendantsAndSelf(OranNamespaces.ProcessingElement + "eth-flow")
            .Select(f => f.Element(OranNamespaces.ProcessingElement + "vlan-id")?.Value).Where(v => v is not null)
            .Select(v => (int?)int.Parse(v!, CultureInfo.InvariantCulture)).FirstOrDefault();
        var delays = RuDelayProfile.Read(data, bandwidthHz.Value / 1000, carrier.SubcarrierSpacingKHz * 1000L) ?? DelayManagement.None;
        return new FronthaulProfile
        {
            Name = name,
            Description = "read from the O-RU's M-plane",
            Carrier = carrier,
            EaxcBits = eaxc.Value,
            VlanId = (ushort?)vlan,
            DownlinkCompression = downlink,
            UplinkCompression = uplink,
            Duplex = duplex,
            TddPattern = duplex == DuplexMode.Tdd ? tddPattern : null,
            DelayManagement = delays,
            Tap = CaptureTap.Ru,
            EaxcIds = EaxcIds(plane!),
        };
    }

    /// <summary>The eAxC ids of every configured low-level tx and rx endpoint (<c>e-axcid/eaxc-id</c>), ascending and
    /// distinct; endpoints without one (or with a value that is not an eAxC id) add none.</summary>
    private static System.Collections.Immutable.ImmutableArray<ushort> EaxcIds(XElement plane)
    {
        var up = OranNamespaces.UplaneConf;
        var ids = new SortedSet<ushort>();
        foreach (var endpoint in plane.Elements(up + "low-level-tx-endpoints").Concat(plane.Elements(up + "low-level-rx-endpoints")))
        {
            if (endpoint.Element(up + "e-axcid")?.Element(up + "eaxc-id")?.Value is { } text
                && ushort.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ushort id))
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    /// <summary>The first endpoint of the list the O-DU configured (it carries compression and e-axcid).</summary>
    private static XElement? Configured(XElement? plane, string list, List<string> problems)
    {
        var up = OranNamespaces.UplaneConf;
        var endpoint = plane?.Elements(up + list).FirstOrDefault(e => e.Element(up + "compression") is not null);
        if (endpoint is null)
        {
            problems.Add($"user-plane-configuration/{list}: no configured endpoint (with compression)");
        }

        return endpoint;
    }

    private static UPlaneCompression? Compression(XElement endpoint, List<string> problems)
    {
        var up = OranNamespaces.UplaneConf;
        var node = endpoint.Element(up + "compression")!;
        string where = $"{endpoint.Name.LocalName}[{endpoint.Element(up + "name")?.Value}]/compression";
        string method = node.Element(up + "compression-method")?.Value ?? "BLOCK_FLOATING_POINT";
        if (!CompressionNames.TryParse(method, out var known) || !IqCompression.IsSupported(known))
        {
            problems.Add($"{where}/compression-method: '{method}' is not a method this tool decodes");
            return null;
        }

        int width = node.Element(up + "iq-bitwidth") is { } w ? int.Parse(w.Value, CultureInfo.InvariantCulture)
            : known == CompressionMethod.None ? 16 : 0;
        if (width is < 1 or > 16)
        {
            problems.Add($"{where}/iq-bitwidth: missing or outside 1..16");
            return null;
        }

        bool dynamic = node.Element(up + "compression-type")?.Value == "DYNAMIC";
        return new UPlaneCompression(UdCompHdr.From(known, width), dynamic);
    }

    /// <summary>The eAxC split from the four bitmasks: each field's width is its mask's bit count; together 16 bits.</summary>
    private static EaxcBitWidths? EaxcSplit(XElement? eaxc, List<string> problems)
    {
        var up = OranNamespaces.UplaneConf;
        if (eaxc is null)
        {
            problems.Add("low-level-tx-endpoints/e-axcid: missing");
            return null;
        }

        int Width(string mask) => BitOperations.PopCount(uint.Parse(eaxc.Element(up + mask)?.Value ?? "0", CultureInfo.InvariantCulture));
        int du = Width("o-du-port-bitmask"), sector = Width("band-sector-bitmask"), cc = Width("ccid-bitmask"), ru = Width("ru-port-bitmask");
        if (du + sector + cc + ru != 16)
        {
            problems.Add($"e-axcid: the bitmasks cover {du}+{sector}+{cc}+{ru} bits, not the 16 of an eAxC id");
            return null;
        }

        return new EaxcBitWidths(du, sector, cc, ru);
    }

    private static int? Int(XElement? parent, string leaf, List<string> problems) => (int?)Long(parent, leaf, problems);

    private static long? Long(XElement? parent, string leaf, List<string> problems)
    {
        string? text = parent?.Element(OranNamespaces.UplaneConf + leaf)?.Value;
        if (text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        problems.Add($"{parent?.Name.LocalName}/{leaf}: {(text is null ? "missing" : $"'{text}' is not a number")}");
        return null;
    }
}
