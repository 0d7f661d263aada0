using System.Globalization;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// The fronthaul the benchmark capture carries: one 100 MHz NR carrier at 30 kHz SCS (273 PRBs, 14 symbols per 500 µs
/// slot), 4T4R (4 eAxC, RU ports 0-3), TDD DDDSU (special slot 10 DL : 2 guard : 2 UL symbols), static BFP 9-bit
/// U-plane compression both ways without udCompHdr in the U-plane sections, eCPRI directly over Ethernet in VLAN 100.
/// The decoder options and the tshark preferences that match it are derived here, so that every benchmark and the
/// whole-process script decode the capture the same way.
/// </summary>
public sealed record TrafficProfile
{
    /// <summary>µ = 1: 30 kHz subcarrier spacing, 2 slots per subframe.</summary>
    public const int Numerology = 1;
    public const int Prbs = 273;
    public const int SymbolsPerSlot = 14;
    public const long SlotNanoseconds = 500_000;
    public const int SlotsPerFrame = 20;
    public const int IqWidth = 9;
    public const ushort VlanId = 100;

    /// <summary>DU port, band sector, CC, RU port widths (a common O-RAN M-plane split).</summary>
    public static EaxcBitWidths EaxcBits { get; } = new(4, 4, 4, 4);

    public static UdCompHdr Compression { get; } = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, IqWidth);

    /// <summary>Number of eAxC (antenna carriers): RU ports 0..n-1.</summary>
    public int Eaxcs { get; init; } = 4;

    /// <summary>Largest Ethernet frame (without FCS) a U-plane message may take; ignored when <see cref="Jumbo"/>.</summary>
    public int MaxFrameBytes { get; init; } = 1500;

    /// <summary>One U-plane message per symbol and eAxC with all 273 PRBs (numPrbu = 0): ~7.7 kB jumbo frames.</summary>
    public bool Jumbo { get; init; }

    /// <summary>Seed of the IQ samples.</summary>
    public int Seed { get; init; } = 2024;

    /// <summary>Also emit PTP (G.8275.1 rates: Sync + Follow_Up 16/s, Announce 8/s).</summary>
    public bool Ptp { get; init; } = true;

    /// <summary>The decoder configuration that matches the capture.</summary>
    public static FronthaulDecodeOptions DecodeOptions { get; } = new()
    {
        EaxcBits = EaxcBits,
        DownlinkCompression = Compression,
        UplinkCompression = Compression,
        UdCompHdrPresent = false,
        CarrierPrbs = Prbs,
    };

    /// <summary><c>oran-testbed decode</c> options that match the capture.</summary>
    public static string CliArguments { get; } = string.Create(CultureInfo.InvariantCulture,
        $"--eaxc-bits {EaxcBits} --dl-comp bfp:{IqWidth} --ul-comp bfp:{IqWidth} --prbs {Prbs}");

    /// <summary>tshark 4.0 <c>-o</c> preferences that match the capture.</summary>
    public static IReadOnlyList<string> TsharkPreferences { get; } =
    [
        $"oran_fh_cus.oran.du_port_id_bits:{EaxcBits.DuPort}",
        $"oran_fh_cus.oran.bandsector_id_bits:{EaxcBits.BandSector}",
        $"oran_fh_cus.oran.cc_id_bits:{EaxcBits.Cc}",
        $"oran_fh_cus.oran.ru_port_id_bits:{EaxcBits.RuPort}",
        "oran_fh_cus.oran.ud_comp_hdr_down:FALSE",
        "oran_fh_cus.oran.ud_comp_hdr_up:FALSE",
        "oran_fh_cus.oran.ud_comp_down:Block Floating Point Compression",
        "oran_fh_cus.oran.ud_comp_up:Block Floating Point Compression",
        $"oran_fh_cus.oran.iq_bitwidth_down:{IqWidth}",
        $"oran_fh_cus.oran.iq_bitwidth_up:{IqWidth}",
        $"oran_fh_cus.oran.rbs_in_uplane_section:{Prbs}",
    ];

    /// <summary>U-plane bytes before the PRBs: Ethernet 14 + VLAN 4 + eCPRI 4 + eAxC/seq 4 + common header 4 + section 4.</summary>
    public const int UPlaneOverhead = 14 + 4 + 4 + 4 + 4 + 4;

    /// <summary>PRBs per U-plane message: all of them for jumbo frames, else as many as fit (52 at 1500 bytes).</summary>
    public int PrbsPerMessage => Jumbo ? Prbs : (MaxFrameBytes - UPlaneOverhead) / BfpCodec.PrbSize(IqWidth);

    /// <summary>Slot kind in the DDDSU pattern.</summary>
    public static SlotKind KindOf(long slot) => (slot % 5) switch
    {
        3 => SlotKind.Special,
        4 => SlotKind.Uplink,
        _ => SlotKind.Downlink,
    };

    /// <summary>Special slot: symbols 0-9 DL, 10-11 guard, 12-13 UL.</summary>
    public const int SpecialDownlinkSymbols = 10;

    public const int SpecialUplinkStart = 12;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"100 MHz @ 30 kHz SCS, {Prbs} PRBs, {Eaxcs} eAxC, DDDSU (S = 10D:2G:2U), BFP {IqWidth}-bit static (no udCompHdr), " +
        $"VLAN {VlanId}, {(Jumbo ? "jumbo frames (273 PRBs per message, numPrbu 0)" : $"frames <= {MaxFrameBytes} B ({PrbsPerMessage} PRBs per message)")}, " +
        $"PTP {(Ptp ? "on" : "off")}, seed {Seed}");
}
