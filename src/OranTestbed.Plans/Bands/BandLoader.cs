using System.Globalization;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Loading;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Bands;

/// <summary>
/// Loads <c>bands/ID.yaml</c> and checks it against 3GPP: the NR band exists, the duplex is the band's, the SCS and
/// channel bandwidth are allowed in the band (TS 38.101-1 Table 5.3.5-1), the PRB count follows from them (Table
/// 5.3.2-1), the NR-ARFCN is on the band's channel raster (TS 38.104 Table 5.4.2.3-1) and the carrier fits in the band.
/// </summary>
internal static class BandLoader
{
    private static readonly string[] RootKeys =
    [
        "id", "description", "band", "environment", "duplex", "arfcn", "center-frequency", "bandwidth",
        "subcarrier-spacing", "prbs", "tdd-pattern",
    ];

    private static readonly string[] TddKeys = ["slots", "special-slot"];
    private static readonly string[] SpecialSlotKeys = ["dl", "guard", "ul"];

    public static Band? Load(PlanSourceFile file, PlanLoadContext context, TestPlanBuilder plan)
    {
        var errors = context.ErrorsFor(file.DisplayPath);
        using var text = new StringReader(file.Text);
        var root = YamlPlanDocument.LoadRootMapping(text, errors);
        if (root is null)
        {
            context.DefineUnreadable(PlanItemKind.Band, file.DisplayPath);
            return null;
        }

        var map = new YamlMappingReader(root, "", errors, RootKeys);
        var id = PlanIds.FileId(map, file.DisplayPath);
        bool defined = id is { } located && context.Define(PlanItemKind.Band, located.Value, errors, located.Node, "id");
        string? description = map.Text("description");
        var environment = map.Choice("environment", PlanNames.Environments, required: true);
        var operating = ReadOperatingBand(map);
        var scs = ReadSpacing(map, operating);
        int? bandwidth = ReadBandwidth(map, operating, scs);
        int? prbs = ReadPrbs(map, operating, scs, bandwidth);
        var (arfcn, centre) = ReadCentre(map, operating, scs, bandwidth);
        var tdd = ReadTdd(map, operating, scs);
        if (!defined || id is not { } bandId || environment is null || operating is null || scs is null || bandwidth is null || prbs is null
            || arfcn is null || centre is null || (operating.Duplex == DuplexMode.Tdd && tdd is null))
        {
            return null;
        }

        var band = new Band
        {
            Id = bandId.Value,
            Description = description,
            OperatingBand = operating,
            Environment = environment.Value,
            Arfcn = arfcn.Value,
            CenterFrequencyMHz = centre.Value,
            BandwidthMHz = bandwidth.Value,
            SubcarrierSpacingKHz = scs.Value,
            Prbs = prbs.Value,
            TddPattern = tdd,
        };
        plan.Bands.Add(band);
        plan.BandsById.Add(band.Id, band);
        return band;
    }

    private static NrOperatingBand? ReadOperatingBand(YamlMappingReader map)
    {
        string? name = map.Text("band", required: true, "the NR operating band, e.g. n78");
        if (name is null)
        {
            return null;
        }

        var band = NrBandCatalogue.Find(name);
        if (band is null)
        {
            map.Error("band", CommonReaders.UnknownNrBand(name));
            return null;
        }

        var duplex = map.Choice("duplex", PlanNames.DuplexModes);
        if (duplex is { } given && given != band.Duplex)
        {
            map.Error("duplex", $"{band.Name} is {PlanNames.Of(band.Duplex).ToUpperInvariant()} (3GPP TS 38.101 Table 5.2-1), not {PlanNames.Of(given)}");
        }

        return band;
    }

    private static int? ReadSpacing(YamlMappingReader map, NrOperatingBand? band)
    {
        int? scs = Quantities.KiloHertz(map, "subcarrier-spacing", required: true);
        if (scs is not { } spacing || band is null)
        {
            return scs;
        }

        if (band.BandwidthsAt(spacing).IsEmpty)
        {
            map.Error("subcarrier-spacing", $"{band.Name} has no {spacing} kHz channels ({Table(band)} allows "
                + $"{string.Join(", ", band.SubcarrierSpacings)} kHz)");
            return null;
        }

        return spacing;
    }

    private static int? ReadBandwidth(YamlMappingReader map, NrOperatingBand? band, int? scs)
    {
        int? bandwidth = Quantities.MegaHertz(map, "bandwidth", required: true);
        if (bandwidth is not { } mhz || band is null || scs is not { } spacing)
        {
            return bandwidth;
        }

        var allowed = band.BandwidthsAt(spacing);
        if (!allowed.Contains(mhz))
        {
            map.Error("bandwidth", $"{mhz} MHz at {spacing} kHz is not a channel bandwidth of {band.Name}: {Table(band)} allows "
                + $"{string.Join(", ", allowed)} MHz at {spacing} kHz");
            return null;
        }

        if (!NrBandwidthTable.TryGetPrbs(band.FrequencyRange, mhz, spacing, out _))
        {
            map.Error("bandwidth", $"{mhz} MHz at {spacing} kHz has no N_RB in 3GPP TS 38.101 Table 5.3.2-1");
            return null;
        }

        return mhz;
    }

