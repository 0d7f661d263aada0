using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Plans.Bands;

/// <summary>
/// A 3GPP NR operating band: duplex mode and frequency ranges (TS 38.101-1/-2 Table 5.2-1), the channel bandwidths it
/// allows per subcarrier spacing (Table 5.3.5-1) and its downlink channel rasters (TS 38.104 Table 5.4.2.3-1/-2).
/// </summary>
public sealed record NrOperatingBand
{
    public required string Name { get; init; }

    public required FrequencyRange FrequencyRange { get; init; }

    public required DuplexMode Duplex { get; init; }

    public required decimal UplinkLowMHz { get; init; }

    public required decimal UplinkHighMHz { get; init; }

    public required decimal DownlinkLowMHz { get; init; }

    public required decimal DownlinkHighMHz { get; init; }

    /// <summary>Allowed channel bandwidths in MHz per subcarrier spacing in kHz, ascending.</summary>
    public required ImmutableSortedDictionary<int, ImmutableArray<int>> ChannelBandwidths { get; init; }

    /// <summary>Downlink channel rasters (one, or one per ΔF_Raster where the band has two).</summary>
    public required ImmutableArray<ArfcnRaster> Rasters { get; init; }

    /// <summary>Subcarrier spacings (kHz) the band has channels for, ascending.</summary>
    public IEnumerable<int> SubcarrierSpacings => ChannelBandwidths.Keys;

    /// <summary>The channel bandwidths allowed at a spacing (empty when none).</summary>
    public ImmutableArray<int> BandwidthsAt(int subcarrierSpacingKHz) =>
        ChannelBandwidths.TryGetValue(subcarrierSpacingKHz, out var list) ? list : [];

    /// <summary>
    /// The raster a carrier of this spacing is placed on: the band's only raster, or, where it has two (e.g. 15 and 30
    /// kHz in n77/n78/n79), the largest not above the spacing (TS 38.101-1 §5.4.2.3).
    /// </summary>
    public ArfcnRaster RasterFor(int subcarrierSpacingKHz)
    {
        var best = Rasters[0];
        foreach (var raster in Rasters)
        {
            if (raster.RasterKHz <= subcarrierSpacingKHz && raster.RasterKHz >= best.RasterKHz)
            {
                best = raster;
            }
        }

        return best;
    }

    /// <summary>Downlink minus uplink frequency in MHz for FDD (0 for TDD).</summary>
    public decimal DuplexSpacingMHz => Duplex == DuplexMode.Fdd ? DownlinkLowMHz - UplinkLowMHz : 0;

    public override string ToString() => Name;
}
