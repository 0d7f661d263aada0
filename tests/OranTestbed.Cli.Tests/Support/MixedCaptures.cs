using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.CPlane.Extensions;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>
/// A capture written by our writers, with the decode options (the CLI flags) and the tshark 4.0.17 preferences
/// that describe the same wire configuration.
/// </summary>
internal sealed record MixedCapture(string Name, string Path, int Frames, FronthaulDecodeOptions Options,
    IReadOnlyList<string> CliArguments, IReadOnlyList<string> TsharkPreferences, IReadOnlyList<string> TsharkArguments,
    Tshark40JsonView.Settings View);

/// <summary>The end-to-end captures (a)-(d): every section type, the listed extensions, VLAN / none / Q-in-Q, static
/// and dynamic udCompHdr, BFP 9/12/14 and 16-bit no compression, three eAxC splits, PTP, eCPRI 5/6/7, UDP.</summary>
internal static class MixedCaptures
{
    public const ushort EcpriUdpPort = 50000;

    private static readonly byte[] Destination = [0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0x01];
    private static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    private static readonly byte[] PtpMulticast = [0x01, 0x1b, 0x19, 0x00, 0x00, 0x00];

    private delegate void Body(ref FrameWriter writer);

    private delegate void CBody(ref CPlaneWriter writer);

    private static string Bits(EaxcBitWidths b) => $"{b.DuPort},{b.BandSector},{b.Cc},{b.RuPort}";

    private static List<string> Prefs(EaxcBitWidths b, string dlMethod, int dlWidth, string ulMethod, int ulWidth,
        bool compHdr, int prbs = 273) =>
    [
        $"oran_fh_cus.oran.du_port_id_bits:{b.DuPort}", $"oran_fh_cus.oran.bandsector_id_bits:{b.BandSector}",
        $"oran_fh_cus.oran.cc_id_bits:{b.Cc}", $"oran_fh_cus.oran.ru_port_id_bits:{b.RuPort}",
        $"oran_fh_cus.oran.ud_comp_hdr_down:{(compHdr ? "TRUE" : "FALSE")}",
        $"oran_fh_cus.oran.ud_comp_hdr_up:{(compHdr ? "TRUE" : "FALSE")}",
        $"oran_fh_cus.oran.ud_comp_down:{dlMethod}", $"oran_fh_cus.oran.iq_bitwidth_down:{dlWidth}",
        $"oran_fh_cus.oran.ud_comp_up:{ulMethod}", $"oran_fh_cus.oran.iq_bitwidth_up:{ulWidth}",
        $"oran_fh_cus.oran.rbs_in_uplane_section:{prbs}",
        // Our decoder's defaults, written out so a tshark default change cannot silently desynchronise the two.
        "oran_fh_cus.oran.num_bf_antennas:32", "oran_fh_cus.oran.num_weights_per_bundle:32",
    ];

    private const string Bfp = "Block Floating Point Compression";
    private const string NoCompression = "No Compression";

    private static byte[] Frame(VlanTag[] tags, ushort etherType, Body body, bool udp = false, byte[]? destination = null)
    {
        var buffer = new byte[16384];
        var w = new FrameWriter(buffer);
        w.WriteEthernetHeader(destination ?? Destination, Source, tags, udp ? (ushort)0x0800 : etherType);
        int ip = udp ? w.BeginIpv4Udp([192, 168, 10, 1], [192, 168, 10, 2], 40000, EcpriUdpPort, identification: 7) : -1;
        body(ref w);
        if (udp)
        {
            w.EndIpv4Udp(ip);
        }

        return buffer[..w.Finish()];
    }

    private static byte[] CPlane(VlanTag[] tags, ushort eaxc, byte seq, CBody build, bool udp = false)
    {
        var message = new byte[8192];
        var c = new CPlaneWriter(message);
        build(ref c);
        byte[] written = c.Written.ToArray();
        return Frame(tags, EthernetFields.TypeEcpri, (ref FrameWriter w) =>
        {
            int e = w.BeginEcpri(EcpriFields.TypeRealTimeControl);
            w.WriteOranTransportHeader(new EaxcId(eaxc), seq);
            w.WriteBytes(written);
            w.EndEcpri(e);
        }, udp);
    }