    private static int? ReadPrbs(YamlMappingReader map, NrOperatingBand? band, int? scs, int? bandwidth)
    {
        int? given = map.Int("prbs", 1, Carrier.MaxPrbs);
        if (band is null || scs is null || bandwidth is null)
        {
            return null;
        }

        NrBandwidthTable.TryGetPrbs(band.FrequencyRange, bandwidth.Value, scs.Value, out int prbs);
        if (given is { } g && g != prbs)
        {
            map.Error("prbs", $"{g} PRBs disagrees with {bandwidth} MHz at {scs} kHz, which is {prbs} PRBs (3GPP TS 38.101 Table 5.3.2-1); "
                + "leave prbs out to derive it");
            return null;
        }

        return prbs;
    }

    private static (int? Arfcn, decimal? Centre) ReadCentre(YamlMappingReader map, NrOperatingBand? band, int? scs, int? bandwidth)
    {
        int? arfcn = map.Int("arfcn", 0, NrArfcn.Max, what: "the downlink NR-ARFCN of the carrier centre");
        decimal? centre = Quantities.DecimalMegaHertz(map, "center-frequency");
        if (arfcn is null && centre is null)
        {
            if (!map.Has("arfcn") && !map.Has("center-frequency"))
            {
                map.Missing("arfcn", "arfcn (downlink NR-ARFCN) or center-frequency (e.g. 3600MHz)");
            }

            return (null, null);
        }

        string key = arfcn is null ? "center-frequency" : "arfcn";
        if (arfcn is null)
        {
            long kHz = (long)(centre!.Value * 1000);
            if (kHz != centre.Value * 1000 || !NrArfcn.TryFromKiloHertz(kHz, out int fromCentre))
            {
                map.Error(key, $"{Mhz(centre.Value)} MHz is not on the NR global raster (TS 38.104 §5.4.2.1: 5 kHz steps "
                    + "below 3 GHz, 15 kHz to 24.25 GHz, 60 kHz above): give arfcn instead");
                return (null, null);
            }

            arfcn = fromCentre;
        }

        int n = arfcn.Value;
        decimal mhz = NrArfcn.ToKiloHertz(n) / 1000m;
        if (centre is { } c && map.Has("arfcn") && c != mhz)
        {
            map.Error("center-frequency", $"{Mhz(c)} MHz disagrees with arfcn {n}, which is {Mhz(mhz)} MHz (TS 38.104 §5.4.2.1)");
            return (null, null);
        }

        if (band is null || scs is null)
        {
            return (n, mhz);
        }

        var raster = band.RasterFor(scs.Value);
        if (!raster.Contains(n))
        {
            map.Error(key, string.Create(CultureInfo.InvariantCulture,
                $"NR-ARFCN {n} is not on {band.Name}'s {raster.RasterKHz} kHz channel raster for {scs} kHz SCS: "
                + $"{raster.First}, {raster.First + raster.Step} ... {raster.Last} in steps of {raster.Step} (TS 38.104 Table 5.4.2.3-"
                + $"{(band.FrequencyRange == FrequencyRange.Fr1 ? 1 : 2)})"));
            return (null, null);
        }

        if (bandwidth is { } bw)
        {
            decimal low = mhz - bw / 2m;
            decimal high = mhz + bw / 2m;
            if (low < band.DownlinkLowMHz || high > band.DownlinkHighMHz)
            {
                map.Error(key, $"the {bw} MHz carrier centred at {Mhz(mhz)} MHz spans {Mhz(low)}-{Mhz(high)} MHz, outside "
                    + $"{band.Name}'s downlink {Mhz(band.DownlinkLowMHz)}-{Mhz(band.DownlinkHighMHz)} MHz");
                return (null, null);
            }
        }

        return (n, mhz);
    }

    private static TddPattern? ReadTdd(YamlMappingReader map, NrOperatingBand? band, int? scs)
    {
        var tdd = map.Mapping("tdd-pattern", TddKeys, what: "a TDD pattern {slots: DDDSU, special-slot: {dl, guard, ul}}");
        if (band is null)
        {
            return null;
        }

        if (band.Duplex == DuplexMode.Fdd)
        {
            if (map.Has("tdd-pattern"))
            {
                map.Error("tdd-pattern", $"{band.Name} is FDD: it has no TDD pattern");
            }

            return null;
        }

        if (tdd is null)
        {
            if (!map.Has("tdd-pattern"))
            {
                map.Missing("tdd-pattern", $"{band.Name} is TDD: give tdd-pattern {{slots, special-slot}}");
            }

            return null;
        }

        string? slots = tdd.Text("slots", required: true, "the slot letters of one period, e.g. DDDSU");
        SpecialSlotSplit? split = null;
        if (tdd.Mapping("special-slot", SpecialSlotKeys, what: "the special-slot symbols {dl, guard, ul}") is { } special)
        {
            int? dl = special.Int("dl", 0, 14, required: true, "DL symbols");
            int? guard = special.Int("guard", 0, 14, required: true, "guard symbols");
            int? ul = special.Int("ul", 0, 14, required: true, "UL symbols");
            if (dl is null || guard is null || ul is null)
            {
                return null;
            }

            split = new SpecialSlotSplit(dl.Value, guard.Value, ul.Value);
        }

        if (slots is null || scs is null)
        {
            return null;
        }

        int numerology = int.Log2(scs.Value / 15);
        if (!TddPattern.TryCreate(slots, split, numerology, CyclicPrefix.Normal, out var pattern, out string? error))
        {
            tdd.Error(split is null || TddPattern.ValidateSlots(slots, numerology) is not null ? "slots" : "special-slot", error);
            return null;
        }

        return pattern;
    }

    private static string Table(NrOperatingBand band) =>
        band.FrequencyRange == FrequencyRange.Fr1 ? "3GPP TS 38.101-1 Table 5.3.5-1" : "3GPP TS 38.101-2 Table 5.3.5-1";

    private static string Mhz(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
