using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Timing;

/// <summary>C-plane (ST1) and U-plane frames at a chosen frameId / subframe / slot / symbol, built with the writers.</summary>
public static class TimingFrames
{
    private static readonly byte[] Destination = [0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x01];
    private static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    private const ushort EtherTypeEcpri = 0xAEFE;

    public static byte[] CPlane(ushort eaxc, byte seqId, bool downlink, int frameId, int subframeId, int slotId,
        int startSymbol)
    {
        var buffer = new byte[256];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], EtherTypeEcpri);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeRealTimeControl);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId, true, 0);
        Span<byte> body = stackalloc byte[128];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = downlink, FrameId = frameId, SubframeId = subframeId, SlotId = slotId,
            StartSymbolId = startSymbol, NumberOfSections = 1, SectionType = 1,
            UdCompHdr = FronthaulFrames.Bfp9.Raw, PayloadVersion = 1,
        });
        cplane.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = 0, NumPrbc = 10, NumSymbol = 1 });
        frame.WriteBytes(cplane.Written);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }

    public static byte[] UPlane(ushort eaxc, byte seqId, bool downlink, int frameId, int subframeId, int slotId,
        int symbolId)
    {
        var buffer = new byte[512];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], EtherTypeEcpri);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeIqData);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId, true, 0);
        Span<byte> body = stackalloc byte[256];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, frameId, subframeId, slotId, symbolId));
        Span<int> iq = stackalloc int[2 * 24];
        uplane.WriteSection(1, 0, FronthaulFrames.Bfp9, includeUdCompHdr: true, iq);
        frame.WriteBytes(uplane.Written);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }
}