    /// <summary>A U-plane frame; each section is (sectionId, startPrb, PRBs or 0 = numPrbu 0 for the carrier).</summary>
    private static byte[] UPlane(VlanTag[] tags, ushort eaxc, byte seq, bool downlink, UdCompHdr compression,
        bool udCompHdr, (int Id, int Start, int Prbs, bool Rb, bool SymInc)[] sections, int carrierPrbs = 273,
        bool udp = false, int seed = 1)
    {
        var random = new Random(seed);
        var body = new byte[16000];
        var u = new UPlaneWriter(body);
        u.WriteHeader(UPlaneHeader.Create(downlink, 200 + seed, seed % 10, seed % 2, (3 * seed) % 14, filterIndex: seed % 2));
        foreach (var s in sections)
        {
            int prbs = s.Prbs == 0 ? carrierPrbs : s.Prbs;
            var iq = new int[prbs * 24];
            int w = compression.IqWidth;
            for (int p = 0; p < prbs; p++)
            {
                // BFP: a magnitude per PRB that walks the exponents; no compression: full scale of w bits.
                int bits = compression.Method == CompressionMethod.None ? w - 1 : Math.Min(p % 16 + w - 1, 30);
                for (int i = 0; i < 24; i++)
                {
                    iq[(p * 24) + i] = i switch
                    {
                        0 => -(1 << bits),
                        1 => (1 << bits) - 1,
                        _ => random.Next(-(1 << bits), 1 << bits),
                    };
                }
            }

            u.WriteSection(s.Id, s.Start, compression, udCompHdr, iq, s.Rb, s.SymInc, numPrbAsZero: s.Prbs == 0);
        }

        byte[] written = u.Written.ToArray();
        return Frame(tags, EthernetFields.TypeEcpri, (ref FrameWriter f) =>
        {
            int e = f.BeginEcpri(EcpriFields.TypeIqData);
            f.WriteOranTransportHeader(new EaxcId(eaxc), seq, eBit: true, subsequenceId: 0);
            f.WriteBytes(written);
            f.EndEcpri(e);
        }, udp);
    }

    private static readonly PtpHeader PtpBase = PtpHeader.V2 with
    {
        DomainNumber = 24,
        FlagField = 0x0208,
        CorrectionField = (1234L << 16) | 0x8000,
        SourcePortIdentity = new PtpPortIdentity(0x001122FFFE334455, 1),
        SequenceId = 4242,
        LogMessageInterval = -4,
    };

    private static IEnumerable<byte[]> PtpFrames(VlanTag[] tags)
    {
        var ts = new PtpTimestamp(1_700_000_037, 123_456_789);
        var requesting = new PtpPortIdentity(0xCAFEBABE00000001, 7);
        byte[] TsAndPort(PtpTimestamp t, PtpPortIdentity p)
        {
            var b = new byte[20];
            t.Write(b);
            p.Write(b.AsSpan(10));
            return b;
        }

        Body[] bodies =
        [
            (ref FrameWriter w) => w.WritePtpAnnounce(PtpBase with { ControlField = 5, LogMessageInterval = -3, FlagField = 0x003C },
                new PtpAnnounce
                {
                    OriginTimestamp = ts, CurrentUtcOffset = 37, GrandmasterPriority1 = 128, ClockClass = 6,
                    ClockAccuracy = 0x21, OffsetScaledLogVariance = 0x4E5D, GrandmasterPriority2 = 127,
                    GrandmasterIdentity = 0x0A0B0CFFFE0D0E0F, StepsRemoved = 3, TimeSource = 0x20,
                }),
            (ref FrameWriter w) => w.WritePtpSync(PtpBase with { ControlField = 0 }, ts),
            (ref FrameWriter w) => w.WritePtpDelayReq(PtpBase with { ControlField = 1, FlagField = 0, SequenceId = 9 }, default),
            (ref FrameWriter w) => w.WritePtpFollowUp(PtpBase with { ControlField = 2, CorrectionField = -(5L << 16) }, ts),
            (ref FrameWriter w) => w.WritePtpDelayResp(PtpBase with { ControlField = 3, FlagField = 0x0400, SequenceId = 9 }, ts, requesting),
            (ref FrameWriter w) => w.WritePtpMessage(PtpBase with { ControlField = 5 }, PtpMessageType.PdelayReq, new byte[20]),
            (ref FrameWriter w) => w.WritePtpMessage(PtpBase with { ControlField = 5 }, PtpMessageType.PdelayResp, TsAndPort(ts, requesting)),
            (ref FrameWriter w) => w.WritePtpMessage(PtpBase with { ControlField = 5 }, PtpMessageType.PdelayRespFollowUp,
                TsAndPort(new PtpTimestamp(1_700_000_038, 5), requesting)),
            (ref FrameWriter w) => w.WritePtpMessage(PtpBase with { ControlField = 5 }, PtpMessageType.Signaling, TsAndPort(default, requesting).AsSpan(10)),
        ];
        return bodies.Select(b => Frame(tags, EthernetFields.TypePtp, b, destination: PtpMulticast));
    }

