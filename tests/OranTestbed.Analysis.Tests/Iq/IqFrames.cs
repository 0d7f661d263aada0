using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.UPlane;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.Iq;

/// <summary>U-plane frames with chosen IQ samples (compressed by <see cref="UPlaneWriter"/>) or raw BFP codes.</summary>
public static class IqFrames
{
    private static readonly byte[] Destination = [0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0x01];
    private static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    private const ushort EtherTypeEcpri = 0xAEFE;

    /// <summary>One section compressed from <paramref name="iq"/> (24 integers per PRB) with udCompHdr.</summary>
    public static byte[] Samples(ushort eaxc, byte seqId, bool downlink, ReadOnlySpan<int> iq, UdCompHdr compression) =>
        Build(eaxc, seqId, downlink, iq.ToArray(), compression, null);

    /// <summary>One BFP section of raw codes with the given exponent per PRB (udCompHdr present).</summary>
    public static byte[] BfpCodes(ushort eaxc, byte seqId, bool downlink, UdCompHdr compression, byte[] exponents) =>
        Build(eaxc, seqId, downlink, new int[exponents.Length * 24], compression, exponents);

    /// <summary>
    /// One section of raw codes (24 per PRB; BFP mantissas) with the given udCompParam per PRB (the BFP exponent; ignored
    /// by methods without one), udCompHdr present.
    /// </summary>
    public static byte[] Codes(ushort eaxc, byte seqId, bool downlink, UdCompHdr compression, ReadOnlySpan<int> codes,
        byte[] compressionParams) =>
        Build(eaxc, seqId, downlink, codes.ToArray(), compression, compressionParams);

    private static byte[] Build(ushort eaxc, byte seqId, bool downlink, int[] iq, UdCompHdr compression,
        byte[]? exponents)
    {
        var buffer = new byte[8192];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, [VlanTag.Customer(2, 7)], EtherTypeEcpri);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeIqData);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), seqId);
        var body = new byte[7680];
        var uplane = new UPlaneWriter(body);
        uplane.WriteHeader(UPlaneHeader.Create(downlink, 1, 0, 0, 0));
        if (exponents is null)
        {
            uplane.WriteSection(1, 0, compression, includeUdCompHdr: true, iq);
        }
        else
        {
            uplane.WriteSectionHeader(1, false, false, 0, exponents.Length, compression);
            uplane.WriteCodes(iq, compression, exponents);
        }

        frame.WriteBytes(uplane.Written);
        frame.EndEcpri(ecpri);
        return buffer.AsSpan(0, frame.Finish()).ToArray();
    }
}
