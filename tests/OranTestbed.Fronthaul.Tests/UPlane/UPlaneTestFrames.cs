using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.TestSupport;

namespace OranTestbed.Fronthaul.Tests.UPlane;

/// <summary>Builds Ethernet + VLAN + eCPRI type 0 frames around a U-plane body, and reads frames of a pcap.</summary>
public static class UPlaneTestFrames
{
    /// <summary>Frame offset of the U-plane common header: Ethernet 14 + VLAN 4 + eCPRI 4 + transport 4.</summary>
    public const int BodyOffset = 26;

    private static readonly byte[] Destination = [0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0x01];
    private static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    private static readonly VlanTag[] Vlans = [VlanTag.Customer(2, 7)];

    public static byte[] Frame(ReadOnlySpan<byte> body, byte sequenceId = 0, ushort eaxc = 1)
    {
        var buffer = new byte[BodyOffset + body.Length + 64];
        var frame = new FrameWriter(buffer);
        frame.WriteEthernetHeader(Destination, Source, Vlans, EthernetFields.TypeEcpri);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeIqData);
        frame.WriteOranTransportHeader(new EaxcId(eaxc), sequenceId);
        frame.WriteBytes(body);
        frame.EndEcpri(ecpri);
        int length = frame.Finish();
        return buffer[..length];
    }

    /// <summary>Writes frames one microsecond apart and returns the pcap path.</summary>
    public static string WritePcap(IEnumerable<byte[]> frames)
    {
        long t = 1_700_000_000_000_000_000;
        return PcapFile.Write(frames.Select((f, i) => new TimedFrame(t + (i * 1000L), f)));
    }
}