    private static IEnumerable<byte[]> OtherEcpri(VlanTag[] tags, bool udp = false)
    {
        EcpriEventElement[] elements = [new(0x0001, 1, 0x005, 0xDEADBEEF), new(0xFFFF, 0, 0x123, 7)];
        yield return Frame(tags, EthernetFields.TypeEcpri,
            (ref FrameWriter w) => w.WriteEcpriOneWayDelay(1, 2, new PtpTimestamp(0xABCDEF012345, 999_999_999), -5L * 65536 + 3, 22), udp);
        if (!udp)
        {
            yield return Frame(tags, EthernetFields.TypeEcpri, (ref FrameWriter w) => w.WriteEcpriRemoteReset(0x1234, 1, [0xAA, 0xBB]));
            yield return Frame(tags, EthernetFields.TypeEcpri, (ref FrameWriter w) => w.WriteEcpriEventIndication(0x55, 0, 200, elements));
        }
    }

    private static int[] Ramp(int count, int min, int max)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = i switch
            {
                0 => min,
                1 => max,
                _ => min + (int)((long)(max - min) * ((i * 7919) % count) / count),
            };
        }

        return values;
    }

    private static MixedCapture Write(string name, List<byte[]> frames, long firstNanoseconds, MixedCapture template)
    {
        string path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "cli-e2e", $"{name}-{Guid.NewGuid():N}.pcap");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (var writer = new CaptureFileWriter(path))
        {
            for (int i = 0; i < frames.Count; i++)
            {
                // Distinct fractions, including .000000000 and .999999999.
                long t = firstNanoseconds + (i * 1_000_001L) + (i == 1 ? 999_999_999L - 1_000_001L : 0);
                writer.Write(frames[i], t);
            }
        }

        return template with { Name = name, Path = path, Frames = frames.Count };
    }

    /// <summary>(a) 4/4/4/4, VLAN 2, dynamic udCompHdr, BFP 9: every section type, SE 1/4/5/6/10/11/12/13 and a
    /// skipped type (SE9), U-plane DL and UL, PTP every type we write, eCPRI types 5, 6, 7.</summary>
    public static MixedCapture A()
    {
        var bits = new EaxcBitWidths(4, 4, 4, 4);
        VlanTag[] vlan = [VlanTag.Customer(2, 7)];
        var bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
        var frames = new List<byte[]>();
        frames.AddRange(PtpFrames([]));
        frames.AddRange(OtherEcpri(vlan));
        frames.Add(CPlane(vlan, 0x1234, 1, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues
            {
                Downlink = true, FrameId = 200, SubframeId = 9, SlotId = 1, StartSymbolId = 13, NumberOfSections = 2,
                SectionType = 0, TimeOffset = 1234, FrameStructure = 0x91, CpLength = 288,
            });
            w.WriteSection(new CPlaneSectionValues { SectionId = 4095, NumPrbc = 0, NumSymbol = 14 });
            w.WriteSection(new CPlaneSectionValues { SectionId = 7, Rb = true, SymInc = true, StartPrbc = 1023, NumPrbc = 255, ReMask = 0xA5A, NumSymbol = 2 });
        }));
        frames.Add(CPlane(vlan, 0x1235, 2, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues
            {
                Downlink = true, FrameId = 1, SubframeId = 2, SlotId = 3, StartSymbolId = 4, NumberOfSections = 2,
                SectionType = 1, UdCompHdr = bfp9.Raw,
            });
            w.WriteSection(new CPlaneSectionValues { SectionId = 100, StartPrbc = 10, NumPrbc = 20, NumSymbol = 14, BeamId = 32767 });
            // 32 antennas (the decoder's and tshark's default L) × 9-bit BFP weights fill extLen exactly.
            w.WriteBeamformingWeights(bfp9, [0x03], Ramp(64, -256, 255));
            w.WriteModulationCompression(true, 0x5A5A);
            w.WriteNonContiguousPrb(true, 7, 0x0ABCDEF, 3, 0x2AAA);
            w.WriteSection(new CPlaneSectionValues { SectionId = 101, StartPrbc = 30, NumPrbc = 8, ReMask = 0xF0F, NumSymbol = 1, BeamId = 1 });
            w.WritePrbRanges(1, 0x0101, [new PrbRange(1, 2), new PrbRange(3, 4), new PrbRange(5, 6)]);
        }));
        frames.Add(CPlane(vlan, 0x2001, 3, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 1, UdCompHdr = bfp9.Raw, FrameId = 7 });
            w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 4, BeamId = 20 });
            w.WritePortGrouping(2, 3, [0x0011, 0x8022, 0x7FFF]);
            w.WritePortGrouping(0, 4, []);
            w.WriteFlexibleWeights(false, true, 0, 2, UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 8), 1,
                [0x01, 0x0F], [0x0001, 0x8003], 32, Ramp(128, -128, 127));
            w.WriteSection(new CPlaneSectionValues { SectionId = 2, StartPrbc = 10, NumPrbc = 5, BeamId = 0 });
            w.WriteFlexibleWeights(true, false, 0, 2, default, 0, [], [0x0101, 0x0202, 0x7FFF], 0, []);
        }));
        frames.Add(CPlane(vlan, 0x2002, 4, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 1, SectionType = 1, UdCompHdr = 0x04 });
            w.WriteSection(new CPlaneSectionValues { SectionId = 5, NumPrbc = 106, BeamId = 2 });
            w.WriteModulationCompressionScaling([new ModCompScalingSet(0xFFF, true, 0x1234), new ModCompScalingSet(0x00F, false, 0x7FFF)]);
            w.WriteFrequencyHopping([new FrequencyHop(3, 100), new FrequencyHop(7, 1023), new FrequencyHop(13, 1)]);
            w.WriteRawExtension(CPlaneExtensionTypes.DynamicSpectrumSharing, [1, 0]);
        }));
        frames.Add(CPlane(vlan, 0x0004, 5, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues
            {
                FilterIndex = 3, FrameId = 255, SubframeId = 5, NumberOfSections = 2, SectionType = 3,
                TimeOffset = 4000, FrameStructure = 0xB1, CpLength = 2000, UdCompHdr = bfp9.Raw,
            });
            w.WriteSection(new CPlaneSectionValues { SectionId = 10, NumPrbc = 12, NumSymbol = 12, BeamId = 7, FreqOffset = -1008 });
            w.WriteNonContiguousPrb(false, 1, 0x0000001, 0, 0x0001);
            w.WriteSection(new CPlaneSectionValues { SectionId = 11, StartPrbc = 12, NumPrbc = 12, NumSymbol = 12, BeamId = 8, FreqOffset = 8388607 });
        }));
        frames.Add(CPlane(vlan, 0x3003, 6, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 2, SectionType = 5, UdCompHdr = bfp9.Raw });
            w.WriteSection(new CPlaneSectionValues { SectionId = 20, NumPrbc = 50, UeId = 0x1234 });
            w.WriteModulationCompression(false, 0x7FFF);
            w.WritePortGrouping(2, 2, [0x0100, 0x0200]);
            w.WritePrbRanges(2, 0x3FFF, [new PrbRange(4, 8)]);
            w.WriteSection(new CPlaneSectionValues { SectionId = 21, StartPrbc = 50, NumPrbc = 50, UeId = 0x7FFF });
            w.WriteFrequencyHopping([new FrequencyHop(1, 2)]);
        }));
        frames.Add(CPlane(vlan, 0x0101, 7, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 6, NumberOfUes = 2, CiCompHdr = 0 });
            w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 1, RegularizationFactor = -300, StartPrbc = 5, NumPrbc = 2 },
                default, 32, [], Ramp(128, -32768, 32767));
            w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 0x7FFF, RegularizationFactor = 32767, Rb = true, StartPrbc = 7, NumPrbc = 1 },
                default, 32, [], Ramp(64, -1000, 1000));
        }));
        frames.Add(CPlane(vlan, 0x0102, 8, (ref CPlaneWriter w) =>
        {
            w.WriteHeader(new CPlaneHeaderValues { Downlink = true, SectionType = 7 });
            w.WriteLaaMessage(0, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE]);
        }));
        frames.Add(UPlane(vlan, 0x1235, 9, true, bfp9, true, [(100, 10, 3, false, false), (101, 30, 2, true, true)], seed: 2));
        frames.Add(UPlane(vlan, 0x2001, 10, false, bfp9, true, [(1, 0, 4, false, false)], seed: 3));
        var options = new FronthaulDecodeOptions
        {
            EaxcBits = bits, DownlinkCompression = bfp9, UplinkCompression = bfp9, UdCompHdrPresent = true,
        };
        return Write("a-4444-vlan-dynamic-bfp9", frames, 1_700_000_000_000_000_000L, new MixedCapture("", "", 0, options,
            ["--eaxc-bits", Bits(bits), "--comp-hdr", "--dl-comp", "bfp:9", "--ul-comp", "bfp:9"],
            Prefs(bits, Bfp, 9, Bfp, 9, compHdr: true), [], new Tshark40JsonView.Settings(9, 9)));
    }

    /// <summary>(b) default 2/6/4/4, no VLAN, static BFP 14, numPrbu = 0 with --prbs 273.</summary>
    public static MixedCapture B()
    {
        var bits = EaxcBitWidths.Default;
        var bfp14 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14);
        var frames = new List<byte[]>
        {
            CPlane([], 0xC5A3, 0, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { Downlink = true, FrameId = 9, NumberOfSections = 1, SectionType = 1, UdCompHdr = bfp14.Raw });
                w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 0, NumSymbol = 14, BeamId = 3 });
            }),
            UPlane([], 0xC5A3, 0, true, bfp14, false, [(1, 0, 0, false, false)], seed: 4),
            UPlane([], 0x3FFF, 1, true, bfp14, false, [(2, 7, 3, false, false), (3, 100, 1, false, true)], seed: 5),
            UPlane([], 0x4001, 2, false, bfp14, false, [(4, 0, 2, true, false)], seed: 6),
        };
        var options = new FronthaulDecodeOptions { DownlinkCompression = bfp14, UplinkCompression = bfp14, CarrierPrbs = 273 };
        return Write("b-2644-novlan-static-bfp14", frames, 1_700_000_100_000_000_000L, new MixedCapture("", "", 0, options,
            ["--dl-comp", "bfp:14", "--ul-comp", "bfp:14", "--prbs", "273"],
            Prefs(bits, Bfp, 14, Bfp, 14, compHdr: false), [], new Tshark40JsonView.Settings(14, 14)));
    }

    /// <summary>(c) 9/1/2/4, no compression 16-bit, Q-in-Q, eCPRI over UDP/IPv4 on a configured port.</summary>
    public static MixedCapture C()
    {
        var bits = new EaxcBitWidths(9, 1, 2, 4);
        var none16 = UdCompHdr.From(CompressionMethod.None, 16);
        VlanTag[] qinq = [new VlanTag(0x88A8, 3, true, 100), new VlanTag(0x8100, 5, false, 200)];
        var frames = new List<byte[]>
        {
            CPlane(qinq, 0xFFC5, 0, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 1, SectionType = 1, UdCompHdr = none16.Raw, SlotId = 1 });
                w.WriteSection(new CPlaneSectionValues { SectionId = 9, StartPrbc = 3, NumPrbc = 2, BeamId = 1 });
            }),
            UPlane(qinq, 0xFFC5, 0, false, none16, false, [(9, 3, 2, false, false)], seed: 7),
            UPlane(qinq, 0x0071, 1, true, none16, false, [(1, 0, 1, false, false), (2, 1, 1, true, true)], udp: true, seed: 8),
            CPlane(qinq, 0x0071, 1, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 1, SectionType = 1, UdCompHdr = none16.Raw });
                w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 2, BeamId = 5 });
            }, udp: true),
        };
        frames.AddRange(OtherEcpri(qinq, udp: true));
        var options = new FronthaulDecodeOptions
        {
            EaxcBits = bits, DownlinkCompression = none16, UplinkCompression = none16, EcpriUdpPort = EcpriUdpPort,
        };
        return Write("c-9124-qinq-udp-none16", frames, 1_700_000_200_000_000_000L, new MixedCapture("", "", 0, options,
            ["--eaxc-bits", Bits(bits), "--dl-comp", "none:16", "--ul-comp", "none:16", "--ecpri-udp-port", $"{EcpriUdpPort}"],
            Prefs(bits, NoCompression, 16, NoCompression, 16, compHdr: false), ["-d", $"udp.port=={EcpriUdpPort},ecpri"],
            new Tshark40JsonView.Settings(16, 16, OuterTagIsSTag: true)));
    }

    /// <summary>(d) static UL BFP 12 (DL left at BFP 14), timestamps after 2038 (32-bit pcap seconds above 2^31).</summary>
    public static MixedCapture D()
    {
        var bits = new EaxcBitWidths(4, 4, 4, 4);
        var bfp12 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 12);
        VlanTag[] vlan = [VlanTag.Customer(3, 6)];
        var frames = new List<byte[]>
        {
            CPlane(vlan, 0x0011, 0, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 1, SectionType = 1, UdCompHdr = bfp12.Raw, FrameId = 77 });
                w.WriteSection(new CPlaneSectionValues { SectionId = 12, StartPrbc = 20, NumPrbc = 16, BeamId = 12 });
            }),
            UPlane(vlan, 0x0011, 0, false, bfp12, false, [(12, 20, 8, false, false), (12, 28, 8, false, false)], seed: 9),
            UPlane(vlan, 0x0011, 1, false, bfp12, false, [(13, 0, 5, true, true)], seed: 10),
        };
        var options = new FronthaulDecodeOptions { EaxcBits = bits, UplinkCompression = bfp12 };
        return Write("d-ul-static-bfp12", frames, 2_208_988_800_000_000_000L, new MixedCapture("", "", 0, options,
            ["--eaxc-bits", Bits(bits), "--ul-comp", "bfp:12"],
            Prefs(bits, Bfp, 14, Bfp, 12, compHdr: false), [], new Tshark40JsonView.Settings(14, 12)));
    }

    /// <summary>(e) 4/4/4/4, VLAN 2, DL dynamic BFP 9 (udCompHdr in its U-plane sections), UL static BFP 12 (none): the
    /// mix real set-ups run, readable only with the per-direction options (--dl-comp-hdr).</summary>
    public static MixedCapture E()
    {
        var bits = new EaxcBitWidths(4, 4, 4, 4);
        var bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
        var bfp12 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 12);
        VlanTag[] vlan = [VlanTag.Customer(2, 7)];
        var frames = new List<byte[]>
        {
            CPlane(vlan, 0x0001, 0, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { Downlink = true, NumberOfSections = 1, SectionType = 1, FrameId = 4 });
                w.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = 0, NumPrbc = 24, NumSymbol = 14 });
            }),
            UPlane(vlan, 0x0001, 0, true, bfp9, true, [(1, 0, 12, false, false), (1, 12, 12, false, false)], seed: 4),
            UPlane(vlan, 0x0001, 1, true, bfp9, true, [(1, 0, 24, false, false)], seed: 5),
            CPlane(vlan, 0x0011, 0, (ref CPlaneWriter w) =>
            {
                w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 1, SectionType = 1, UdCompHdr = bfp12.Raw, FrameId = 4 });
                w.WriteSection(new CPlaneSectionValues { SectionId = 2, StartPrbc = 0, NumPrbc = 16, NumSymbol = 14 });
            }),
            UPlane(vlan, 0x0011, 0, false, bfp12, false, [(2, 0, 8, false, false), (2, 8, 8, false, false)], seed: 6),
            UPlane(vlan, 0x0011, 1, false, bfp12, false, [(2, 0, 16, false, false)], seed: 7),
        };
        var options = new FronthaulDecodeOptions
        {
            EaxcBits = bits, DownlinkCompression = bfp9, UplinkCompression = bfp12, DownlinkUdCompHdrPresent = true,
        };
        var prefs = Prefs(bits, Bfp, 9, Bfp, 12, compHdr: false);
        prefs[prefs.IndexOf("oran_fh_cus.oran.ud_comp_hdr_down:FALSE")] = "oran_fh_cus.oran.ud_comp_hdr_down:TRUE";
        return Write("e-dl-dynamic-ul-static", frames, 1_700_000_000_000_000_000L, new MixedCapture("", "", 0, options,
            ["--eaxc-bits", Bits(bits), "--dl-comp", "bfp:9", "--ul-comp", "bfp:12", "--dl-comp-hdr"],
            prefs, [], new Tshark40JsonView.Settings(9, 12)));
    }
}
