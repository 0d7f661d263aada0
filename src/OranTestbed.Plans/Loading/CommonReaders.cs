using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Plans.Bands;
using OranTestbed.Plans.Lab;
using OranTestbed.Plans.Yaml;

namespace OranTestbed.Plans.Loading;

/// <summary>Readers of the values several plan files share: compression, eAxC splits, section types, link speeds, durations.</summary>
internal static class CommonReaders
{
    /// <summary>C-plane section types O-RAN.WG4.CUS defines (§7.3.1, Table 7.3.1-1).</summary>
    public static readonly ImmutableArray<int> KnownSectionTypes = [0, 1, 3, 5, 6, 7];

    /// <summary>Fronthaul Ethernet port speeds in Gbit/s.</summary>
    public static readonly ImmutableArray<int> KnownLinkSpeeds = [1, 10, 25, 40, 50, 100, 200, 400];

    public const int MinMtu = 1500;

    /// <summary>Largest jumbo frame payload commonly configurable.</summary>
    public const int MaxMtu = 9216;

    private static readonly string[] CompressionKeys = ["method", "widths", "dynamic"];
    private static readonly string[] EaxcKeys = ["du-port", "band-sector", "cc", "ru-port"];

    private static readonly KeyValuePair<string, CompressionMethod>[] MethodAliases =
    [
        new("block-floating-point", CompressionMethod.BlockFloatingPoint),
        new("u-law", CompressionMethod.MuLaw),
        new("no-compression", CompressionMethod.None),
        new("modulation-compression", CompressionMethod.ModulationCompression),
    ];

    /// <summary>A duration with a unit as a TimeSpan (whole 100 ns ticks); zero refused unless allowed.</summary>
    public static TimeSpan? Duration(YamlMappingReader map, string key, bool required = false, bool allowZero = false,
        string what = "the duration")
    {
        if (map.Duration(key, required) is not { } ns)
        {
            return null;
        }

        if (ns == 0 && !allowZero)
        {
            map.Error(key, $"{what} must be longer than 0");
            return null;
        }

        return TimeSpan.FromTicks(ns / 100);
    }

    /// <summary>Compression entries {method, widths, dynamic}; a method listed twice is an error.</summary>
    public static ImmutableArray<CompressionSupport> Compression(YamlMappingReader map, string key, bool required)
    {
        var items = ImmutableArray.CreateBuilder<CompressionSupport>();
        var seen = new HashSet<CompressionMethod>();
        foreach (var item in YamlLists.Mappings(map, key, CompressionKeys, required, "a compression {method, widths, dynamic}", allowEmpty: false))
        {
            var methodNode = item.Scalar("method", required: true, "a compression method (none, bfp, block-scaling, mu-law, modulation)");
            CompressionMethod? method = null;
            if (methodNode?.Value is { } name)
            {
                if (TryMethod(name, out var parsed))
                {
                    method = parsed;
                }
                else
                {
                    item.Error("method", $"'{name}' is not a compression method: use none, bfp, block-scaling, mu-law or modulation");
                }
            }

            var widths = YamlLists.Ints(item, "widths", 1, 16, required: method is not null and not CompressionMethod.None,
                "IQ widths in bits", allowEmpty: false);
            bool dynamic = item.Bool("dynamic") ?? false;
            if (method is not { } m)
            {
                continue;
            }

            if (!seen.Add(m))
            {
                item.Error("method", $"{CompressionMethodNames.Name(m)} is listed twice: put all its widths in one entry");
                continue;
            }

            if (m == CompressionMethod.None && widths.IsEmpty)
            {
                widths = [16];
            }

            if (!widths.IsEmpty)
            {
                items.Add(new CompressionSupport(m, [.. widths.Order()], dynamic));
            }
        }

        return items.DrainToImmutable();
    }

