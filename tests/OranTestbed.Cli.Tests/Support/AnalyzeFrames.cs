using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>
/// Crafted fronthaul for the <c>analyze</c> specs: DL C-plane (ST1) and DL U-plane messages for frame F, subframe 3,
/// slot 1, symbol 2 (µ = 1), stamped at exact offsets from that symbol's air time (UTC capture clock), and the profile
/// YAML whose O-RU windows judge them (the values of the Analysis timing specs): t2a-cp-dl [−429, −285] µs,
/// t2a-up [−428, −71] µs.
/// </summary>
internal static class AnalyzeFrames
{
    public const long Us = 1000;

    // 2023-11-14T22:13:20Z, the time base of the shared capture.
    private const long BaseNs = 1_700_000_000L * 1_000_000_000;

    private static readonly byte[] Destination = [0x02, 0, 0, 0, 0, 0x0A];
    private static readonly byte[] Source = [0x02, 0, 0, 0, 0, 0x0B];
    private static readonly UdCompHdr Bfp9 = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);
    private static readonly AirTimeClock Clock = new(1);
    private static readonly long TargetFrame = Clock.FrameAt(BaseNs) + 5;

    public const string RuProfileYaml = """
        name: analyze-specs-ru
        numerology: 1
        prbs: 273
        eaxc-id-bits: {du-port: 4, band-sector: 4, cc: 4, ru-port: 4}
        compression:
          dl: {method: bfp, iq-width: 9, comp-hdr: true}
          ul: {method: bfp, iq-width: 9, comp-hdr: true}
        duplex: fdd
        delay-management:
          t2a-min-up: 71us
          t2a-max-up: 428us
          t2a-min-cp-dl: 285us
          t2a-max-cp-dl: 429us
          t2a-min-cp-ul: 285us
          t2a-max-cp-ul: 429us
          ta3-min: 20us
          ta3-max: 32us
        capture-clock: utc
        tap: ru
        """;

    /// <summary>The radio frame of pair <paramref name="pair"/> of <see cref="DownlinkPairs"/>.</summary>
    public static long FrameIdOf(int pair) => TargetFrame + pair;

    /// <summary>Air time of frame TargetFrame + <paramref name="frames"/>, subframe 3, slot 1, symbol 2.</summary>
    public static long AirNs(long frames = 0) => Clock.SymbolStart(TargetFrame + frames, 3, 1, 2);

    /// <summary>
    /// A DL C-plane + DL U-plane pair per frame period (10 ms apart): C-plane 300 µs and U-plane 150 µs before air
    /// time (both on time), except that pair <paramref name="lateCPlaneAt"/> has its C-plane 100 µs before (late).
    /// </summary>
    public static IEnumerable<(byte[] Frame, long TimestampNs)> DownlinkPairs(int pairs, int lateCPlaneAt = -1)
    {
        for (int i = 0; i < pairs; i++)
        {
            int frameId = (int)((TargetFrame + i) & 255);
            long cplaneOffsetUs = i == lateCPlaneAt ? -100 : -300;
            yield return (CPlane(1, (byte)i, frameId), AirNs(i) + (cplaneOffsetUs * Us));
            yield return (UPlane(1, (byte)i, frameId), AirNs(i) - (150 * Us));
        }
    }

    /// <summary>
    /// Like <see cref="DownlinkPairs"/> but for live injection: each pair is stamped for the radio frame current on the
    /// host's UTC clock when it is generated (subframe 3, slot 1, symbol 2: within ±10 ms of the capture time, so the
    /// frameId agrees with the timestamp).
    /// </summary>
    public static IEnumerable<byte[]> DownlinkPairsNow(int pairs)
    {
        for (int i = 0; i < pairs; i++)
        {
            // The pair addresses the slot on air now (µ = 1: 0.5 ms slots), so its air time is within a slot of the
            // moment it is sent and a loaded machine's scheduling delay does not push it past the frameId check.
            long nowNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            long frame = Clock.FrameAt(nowNs);
            long intoFrame = nowNs - Clock.SymbolStart(frame, 0, 0, 0);
            int subframe = (int)Math.Clamp(intoFrame / 1_000_000, 0, 9);
            int slot = (int)Math.Clamp((intoFrame % 1_000_000) / 500_000, 0, 1);
            yield return CPlane(1, (byte)i, (int)(frame & 255), subframe, slot);
            yield return UPlane(1, (byte)i, (int)(frame & 255), subframe, slot);
        }
    }

    public static void WriteCapture(string path, IEnumerable<(byte[] Frame, long TimestampNs)> frames)
    {
        using var writer = new CaptureFileWriter(path);
        foreach (var (frame, timestamp) in frames)
        {
            writer.Write(frame, timestamp);
        }
    }

    /// <summary>An Ethernet frame that is not fronthaul: EtherType 0x88B5 (IEEE 802 local experimental), zero payload.</summary>
    public static byte[] NotFronthaul()
    {
        var frame = new byte[60];
        Destination.CopyTo(frame, 0);
        Source.CopyTo(frame, 6);
        frame[12] = 0x88;
        frame[13] = 0xB5;
        return frame;
    }

    public static byte[] CPlane(ushort eaxc, byte seqId, int frameId, int subframeId = 3, int slotId = 1)
    {
        var buffer = new byte[256];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], 0xAEFE);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeRealTimeControl);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId, true, 0);
        Span<byte> body = stackalloc byte[128];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = true, FrameId = frameId, SubframeId = subframeId, SlotId = slotId, StartSymbolId = 2,
            NumberOfSections = 1, SectionType = 1, UdCompHdr = Bfp9.Raw, PayloadVersion = 1,
        });
        cplane.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = 0, NumPrbc = 10, NumSymbol = 1 });
        frame.WriteBytes(cplane.Written);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }

    public static byte[] UPlane(ushort eaxc, byte seqId, int frameId, int subframeId = 3, int slotId = 1)
    {
        var buffer = new byte[512];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], 0xAEFE);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeIqData);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId, true, 0);
        Span<byte> body = stackalloc byte[256];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(true, frameId, subframeId, slotId, 2));
        Span<int> iq = stackalloc int[2 * 24];
        uplane.WriteSection(1, 0, Bfp9, includeUdCompHdr: true, iq);
        frame.WriteBytes(uplane.Written);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }
}
