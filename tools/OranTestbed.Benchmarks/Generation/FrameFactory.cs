using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Benchmarks.Generation;

/// <summary>
/// Builds the single frames the reader benchmarks need beside the emulated traffic, with the library's writers: a
/// VLAN-tagged C-plane ST1 message with extensions and untagged PTP. Each method writes into a caller buffer and
/// returns the frame length.
/// </summary>
public static class FrameFactory
{
    private static readonly byte[] DuMac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55];
    private static readonly byte[] RuMac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];

    private static readonly byte[] GrandmasterMac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x01];
    private const ulong GrandmasterIdentity = 0x001122FFFE334401;

    /// <summary>Room for the largest frame the generator writes (a jumbo U-plane frame is 7,678 bytes).</summary>
    public const int MaxFrameLength = 9216;

    /// <summary>
    /// A C-plane ST1 frame with extensions, for the C-plane reader benchmark: one section with SE1 beamforming weights
    /// (32 antennas, BFP 9-bit) followed by SE6 (non-contiguous PRB allocation), and a second plain section.
    /// </summary>
    public static int CPlaneWithExtensions(Span<byte> buffer, EaxcId eaxc)
    {
        var frame = Begin(buffer, downlink: true, EcpriFields.TypeRealTimeControl, eaxc, 7, out int ecpri);
        Span<byte> body = stackalloc byte[512];
        var c = new CPlaneWriter(body);
        c.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = true,
            FrameId = 1,
            SubframeId = 2,
            SlotId = 1,
            NumberOfSections = 2,
            SectionType = 1,
            UdCompHdr = TrafficProfile.Compression.Raw,
        });
        c.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = 0, NumPrbc = 136, NumSymbol = 14, BeamId = 5 });
        Span<int> weights = stackalloc int[64];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = ((i * 37) % 511) - 255;
        }

        c.WriteBeamformingWeights(TrafficProfile.Compression, [0x03], weights);
        c.WriteNonContiguousPrb(repetition: false, rbgSize: 3, rbgMask: 0x0FFF_FFFF, priority: 0, symbolMask: 0x3FFF);
        c.WriteSection(new CPlaneSectionValues { SectionId = 2, StartPrbc = 136, NumPrbc = 137, NumSymbol = 14, BeamId = 6 });
        frame.WriteBytes(c.Written);
        frame.EndEcpri(ecpri);
        return frame.Finish();
    }

    public static int PtpSync(Span<byte> buffer, ushort sequenceId, long timestampNanoseconds) =>
        Ptp(buffer, sequenceId, PtpMessageType.Sync, timestampNanoseconds);

    public static int PtpFollowUp(Span<byte> buffer, ushort sequenceId, long timestampNanoseconds) =>
        Ptp(buffer, sequenceId, PtpMessageType.FollowUp, timestampNanoseconds);

    /// <summary>A G.8275.1 Announce (domain 24, clock class 6, PTP time source GNSS).</summary>
    public static int PtpAnnounce(Span<byte> buffer, ushort sequenceId, long timestampNanoseconds)
    {
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(PtpFrame.Forwardable, GrandmasterMac, [], EthernetFields.TypePtp);
        frame.WritePtpAnnounce(Header(sequenceId, logInterval: -3, controlField: 5), new PtpAnnounce
        {
            OriginTimestamp = Timestamp(timestampNanoseconds),
            CurrentUtcOffset = 37,
            GrandmasterPriority1 = 128,
            ClockClass = 6,
            ClockAccuracy = 0x21,
            OffsetScaledLogVariance = 0x4E5D,
            GrandmasterPriority2 = 128,
            GrandmasterIdentity = GrandmasterIdentity,
            StepsRemoved = 0,
            TimeSource = 0x20,
        });
        return frame.Finish();
    }

    private static int Ptp(Span<byte> buffer, ushort sequenceId, PtpMessageType type, long timestampNanoseconds)
    {
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(PtpFrame.Forwardable, GrandmasterMac, [], EthernetFields.TypePtp);
        var header = Header(sequenceId, logInterval: -4, controlField: type == PtpMessageType.Sync ? (byte)0 : (byte)2);
        if (type == PtpMessageType.Sync)
        {
            // Two-step clock: the Sync carries flag twoStepFlag and an approximate timestamp.
            frame.WritePtpSync(header with { FlagField = 0x0200 }, Timestamp(timestampNanoseconds));
        }
        else
        {
            frame.WritePtpFollowUp(header, Timestamp(timestampNanoseconds));
        }

        return frame.Finish();
    }

    private static PtpHeader Header(ushort sequenceId, sbyte logInterval, byte controlField) => PtpHeader.V2 with
    {
        DomainNumber = 24,
        SourcePortIdentity = new PtpPortIdentity(GrandmasterIdentity, 1),
        SequenceId = sequenceId,
        ControlField = controlField,
        LogMessageInterval = logInterval,
    };

    // PTP time is TAI: 37 s ahead of the UTC capture clock.
    private static PtpTimestamp Timestamp(long utcNanoseconds) =>
        new((ulong)(utcNanoseconds / 1_000_000_000L) + 37, (uint)(utcNanoseconds % 1_000_000_000L));

    private static FrameWriter Begin(Span<byte> buffer, bool downlink, byte messageType, EaxcId eaxc, byte sequenceId,
        out int ecpriHeader)
    {
        var frame = new FrameWriter(buffer);
        ReadOnlySpan<VlanTag> vlan = [VlanTag.Customer(TrafficProfile.VlanId, pcp: 7)];
        frame.WriteEthernetHeader(downlink ? RuMac : DuMac, downlink ? DuMac : RuMac, vlan, EthernetFields.TypeEcpri);
        ecpriHeader = frame.BeginEcpri(messageType);
        frame.WriteOranTransportHeader(eaxc, sequenceId);
        return frame;
    }
}