    public static bool TryMethod(string name, out CompressionMethod method)
    {
        string kebab = name.Replace('_', '-');
        if (CompressionMethodNames.TryParseMethod(kebab, out method) && IqCompression.IsSupported(method))
        {
            return true;
        }

        foreach (var (alias, value) in MethodAliases)
        {
            if (string.Equals(alias, kebab, StringComparison.OrdinalIgnoreCase))
            {
                method = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>eAxC splits [{du-port, band-sector, cc, ru-port}], each summing to 16.</summary>
    public static ImmutableArray<EaxcBitWidths> EaxcSplits(YamlMappingReader map, string key, bool required)
    {
        var items = ImmutableArray.CreateBuilder<EaxcBitWidths>();
        foreach (var item in YamlLists.Mappings(map, key, EaxcKeys, required, "an eAxC split {du-port, band-sector, cc, ru-port}", allowEmpty: false))
        {
            if (EaxcBits(item) is not { } split)
            {
                continue;
            }

            if (items.Contains(split))
            {
                item.Errors.Add(item.Node, item.Path, $"the split {Split(split)} is listed twice");
                continue;
            }

            items.Add(split);
        }

        return items.DrainToImmutable();
    }

    public static ImmutableArray<int> SectionTypes(YamlMappingReader map, string key, bool required)
    {
        var items = ImmutableArray.CreateBuilder<int>();
        foreach (var item in YamlLists.IntItems(map, key, 0, 255, required, "a C-plane section type", allowEmpty: false))
        {
            if (KnownSectionTypes.Contains(item.Value))
            {
                items.Add(item.Value);
            }
            else
            {
                map.Errors.Add(item.Node, item.KeyPath, $"section type {item.Value} does not exist: O-RAN.WG4.CUS defines 0, 1, 3, 5, 6 and 7");
            }
        }

        return [.. items.Order()];
    }

    public static ImmutableArray<int> SectionExtensions(YamlMappingReader map, string key) =>
        [.. YamlLists.Ints(map, key, 1, 31, required: false, "a section extension type (1..31)").Order()];

    public static ImmutableArray<int> LinkSpeeds(YamlMappingReader map, string key, bool required)
    {
        var items = ImmutableArray.CreateBuilder<int>();
        foreach (var item in YamlLists.Texts(map, key, required, "a link speed such as 25G", allowEmpty: false))
        {
            if (!Quantities.TryGigabits(item.Value, out int gbps))
            {
                map.Errors.Add(item.Node, item.KeyPath, $"'{item.Value}' is not a link speed: write it in Gbit/s with its unit, e.g. 25G");
            }
            else if (!KnownLinkSpeeds.Contains(gbps))
            {
                map.Errors.Add(item.Node, item.KeyPath, $"{gbps}G is not an Ethernet port speed: use {string.Join(", ", KnownLinkSpeeds.Select(s => s + "G"))}");
            }
            else
            {
                items.Add(gbps);
            }
        }

        return [.. items.Order()];
    }

    /// <summary>NR band names of a list, each known to <see cref="NrBandCatalogue"/>.</summary>
    public static ImmutableArray<string> NrBands(YamlMappingReader map, string key, bool required)
    {
        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in YamlLists.Texts(map, key, required, "an NR band such as n78", allowEmpty: false))
        {
            if (NrBandCatalogue.Find(item.Value) is null)
            {
                map.Errors.Add(item.Node, item.KeyPath, UnknownNrBand(item.Value));
                continue;
            }

            items.Add(item.Value);
        }

        return items.DrainToImmutable();
    }

    public static string UnknownNrBand(string name)
    {
        string? close = KeySuggestions.Closest(name, NrBandCatalogue.Names.ToList());
        return close is null
            ? $"'{name}' is not an NR band this tool knows: {string.Join(", ", NrBandCatalogue.Names)}"
            : $"'{name}' is not an NR band this tool knows; did you mean '{close}'?";
    }

    /// <summary>One eAxC split mapping {du-port, band-sector, cc, ru-port} whose widths sum to 16; null (errors added
    /// at the mapping) otherwise.</summary>
    public static EaxcBitWidths? EaxcBits(YamlMappingReader split)
    {
        ArgumentNullException.ThrowIfNull(split);
        int? du = split.Int("du-port", 0, 16, required: true);
        int? band = split.Int("band-sector", 0, 16, required: true);
        int? cc = split.Int("cc", 0, 16, required: true);
        int? ru = split.Int("ru-port", 0, 16, required: true);
        if (du is null || band is null || cc is null || ru is null)
        {
            return null;
        }

        int sum = du.Value + band.Value + cc.Value + ru.Value;
        if (sum != 16)
        {
            split.Errors.Add(split.Node, split.Path, string.Create(CultureInfo.InvariantCulture,
                $"the widths {du}+{band}+{cc}+{ru} = {sum}; they must sum to 16 (the eAxC id is 16 bits, O-RAN.WG4.CUS §5.1.3.1.6)"));
            return null;
        }

        return new EaxcBitWidths(du.Value, band.Value, cc.Value, ru.Value);
    }

    public static string Split(EaxcBitWidths split) => $"{split.DuPort}/{split.BandSector}/{split.Cc}/{split.RuPort}";
}
