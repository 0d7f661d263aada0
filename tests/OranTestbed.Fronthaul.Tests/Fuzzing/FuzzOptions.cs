using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Decoder configurations the fuzzer also throws at every seed's mutants, because the same bytes take other paths
/// under another configuration: eAxC splits, dynamic udCompHdr on/off, every static compression method and several
/// widths (1, 9, 16 bits), a small and a 273-PRB carrier, the UDP port set or not, few and many beamforming antennas.
/// </summary>
public static class FuzzOptions
{
    public static IReadOnlyList<FronthaulDecodeOptions> Variants { get; } =
    [
        FronthaulDecodeOptions.Default,
        FuzzCorpus.SharedCaptureOptions,
        new()
        {
            EaxcBits = new EaxcBitWidths(0, 0, 0, 16), EcpriUdpPort = FuzzCorpus.EcpriPort, UdCompHdrPresent = true,
            CarrierPrbs = 1, BeamformingAntennas = 1, WeightsPerBundle = 1,
        },
        new()
        {
            EaxcBits = new EaxcBitWidths(16, 0, 0, 0), EcpriUdpPort = FuzzCorpus.EcpriPort,
            DownlinkCompression = UdCompHdr.From(CompressionMethod.None, 16),
            UplinkCompression = UdCompHdr.From(CompressionMethod.None, 1), CarrierPrbs = 273,
        },
        new()
        {
            EaxcBits = new EaxcBitWidths(4, 4, 4, 4), EcpriUdpPort = 319,
            DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockScaling, 8),
            UplinkCompression = UdCompHdr.From(CompressionMethod.MuLaw, 9), CarrierPrbs = 3, BeamformingAntennas = 2,
            WeightsPerBundle = 4,
        },
        new()
        {
            EcpriUdpPort = 320, DownlinkCompression = UdCompHdr.From(CompressionMethod.ModulationCompression, 1),
            UplinkCompression = UdCompHdr.From(CompressionMethod.ModulationCompression, 16), CarrierPrbs = 106,
            BeamformingAntennas = 64, WeightsPerBundle = 64,
        },
        new()
        {
            // Reserved/unsupported methods: PRB size 0, which the readers must refuse rather than loop on.
            DownlinkCompression = new UdCompHdr(0x95), UplinkCompression = new UdCompHdr(0x0F), CarrierPrbs = 24,
        },
    ];

    /// <summary>A short description for failure reports (records print every property).</summary>
    public static string Describe(FronthaulDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"eAxC {options.EaxcBits.DuPort}/{options.EaxcBits.BandSector}/{options.EaxcBits.Cc}/{options.EaxcBits.RuPort}, "
            + $"udp {options.EcpriUdpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, "
            + $"DL {options.DownlinkCompression} UL {options.UplinkCompression}, udCompHdr {(options.UdCompHdrPresent ? "on" : "off")}, "
            + $"carrier {options.CarrierPrbs} PRBs, antennas {options.BeamformingAntennas}, weights/bundle {options.WeightsPerBundle}";
    }
}
