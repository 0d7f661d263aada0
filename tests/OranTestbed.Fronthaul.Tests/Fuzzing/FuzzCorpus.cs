using System.Buffers.Binary;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Tests.CPlane;
using OranTestbed.Fronthaul.Tests.Transport;
using OranTestbed.Fronthaul.Tests.UPlane;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport;

namespace OranTestbed.Fronthaul.Tests.Fuzzing;

/// <summary>
/// Valid frames of every layer the decoder knows, each with the options it decodes cleanly under: PTP (every message
/// type, L2, VLAN, UDP over IPv4/IPv6), eCPRI 5/6/7, raw types and concatenated PDUs, C-plane section types
/// 0/1/3/5/6/7 with every decoded extension and skipped ones, U-plane with every compression method, static and
/// dynamic udCompHdr and numPrbu = 0, over Ethernet, VLAN, Q-in-Q and UDP; and the 7 frames of the shared capture.
/// </summary>
public static class FuzzCorpus
{
    public const ushort EcpriPort = 50000;

    private static readonly Lazy<IReadOnlyList<FuzzSeed>> Cache = new(Build);

    public static IReadOnlyList<FuzzSeed> Seeds => Cache.Value;

    /// <summary>The shared capture's configuration: eAxC 4/4/4/4, dynamic udCompHdr, DL BFP 9 bits.</summary>
    public static readonly FronthaulDecodeOptions SharedCaptureOptions = new()
    {
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        UdCompHdrPresent = true,
        DownlinkCompression = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9),
    };

    private static readonly FronthaulDecodeOptions UdpOptions = FronthaulDecodeOptions.Default with { EcpriUdpPort = EcpriPort };

    private static readonly VlanTag[] OneTag = [VlanTag.Customer(2, 7)];

    private static readonly VlanTag[] QinQ = [new VlanTag(EthernetFields.TypeProviderBridging, 5, false, 100), VlanTag.Customer(2, 7)];

    private static readonly EcpriEventElement[] Elements = [new(0x0001, 1, 0x005, 0xDEADBEEF), new(0xFFFF, 0, 0x400, 7)];

    private delegate void UBuild(ref UPlaneWriter writer);

    private static List<FuzzSeed> Build()
    {
        var seeds = new List<FuzzSeed>();
        AddSharedCapture(seeds);
        AddPtp(seeds);
        AddEcpri(seeds);
        AddCPlane(seeds);
        AddUPlane(seeds);
        return seeds;
    }

    private static void AddSharedCapture(List<FuzzSeed> seeds)
    {
        var frames = PcapFile.ReadAll(TestPaths.SharedCapture);
        for (int i = 0; i < frames.Count; i++)
        {
            seeds.Add(new FuzzSeed($"shared-capture-{i + 1}", frames[i], SharedCaptureOptions));
        }
    }

    private static void AddPtp(List<FuzzSeed> seeds)
    {
        var h = PtpHeader.V2 with { DomainNumber = 24, SequenceId = 7, SourcePortIdentity = new PtpPortIdentity(0x001122FFFE334455, 1) };
        var ts = new PtpTimestamp(1_700_000_037, 123_456_789);
        var announce = new PtpAnnounce
        {
            OriginTimestamp = ts, CurrentUtcOffset = 37, GrandmasterPriority1 = 128, ClockClass = 6, ClockAccuracy = 0x21,
            OffsetScaledLogVariance = 0x4E5D, GrandmasterPriority2 = 128, GrandmasterIdentity = 0x001122FFFE334455,
            StepsRemoved = 1, TimeSource = 0x20,
        };
        (string Name, BodyWriter Body)[] bodies =
        [
            ("sync", (ref FrameWriter w) => w.WritePtpSync(h, ts)),
            ("delay-req", (ref FrameWriter w) => w.WritePtpDelayReq(h, ts)),
            ("pdelay-req", (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.PdelayReq, new byte[20])),
            ("pdelay-resp", (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.PdelayResp, Filled(20, 0x31))),
            ("follow-up", (ref FrameWriter w) => w.WritePtpFollowUp(h, ts)),
            ("delay-resp", (ref FrameWriter w) => w.WritePtpDelayResp(h, ts, new PtpPortIdentity(3, 4))),
            ("pdelay-resp-follow-up", (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.PdelayRespFollowUp, Filled(20, 0x32))),
            ("announce", (ref FrameWriter w) => w.WritePtpAnnounce(h, announce)),
            ("signaling", (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.Signaling, Filled(10, 0x0C))),
            ("management", (ref FrameWriter w) => w.WritePtpMessage(h, PtpMessageType.Management, Filled(14, 0x0D))),
        ];
        foreach (var (name, body) in bodies)
        {
            seeds.Add(new FuzzSeed($"ptp-{name}-l2", TestFrames.Build(body, EthernetFields.TypePtp), FronthaulDecodeOptions.Default));
        }

        seeds.Add(new FuzzSeed("ptp-sync-vlan", TestFrames.Build(bodies[0].Body, EthernetFields.TypePtp, OneTag), FronthaulDecodeOptions.Default));
        seeds.Add(new FuzzSeed("ptp-sync-udp4", TestFrames.Build(bodies[0].Body, 0, [], Encapsulation.Ipv4, 319, 319), FronthaulDecodeOptions.Default));
        seeds.Add(new FuzzSeed("ptp-delay-resp-udp4", TestFrames.Build(bodies[5].Body, 0, OneTag, Encapsulation.Ipv4, 320, 320), FronthaulDecodeOptions.Default));
        seeds.Add(new FuzzSeed("ptp-announce-udp6", TestFrames.Build(bodies[7].Body, 0, [], Encapsulation.Ipv6, 320, 320), FronthaulDecodeOptions.Default));
        seeds.Add(new FuzzSeed("ptp-follow-up-udp6-qinq", TestFrames.Build(bodies[4].Body, 0, QinQ, Encapsulation.Ipv6, 320, 320), FronthaulDecodeOptions.Default));
    }

    private static void AddEcpri(List<FuzzSeed> seeds)
    {
        (string Name, BodyWriter Body)[] bodies =
        [
            ("one-way-delay", (ref FrameWriter w) => w.WriteEcpriOneWayDelay(1, 0, new PtpTimestamp(1_700_000_000, 72_671_875), 0, 22)),
            ("one-way-delay-response", (ref FrameWriter w) => w.WriteEcpriOneWayDelay(9, 1, new PtpTimestamp(5, 6), -65536)),
            ("remote-reset", (ref FrameWriter w) => w.WriteEcpriRemoteReset(0xBEEF, 2, [0x01, 0x02, 0x03])),
            ("event-indication", (ref FrameWriter w) => w.WriteEcpriEventIndication(1, 0, 9, Elements)),
            ("event-indication-empty", (ref FrameWriter w) => w.WriteEcpriEventIndication(2, 3, 4, [])),
            ("generic-data", (ref FrameWriter w) =>
            {
                int at = w.BeginEcpri(EcpriFields.TypeGenericDataTransfer);
                w.WriteBytes(Filled(12, 0x33));
                w.EndEcpri(at);
            }),
            ("concatenated", Concatenated),
            ("concatenated-c-and-u-plane", ConcatenatedPlanes),
        ];
        foreach (var (name, body) in bodies)
        {
            seeds.Add(new FuzzSeed($"ecpri-{name}", TestFrames.Build(body, EthernetFields.TypeEcpri), CPlaneSamples.Options));
        }

        seeds.Add(new FuzzSeed("ecpri-concatenated-vlan", TestFrames.Build(Concatenated, EthernetFields.TypeEcpri, OneTag), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-concatenated-qinq", TestFrames.Build(Concatenated, EthernetFields.TypeEcpri, QinQ), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-event-indication-udp4", TestFrames.Build(bodies[3].Body, 0, [], Encapsulation.Ipv4, 1234, EcpriPort), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-concatenated-udp6", TestFrames.Build(Concatenated, 0, OneTag, Encapsulation.Ipv6, EcpriPort, 1234), UdpOptions));
        byte[] udp4 = TestFrames.Build(Concatenated, 0, [], Encapsulation.Ipv4, 1234, EcpriPort);
        byte[] udp6 = TestFrames.Build(Concatenated, 0, [], Encapsulation.Ipv6, 1234, EcpriPort);
        seeds.Add(new FuzzSeed("ecpri-concatenated-udp4-ip-options", WithIpv4Options(udp4), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-concatenated-udp6-extension-headers", WithIpv6ExtensionHeaders(udp6), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-udp4-first-fragment", WithIpv4MoreFragments(udp4), UdpOptions));
        seeds.Add(new FuzzSeed("ecpri-remote-reset-udp4-no-checksum", TestFrames.Build(bodies[2].Body, 0, QinQ, Encapsulation.Ipv4, 1234, EcpriPort, ipv4UdpChecksum: false), UdpOptions));
    }

    /// <summary>The IPv4 header of an untagged frame grown to IHL 6 by four NOP options (lengths and checksum fixed).</summary>
    private static byte[] WithIpv4Options(byte[] frame)
    {
        const int ip = EthernetFields.HeaderLength;
        byte[] nops = [1, 1, 1, 1];
        byte[] grown = [.. frame[..(ip + Ipv4Fields.MinimumHeaderLength)], .. nops, .. frame[(ip + Ipv4Fields.MinimumHeaderLength)..]];
        grown[ip] = (Ipv4Fields.Version << 4) | 6;
        AddToUInt16(grown, ip + Ipv4Fields.TotalLengthOffset, nops.Length);
        FixIpv4HeaderChecksum(grown, 24);
        return grown;
    }

    /// <summary>An untagged IPv6 frame with Hop-by-Hop and Destination Options headers (PadN) before UDP.</summary>
    private static byte[] WithIpv6ExtensionHeaders(byte[] frame)
    {
        const int ip = EthernetFields.HeaderLength;
        byte[] headers =
        [
            Ipv6Fields.DestinationOptions, 0, 1, 4, 0, 0, 0, 0,
            Ipv6Fields.Udp, 0, 1, 4, 0, 0, 0, 0,
        ];
        byte[] grown = [.. frame[..(ip + Ipv6Fields.HeaderLength)], .. headers, .. frame[(ip + Ipv6Fields.HeaderLength)..]];
        grown[ip + Ipv6Fields.NextHeaderOffset] = Ipv6Fields.HopByHop;
        AddToUInt16(grown, ip + Ipv6Fields.PayloadLengthOffset, headers.Length);
        return grown;
    }

    /// <summary>The first fragment of a datagram (MF set): reported as a fragment, not decoded.</summary>
    private static byte[] WithIpv4MoreFragments(byte[] frame)
    {
        const int ip = EthernetFields.HeaderLength;
        var copy = (byte[])frame.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(ip + Ipv4Fields.FlagsAndFragmentOffset), Ipv4Fields.MoreFragmentsMask);
        FixIpv4HeaderChecksum(copy, Ipv4Fields.MinimumHeaderLength);
        return copy;
    }

    private static void AddToUInt16(byte[] frame, int offset, int delta) =>
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset),
            (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset)) + delta));

    private static void FixIpv4HeaderChecksum(byte[] frame, int headerLength)
    {
        var header = frame.AsSpan(EthernetFields.HeaderLength, headerLength);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Fields.ChecksumOffset..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Fields.ChecksumOffset..], InternetChecksum.Compute(header));
    }

    /// <summary>One-way delay + remote reset + event indication, C = 1, 1, 0, each aligned to 4 bytes.</summary>
    private static void Concatenated(ref FrameWriter w)
    {
        int pdu = w.Position;
        w.WriteEcpriOneWayDelay(7, 2, new PtpTimestamp(1_700_000_000, 5), -65536, 3, concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriRemoteReset(0xBEEF, 2, [0x01], concatenation: true);
        w.AlignEcpri(pdu);
        w.WriteEcpriEventIndication(1, 0, 9, Elements);
    }

    /// <summary>A C-plane ST1 message (SE1 + SE4 + SE6 + SE12) concatenated with a U-plane message (BFP 14, static).</summary>
    private static void ConcatenatedPlanes(ref FrameWriter w)
    {
        int pdu = w.Position;
        int c = w.BeginEcpri(EcpriFields.TypeRealTimeControl, concatenation: true);
        w.WriteOranTransportHeader(new EaxcId(1), 3);
        w.WriteBytes(CPlaneFrames.Message(CPlaneSamples.St1Weights));
        w.EndEcpri(c);
        w.AlignEcpri(pdu);
        int u = w.BeginEcpri(EcpriFields.TypeIqData);
        w.WriteOranTransportHeader(new EaxcId(1), 3);
        w.WriteBytes(UPlaneBody(
            (ref UPlaneWriter u) => u.WriteSection(1, 0, UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14), false, Ramp(2, 300)),
            downlink: true));
        w.EndEcpri(u);
    }

    private static void AddCPlane(List<FuzzSeed> seeds)
    {
        foreach (var (name, message) in CPlaneSamples.All())
        {
            seeds.Add(new FuzzSeed($"cplane-{name}", CPlaneFrames.Frame(message), CPlaneSamples.Options));
        }

        seeds.Add(new FuzzSeed("cplane-st6-compressed-ci", CPlaneFrames.Frame(CPlaneFrames.Message(St6Compressed)), CPlaneSamples.Options));
        seeds.Add(new FuzzSeed("cplane-st1-se1-beamspace", CPlaneFrames.Frame(CPlaneFrames.Message(St1Beamspace)), CPlaneSamples.Options));
        byte[] st1 = CPlaneFrames.Message(CPlaneSamples.St1Grouping);
        seeds.Add(new FuzzSeed("cplane-st1-se10-se11-qinq", Wrap(EcpriFields.TypeRealTimeControl, st1, QinQ, Encapsulation.Ethernet), CPlaneSamples.Options));
        var udp = CPlaneSamples.Options with { EcpriUdpPort = EcpriPort };
        seeds.Add(new FuzzSeed("cplane-st1-se1-udp4", Wrap(EcpriFields.TypeRealTimeControl, CPlaneFrames.Message(CPlaneSamples.St1Weights), [], Encapsulation.Ipv4), udp));
        seeds.Add(new FuzzSeed("cplane-st6-udp6", Wrap(EcpriFields.TypeRealTimeControl, CPlaneFrames.Message(CPlaneSamples.St6), OneTag, Encapsulation.Ipv6), udp));
        seeds.Add(new FuzzSeed("cplane-st3-udp6-qinq", Wrap(EcpriFields.TypeRealTimeControl, CPlaneFrames.Message(CPlaneSamples.St3), QinQ, Encapsulation.Ipv6), udp));
    }

    /// <summary>ST6 with compressed channel information: BFP 9 bits, one ciCompParam per PRB, then one per section.</summary>
    private static void St6Compressed(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 6, NumberOfUes = 1, CiCompHdr = CiCompHdr.From(9, 1, true).Raw });
        w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 3, RegularizationFactor = 7, StartPrbc = 1, NumPrbc = 2 },
            CiCompHdr.From(9, 1, true), 2, [0x02, 0x03], [100, -100, 255, -256, 0, 1, -1, 77]);
        w.WriteChannelInformationSection(new CPlaneSectionValues { UeId = 4, StartPrbc = 3, NumPrbc = 1 },
            CiCompHdr.From(9, 1, true), 2, [0x01], [5, 6, 7, 8]);
    }

    /// <summary>SE1 with beamspace compression: method 4 (mask only) and 5 (mask + exponent), 2 of 2 antennas active.</summary>
    private static void St1Beamspace(ref CPlaneWriter w)
    {
        w.WriteHeader(new CPlaneHeaderValues { NumberOfSections = 2, SectionType = 1, UdCompHdr = 0x91 });
        w.WriteSection(new CPlaneSectionValues { SectionId = 1, NumPrbc = 4, BeamId = 1 });
        w.WriteBeamformingWeights(new UdCompHdr(0x84), [0xC0], [1, -2, 3, -4]);
        w.WriteSection(new CPlaneSectionValues { SectionId = 2, NumPrbc = 4, BeamId = 2 });
        w.WriteBeamformingWeights(new UdCompHdr(0x85), [0x80, 0x03], [9, -9]);
    }

    private static void AddUPlane(List<FuzzSeed> seeds)
    {
        var bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
        var bfp14 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 14);
        var none16 = UdCompHdr.From(CompressionMethod.None, 16);
        var none8 = UdCompHdr.From(CompressionMethod.None, 8);
        var blockScaling8 = UdCompHdr.From(CompressionMethod.BlockScaling, 8);
        var muLaw8 = UdCompHdr.From(CompressionMethod.MuLaw, 8);
        var modComp4 = UdCompHdr.From(CompressionMethod.ModulationCompression, 4);

        var staticDl = FronthaulDecodeOptions.Default with { DownlinkCompression = bfp9 };
        seeds.Add(UPlaneSeed("uplane-static-dl-bfp9", staticDl, true, (ref UPlaneWriter u) =>
        {
            u.WriteSection(1, 0, bfp9, false, Ramp(2, 200));
            u.WriteSection(2, 2, bfp9, false, Ramp(3, -7000), rb: true, symInc: true);
        }));

        var staticUl = FronthaulDecodeOptions.Default with { UplinkCompression = none16 };
        seeds.Add(UPlaneSeed("uplane-static-ul-none16", staticUl, false, (ref UPlaneWriter u) =>
            u.WriteSection(4095, 1023, none16, false, Ramp(2, 32000), saturate: true)));

        var staticUl8 = FronthaulDecodeOptions.Default with { UplinkCompression = none8, EaxcBits = new EaxcBitWidths(0, 0, 0, 16) };
        seeds.Add(UPlaneSeed("uplane-static-ul-none8-eaxc-0-0-0-16", staticUl8, false, (ref UPlaneWriter u) =>
            u.WriteSection(3, 10, none8, false, Ramp(1, 100), saturate: true)));

        var staticBlockScaling = FronthaulDecodeOptions.Default with { DownlinkCompression = blockScaling8 };
        seeds.Add(UPlaneSeed("uplane-static-dl-block-scaling", staticBlockScaling, true, (ref UPlaneWriter u) =>
        {
            u.WriteSectionHeader(7, false, false, 0, 2, null);
            u.WriteCodes(Ramp(2, 5), blockScaling8, [0x80, 0x40]);
        }));

        var staticMuLaw = FronthaulDecodeOptions.Default with { DownlinkCompression = muLaw8 };
        seeds.Add(UPlaneSeed("uplane-static-dl-mu-law", staticMuLaw, true, (ref UPlaneWriter u) =>
        {
            u.WriteSectionHeader(8, false, false, 0, 2, null);
            u.WriteCodes(Ramp(2, 3), muLaw8, [0x73, 0x12]);
        }));

        var staticModComp = FronthaulDecodeOptions.Default with { DownlinkCompression = modComp4 };
        seeds.Add(UPlaneSeed("uplane-static-dl-modulation-compression", staticModComp, true, (ref UPlaneWriter u) =>
        {
            u.WriteSectionHeader(9, false, false, 0, 3, null);
            u.WriteCodes(Ramp(3, 1), modComp4, []);
        }));

        var dynamic = FronthaulDecodeOptions.Default with { UdCompHdrPresent = true };
        seeds.Add(UPlaneSeed("uplane-dynamic-every-method", dynamic, false, (ref UPlaneWriter u) =>
        {
            u.WriteSection(1, 0, bfp14, true, Ramp(2, 1000));
            u.WriteSection(2, 2, none8, true, Ramp(1, 50), saturate: true);
            u.WriteSectionHeader(3, false, false, 3, 2, blockScaling8);
            u.WriteCodes(Ramp(2, 9), blockScaling8, [0x81, 0x02]);
            u.WriteSectionHeader(4, false, false, 5, 1, muLaw8);
            u.WriteCodes(Ramp(1, 11), muLaw8, [0x45]);
            u.WriteSectionHeader(5, false, false, 6, 2, modComp4);
            u.WriteCodes(Ramp(2, 1), modComp4, []);
            u.WriteSection(6, 8, none16, true, Ramp(1, -30000), saturate: true);
        }));

        // numPrbu = 0: the section spans the configured carrier (a small one, and a full 273-PRB 100 MHz carrier).
        var smallCarrier = FronthaulDecodeOptions.Default with { DownlinkCompression = bfp9, CarrierPrbs = 3 };
        seeds.Add(UPlaneSeed("uplane-numprbu-zero-carrier-3", smallCarrier, true, (ref UPlaneWriter u) =>
            u.WriteSection(1, 0, bfp9, false, Ramp(3, 77), numPrbAsZero: true)));
        var fullCarrier = FronthaulDecodeOptions.Default with { DownlinkCompression = bfp9, UdCompHdrPresent = true };
        seeds.Add(UPlaneSeed("uplane-numprbu-zero-carrier-273", fullCarrier, true, (ref UPlaneWriter u) =>
            u.WriteSection(1, 0, bfp9, true, Ramp(273, 5), numPrbAsZero: true)));

        var udp = staticDl with { EcpriUdpPort = EcpriPort };
        byte[] body = UPlaneBody((ref UPlaneWriter u) => u.WriteSection(1, 0, bfp9, false, Ramp(2, 200)), downlink: true);
        seeds.Add(new FuzzSeed("uplane-bfp9-udp4-vlan", Wrap(EcpriFields.TypeIqData, body, OneTag, Encapsulation.Ipv4), udp));
        seeds.Add(new FuzzSeed("uplane-bfp9-udp6-qinq", Wrap(EcpriFields.TypeIqData, body, QinQ, Encapsulation.Ipv6), udp));
        seeds.Add(new FuzzSeed("uplane-bfp9-qinq", Wrap(EcpriFields.TypeIqData, body, QinQ, Encapsulation.Ethernet), udp));
    }

    private static FuzzSeed UPlaneSeed(string name, FronthaulDecodeOptions options, bool downlink, UBuild build) =>
        new(name, UPlaneTestFrames.Frame(UPlaneBody(build, downlink)), options);

    private static byte[] UPlaneBody(UBuild build, bool downlink)
    {
        var buffer = new byte[16384];
        var writer = new UPlaneWriter(buffer);
        writer.WriteHeader(UPlaneHeader.Create(downlink, frameId: 15, subframeId: 3, slotId: 1, symbolId: 2));
        build(ref writer);
        return writer.Written.ToArray();
    }

    /// <summary>An eCPRI type 0/2 message (transport header + <paramref name="body"/>) in any encapsulation.</summary>
    private static byte[] Wrap(byte messageType, byte[] body, VlanTag[] tags, Encapsulation encapsulation) =>
        TestFrames.Build((ref FrameWriter w) =>
        {
            int at = w.BeginEcpri(messageType);
            w.WriteOranTransportHeader(new EaxcId(0x1234), 42);
            w.WriteBytes(body);
            w.EndEcpri(at);
        }, EthernetFields.TypeEcpri, tags, encapsulation, 1234, EcpriPort);

    /// <summary>24 integers per PRB, a deterministic ramp around <paramref name="start"/>.</summary>
    private static int[] Ramp(int prbs, int start)
    {
        var values = new int[prbs * IqPacking.SamplesPerPrb];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = start + ((i % 2 == 0 ? 1 : -1) * i * 3);
        }

        return values;
    }

    private static byte[] Filled(int length, byte value)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return bytes;
    }
}
