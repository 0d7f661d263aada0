using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Correlation;

/// <summary>ST1 C-plane and U-plane frames with chosen sections (frameId 1, subframe 0), built with the writers.</summary>
public static class CorrelationFrames
{

    public static byte[] CPlane(ushort eaxc, byte seq, bool downlink, int slot, int startSymbol,
        params CPlaneSectionValues[] sections)
    {
        Span<byte> body = stackalloc byte[384];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = downlink, FrameId = 1, SubframeId = 0, SlotId = slot, StartSymbolId = startSymbol,
            NumberOfSections = sections.Length, SectionType = 1, UdCompHdr = FronthaulFrames.Bfp9.Raw, PayloadVersion = 1,
        });
        foreach (var section in sections)
        {
            cplane.WriteSection(section);
        }

        return FronthaulFrames.Envelope(EcpriFields.TypeRealTimeControl, eaxc, seq, true, 0, cplane.Written);
    }

    public static CPlaneSectionValues Section(int sectionId, int startPrbc, int numPrbc, int numSymbol, bool rb = false) =>
        new() { SectionId = sectionId, StartPrbc = startPrbc, NumPrbc = numPrbc, NumSymbol = numSymbol, Rb = rb };

    /// <summary>A U-plane message with one BFP-9 section of <paramref name="numPrb"/> PRBs (0 = the carrier).</summary>
    public static byte[] UPlane(ushort eaxc, byte seq, bool downlink, int slot, int symbol, int sectionId, int startPrb,
        int numPrb, bool rb = false, int carrierPrbs = 106)
    {
        var body = new byte[7000];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, 1, 0, slot, symbol));
        var iq = new int[(numPrb == 0 ? carrierPrbs : numPrb) * 24];
        uplane.WriteSection(sectionId, startPrb, FronthaulFrames.Bfp9, includeUdCompHdr: true, iq, rb: rb,
            numPrbAsZero: numPrb == 0);
        return FronthaulFrames.Envelope(EcpriFields.TypeIqData, eaxc, seq, true, 0, uplane.Written);
    }
}
