using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Timing;

/// <summary>C-plane (ST1) and U-plane frames at a chosen frameId / subframe / slot / symbol, built with the writers.</summary>
public static class TimingFrames
{

    public static byte[] CPlane(ushort eaxc, byte seqId, bool downlink, int frameId, int subframeId, int slotId,
        int startSymbol)
    {
        Span<byte> body = stackalloc byte[128];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = downlink, FrameId = frameId, SubframeId = subframeId, SlotId = slotId,
            StartSymbolId = startSymbol, NumberOfSections = 1, SectionType = 1,
            UdCompHdr = FronthaulFrames.Bfp9.Raw, PayloadVersion = 1,
        });
        cplane.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = 0, NumPrbc = 10, NumSymbol = 1 });
        return FronthaulFrames.Envelope(EcpriFields.TypeRealTimeControl, eaxc, seqId, true, 0, cplane.Written);
    }

    public static byte[] UPlane(ushort eaxc, byte seqId, bool downlink, int frameId, int subframeId, int slotId,
        int symbolId)
    {
        Span<byte> body = stackalloc byte[256];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, frameId, subframeId, slotId, symbolId));
        Span<int> iq = stackalloc int[2 * 24];
        uplane.WriteSection(1, 0, FronthaulFrames.Bfp9, includeUdCompHdr: true, iq);
        return FronthaulFrames.Envelope(EcpriFields.TypeIqData, eaxc, seqId, true, 0, uplane.Written);
    }
}
