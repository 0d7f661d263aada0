using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Fronthaul.Decoding;

/// <summary>
/// The out-of-band configuration a fronthaul decoder needs because the wire does not carry it (O-RAN M-plane):
/// eAxC split, the UDP port of eCPRI-over-IP, static U-plane compression per direction, whether U-plane sections
/// carry udCompHdr, and the carrier width that numPrb = 0 stands for.
/// </summary>
public sealed record FronthaulDecodeOptions
{
    public static FronthaulDecodeOptions Default { get; } = new();

    public EaxcBitWidths EaxcBits { get; init; } = EaxcBitWidths.Default;

    /// <summary>UDP destination or source port that carries eCPRI; null = eCPRI only over Ethernet (0xAEFE).</summary>
    public ushort? EcpriUdpPort { get; init; }

    /// <summary>Static DL U-plane compression (Wireshark 4.0 default: BFP, 14 bits).</summary>
    public UdCompHdr DownlinkCompression { get; init; } = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14);

    /// <summary>Static UL U-plane compression.</summary>
    public UdCompHdr UplinkCompression { get; init; } = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14);

    /// <summary>
    /// True when every U-plane section, in both directions, carries udCompHdr + reserved byte (dynamic compression).
    /// Setting it sets both <see cref="DownlinkUdCompHdrPresent"/> and <see cref="UplinkUdCompHdrPresent"/>; reading it
    /// is true only when both are.
    /// </summary>
    public bool UdCompHdrPresent
    {
        get => DownlinkUdCompHdrPresent && UplinkUdCompHdrPresent;
        init
        {
            DownlinkUdCompHdrPresent = value;
            UplinkUdCompHdrPresent = value;
        }
    }

    /// <summary>True when DL U-plane sections carry udCompHdr + reserved byte (M-plane: per endpoint, so per direction).</summary>
    public bool DownlinkUdCompHdrPresent { get; init; }

    /// <summary>True when UL U-plane sections carry udCompHdr + reserved byte.</summary>
    public bool UplinkUdCompHdrPresent { get; init; }

    /// <summary>Carrier width in PRBs; numPrbc/numPrbu = 0 means this many.</summary>
    public int CarrierPrbs { get; init; } = 273;

    /// <summary>
    /// Number of beamforming antennas / TRXs (L, M-plane): bfwI/bfwQ pairs in C-plane SE1 and ciIsample/ciQsample
    /// pairs per PRB in section type 6. Wireshark 4.0 preference <c>num_bf_antennas</c>, default 32.
    /// </summary>
    public int BeamformingAntennas { get; init; } = 32;

    /// <summary>Weights per PRB bundle in C-plane SE11 (Wireshark 4.0 preference <c>num_weights_per_bundle</c>, default 32).</summary>
    public int WeightsPerBundle { get; init; } = 32;

    public UdCompHdr CompressionFor(bool downlink) => downlink ? DownlinkCompression : UplinkCompression;

    /// <summary>Whether U-plane sections of this direction carry udCompHdr.</summary>
    public bool UdCompHdrPresentFor(bool downlink) => downlink ? DownlinkUdCompHdrPresent : UplinkUdCompHdrPresent;
}
