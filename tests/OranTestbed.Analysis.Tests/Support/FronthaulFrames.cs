using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Support;

/// <summary>Builds C-plane and U-plane frames (Ethernet + VLAN + eCPRI) with the repository's writers.</summary>
public static class FronthaulFrames
{
    private static readonly byte[] Destination = [0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x01];
    private static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    private const ushort EtherTypeEcpri = 0xAEFE;

    public static UdCompHdr Bfp9 { get; } = UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9);

    /// <summary>Ethernet (one VLAN tag, PCP 7) + eCPRI + O-RAN transport header around a C-plane or U-plane body.</summary>
    public static byte[] Envelope(byte messageType, ushort eaxc, byte seqId, bool eBit, byte subseq,
        ReadOnlySpan<byte> body, int revision = EcpriFields.Revision)
    {
        var buffer = new byte[body.Length + 64];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], EtherTypeEcpri);
        int ecpri = frame.BeginEcpri(messageType, revision: revision);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId, eBit, subseq);
        frame.WriteBytes(body);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }

    /// <summary>A ST1 C-plane message with one section per (startPrbc, numPrbc) pair.</summary>
    public static byte[] CPlane(ushort eaxc, byte seqId, bool downlink, int slotId = 0, int startSymbol = 0,
        int startPrbc = 0, int numPrbc = 10, int numSymbol = 14, int subframeId = 0, bool eBit = true,
        byte subseq = 0, int payloadVersion = 1, int revision = EcpriFields.Revision)
    {
        Span<byte> body = stackalloc byte[128];
        var cplane = new CPlaneWriter(body);
        cplane.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = downlink, FrameId = 1, SubframeId = subframeId, SlotId = slotId, StartSymbolId = startSymbol,
            NumberOfSections = 1, SectionType = 1, UdCompHdr = Bfp9.Raw, PayloadVersion = payloadVersion,
        });
        cplane.WriteSection(new CPlaneSectionValues { SectionId = 1, StartPrbc = startPrbc, NumPrbc = numPrbc, NumSymbol = numSymbol });
        return Envelope(EcpriFields.TypeRealTimeControl, eaxc, seqId, eBit, subseq, cplane.Written, revision);
    }

    /// <summary>A U-plane message with one BFP-9 section of <paramref name="numPrb"/> PRBs (udCompHdr present).</summary>
    public static byte[] UPlane(ushort eaxc, byte seqId, bool downlink, int slotId = 0, int symbolId = 0,
        int startPrb = 0, int numPrb = 2, int subframeId = 0, bool eBit = true, byte subseq = 0)
    {
        Span<byte> body = stackalloc byte[768];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, 1, subframeId, slotId, symbolId));
        Span<int> iq = stackalloc int[numPrb * 24];
        for (int i = 0; i < iq.Length; i++)
        {
            iq[i] = (i * 37 % 200) - 100;
        }

        uplane.WriteSection(1, startPrb, Bfp9, includeUdCompHdr: true, iq);
        return Envelope(EcpriFields.TypeIqData, eaxc, seqId, eBit, subseq, uplane.Written);
    }
}
