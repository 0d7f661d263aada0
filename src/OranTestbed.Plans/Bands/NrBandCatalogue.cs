using System.Collections.Frozen;
using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Bands;

/// <summary>
/// The NR operating bands a band file may name. Frequencies and duplex: 3GPP TS 38.101-1 / 38.101-2 Table 5.2-1.
/// Channel bandwidths per SCS: TS 38.101-1 Table 5.3.5-1 as of Rel-15, plus the Rel-16 additions for n77/n78
/// (25, 30, 70, 90 MHz) and n28 (30 MHz); FR2: TS 38.101-2 Table 5.3.5-1. Channel rasters: TS 38.104 Table
/// 5.4.2.3-1 (FR1) and 5.4.2.3-2 (FR2). The PRB count of a bandwidth comes from
/// <see cref="NrBandwidthTable"/> (Table 5.3.2-1), not from here.
/// </summary>
public static class NrBandCatalogue
{
    private static readonly ImmutableArray<int> LowBand15 = [5, 10, 15, 20];
    private static readonly ImmutableArray<int> LowBand30 = [10, 15, 20];
    private static readonly ImmutableArray<int> Mid15 = [5, 10, 15, 20];
    private static readonly ImmutableArray<int> Mid30 = [10, 15, 20];
    private static readonly ImmutableArray<int> CBand15 = [10, 15, 20, 25, 30, 40, 50];
    private static readonly ImmutableArray<int> CBand30 = [10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100];
    private static readonly ImmutableArray<int> N41At15 = [10, 15, 20, 40, 50];
    private static readonly ImmutableArray<int> N41At30 = [10, 15, 20, 40, 50, 60, 80, 100];
    private static readonly ImmutableArray<int> N79At15 = [40, 50];
    private static readonly ImmutableArray<int> N79At30 = [40, 50, 60, 80, 100];
    private static readonly ImmutableArray<int> Fr2At60 = [50, 100, 200];
    private static readonly ImmutableArray<int> Fr2At120 = [50, 100, 200, 400];

    private static readonly ImmutableArray<NrOperatingBand> Bands =
    [
        Fdd("n1", 1920, 1980, 2110, 2170, Scs((15, Mid15), (30, Mid30), (60, Mid30)), new ArfcnRaster(100, 422_000, 20, 434_000)),
        Fdd("n3", 1710, 1785, 1805, 1880, Scs((15, [5, 10, 15, 20, 25, 30]), (30, [10, 15, 20, 25, 30]), (60, [10, 15, 20, 25, 30])),
            new ArfcnRaster(100, 361_000, 20, 376_000)),
        Fdd("n7", 2500, 2570, 2620, 2690, Scs((15, Mid15), (30, Mid30), (60, Mid30)), new ArfcnRaster(100, 524_000, 20, 538_000)),
        Fdd("n8", 880, 915, 925, 960, Scs((15, LowBand15), (30, LowBand30)), new ArfcnRaster(100, 185_000, 20, 192_000)),
        Fdd("n20", 832, 862, 791, 821, Scs((15, LowBand15), (30, LowBand30)), new ArfcnRaster(100, 158_200, 20, 164_200)),
        Fdd("n28", 703, 748, 758, 803, Scs((15, [5, 10, 15, 20, 30]), (30, [10, 15, 20, 30])), new ArfcnRaster(100, 151_600, 20, 160_600)),
        Tdd("n41", FrequencyRange.Fr1, 2496, 2690, Scs((15, N41At15), (30, N41At30), (60, N41At30)),
            new ArfcnRaster(15, 499_200, 3, 537_999), new ArfcnRaster(30, 499_200, 6, 537_996)),
        Tdd("n77", FrequencyRange.Fr1, 3300, 4200, Scs((15, CBand15), (30, CBand30), (60, CBand30)),
            new ArfcnRaster(15, 620_000, 1, 680_000), new ArfcnRaster(30, 620_000, 2, 680_000)),
        Tdd("n78", FrequencyRange.Fr1, 3300, 3800, Scs((15, CBand15), (30, CBand30), (60, CBand30)),
            new ArfcnRaster(15, 620_000, 1, 653_333), new ArfcnRaster(30, 620_000, 2, 653_332)),
        Tdd("n79", FrequencyRange.Fr1, 4400, 5000, Scs((15, N79At15), (30, N79At30), (60, N79At30)),
            new ArfcnRaster(15, 693_334, 1, 733_333), new ArfcnRaster(30, 693_334, 2, 733_332)),
        Tdd("n257", FrequencyRange.Fr2, 26500, 29500, Scs((60, Fr2At60), (120, Fr2At120)),
            new ArfcnRaster(60, 2_054_166, 1, 2_104_165), new ArfcnRaster(120, 2_054_167, 2, 2_104_165)),
        Tdd("n258", FrequencyRange.Fr2, 24250, 27500, Scs((60, Fr2At60), (120, Fr2At120)),
            new ArfcnRaster(60, 2_016_667, 1, 2_070_832), new ArfcnRaster(120, 2_016_667, 2, 2_070_831)),
        Tdd("n260", FrequencyRange.Fr2, 37000, 40000, Scs((60, Fr2At60), (120, Fr2At120)),
            new ArfcnRaster(60, 2_229_166, 1, 2_279_165), new ArfcnRaster(120, 2_229_167, 2, 2_279_165)),
        Tdd("n261", FrequencyRange.Fr2, 27500, 28350, Scs((60, Fr2At60), (120, Fr2At120)),
            new ArfcnRaster(60, 2_070_833, 1, 2_084_999), new ArfcnRaster(120, 2_070_833, 2, 2_084_999)),
    ];

    private static readonly FrozenDictionary<string, NrOperatingBand> ByName = Bands.ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);

    /// <summary>Every band known, in band-number order.</summary>
    public static ImmutableArray<NrOperatingBand> All => Bands;

    /// <summary>The band names known, e.g. "n78".</summary>
    public static IEnumerable<string> Names => Bands.Select(b => b.Name);

    public static NrOperatingBand? Find(string name) => ByName.GetValueOrDefault(name);

    private static NrOperatingBand Fdd(string name, decimal ulLow, decimal ulHigh, decimal dlLow, decimal dlHigh,
        ImmutableSortedDictionary<int, ImmutableArray<int>> bandwidths, ArfcnRaster raster) => new()
        {
            Name = name,
            FrequencyRange = FrequencyRange.Fr1,
            Duplex = DuplexMode.Fdd,
            UplinkLowMHz = ulLow,
            UplinkHighMHz = ulHigh,
            DownlinkLowMHz = dlLow,
            DownlinkHighMHz = dlHigh,
            ChannelBandwidths = bandwidths,
            Rasters = [raster],
        };

    private static NrOperatingBand Tdd(string name, FrequencyRange range, decimal low, decimal high,
        ImmutableSortedDictionary<int, ImmutableArray<int>> bandwidths, params ArfcnRaster[] rasters) => new()
        {
            Name = name,
            FrequencyRange = range,
            Duplex = DuplexMode.Tdd,
            UplinkLowMHz = low,
            UplinkHighMHz = high,
            DownlinkLowMHz = low,
            DownlinkHighMHz = high,
            ChannelBandwidths = bandwidths,
            Rasters = [.. rasters],
        };

    private static ImmutableSortedDictionary<int, ImmutableArray<int>> Scs(params (int Scs, ImmutableArray<int> Bandwidths)[] rows) =>
        rows.ToImmutableSortedDictionary(r => r.Scs, r => r.Bandwidths);
}
