using System.Globalization;
using OranTestbed.Benchmarks.Reporting;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Personalities;
using OranTestbed.Plans.Profiles;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// The fronthaul the benchmark capture carries: one 100 MHz NR carrier at 30 kHz SCS (273 PRBs, 14 symbols per 500 µs
/// slot), 4T4R (4 eAxC, RU ports 0-3), TDD DDDSU (special slot 10 DL : 2 guard : 2 UL symbols), static BFP 9-bit
/// U-plane compression both ways without udCompHdr in the U-plane sections, eCPRI directly over Ethernet in VLAN 100
/// (testplans/profiles/benchmark-273prb-bfp9.yaml). The traffic is an emulated clean O-DU / O-RU pair
/// (OranTestbed.Emulation) seen at the O-DU port. The decoder options and the tshark preferences that match it are
/// derived here, so that every benchmark and the whole-process script decode the capture the same way.
/// </summary>
public sealed record TrafficProfile
{
    /// <summary>µ = 1: 30 kHz subcarrier spacing, 2 slots per subframe.</summary>
    public const int Numerology = 1;
    public const int Prbs = 273;
    public const int IqWidth = 9;
    public const ushort VlanId = 100;

    /// <summary>Ethernet header and the VLAN tag: what a frame holds besides the L2 payload (the MTU).</summary>
    public const int L2Overhead = 14 + 4;

    /// <summary>DU port, band sector, CC, RU port widths (a common O-RAN M-plane split).</summary>
    public static EaxcBitWidths EaxcBits { get; } = new(4, 4, 4, 4);

    public static UdCompHdr Compression { get; } = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, IqWidth);

    /// <summary>The fronthaul profile of the traffic: testplans/profiles/benchmark-273prb-bfp9.yaml itself, so the
    /// generator and every analysis of its capture agree (delay windows included, so timing is exercised).</summary>
    public static FronthaulProfile FronthaulProfile { get; } = FronthaulProfileLoader.Load(Path.Combine(
        Repository.Root, "testplans", "profiles", "benchmark-273prb-bfp9.yaml"));

    /// <summary>Number of eAxC (antenna carriers): RU ports 0..n-1.</summary>
    public int Eaxcs { get; init; } = 4;

    /// <summary>Largest Ethernet frame (without FCS) a U-plane message may take; ignored when <see cref="Jumbo"/>.</summary>
    public int MaxFrameBytes { get; init; } = 1500;

    /// <summary>One U-plane message per symbol and eAxC with all 273 PRBs (numPrbu = 0): ~7.7 kB jumbo frames.</summary>
    public bool Jumbo { get; init; }

    /// <summary>Seed of the emulation (timing jitter, IQ payloads).</summary>
    public int Seed { get; init; } = 2024;

    /// <summary>Also emit PTP (the O-DU as G.8275.1 grandmaster: Sync + Follow_Up 16/s, Announce 8/s).</summary>
    public bool Ptp { get; init; } = true;

    /// <summary>The emulated products' settings: MTU from the frame size, the whole carrier in one jumbo message.</summary>
    public ProductSettings Settings => Jumbo
        ? new ProductSettings(9000, Prbs, Eaxcs)
        : new ProductSettings(MaxFrameBytes - L2Overhead, 255, Eaxcs);

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

    /// <summary>PRBs per U-plane message: all of them for jumbo frames, else as many as the MTU holds (52 at 1500-byte frames).</summary>
    public int PrbsPerMessage => Jumbo ? Prbs : (MaxFrameBytes - L2Overhead - 16) / BfpCodec.PrbSize(IqWidth);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"emulated clean O-DU/O-RU pair at the O-DU port: 100 MHz @ 30 kHz SCS, {Prbs} PRBs, {Eaxcs} eAxC, DDDSU (S = 10D:2G:2U), " +
        $"BFP {IqWidth}-bit static (no udCompHdr), VLAN {VlanId}, {(Jumbo ? "jumbo frames (273 PRBs per message, numPrbu 0)" : $"frames <= {MaxFrameBytes} B ({PrbsPerMessage} PRBs per message)")}, " +
        $"PRACH, PTP {(Ptp ? "on" : "off")}, seed {Seed}");
}
