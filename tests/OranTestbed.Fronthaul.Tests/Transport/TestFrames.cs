using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Fronthaul.Tests.Transport;

public enum Encapsulation
{
    Ethernet,
    Ipv4,
    Ipv6,
}

/// <summary>Writes a message body (eCPRI PDU, PTP message) into the frame being built.</summary>
public delegate void BodyWriter(ref FrameWriter writer);

/// <summary>Builds test frames with our writers: Ethernet (any tags), optionally IPv4/IPv6 + UDP, then a body.</summary>
public static class TestFrames
{
    public static readonly byte[] Destination = [0x00, 0xaa, 0xbb, 0xcc, 0xdd, 0x01];
    public static readonly byte[] Source = [0x00, 0x11, 0x22, 0x33, 0x44, 0x66];
    public static readonly byte[] Ipv4Source = [192, 168, 10, 1];
    public static readonly byte[] Ipv4Destination = [192, 168, 10, 2];
    public static readonly byte[] Ipv6Source = [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10];
    public static readonly byte[] Ipv6Destination = [0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20];

    public static byte[] Build(BodyWriter body, ushort etherType, VlanTag[]? tags = null,
        Encapsulation encapsulation = Encapsulation.Ethernet, ushort sourcePort = 0, ushort destinationPort = 0,
        bool ipv4UdpChecksum = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new byte[9216];
        var w = new FrameWriter(buffer);
        ushort type = encapsulation switch
        {
            Encapsulation.Ipv4 => 0x0800,
            Encapsulation.Ipv6 => 0x86DD,
            _ => etherType,
        };
        w.WriteEthernetHeader(Destination, Source, tags ?? [], type);
        int ip = encapsulation switch
        {
            Encapsulation.Ipv4 => w.BeginIpv4Udp(Ipv4Source, Ipv4Destination, sourcePort, destinationPort, identification: 0x1234),
            Encapsulation.Ipv6 => w.BeginIpv6Udp(Ipv6Source, Ipv6Destination, sourcePort, destinationPort, flowLabel: 0x12345),
            _ => -1,
        };
        body(ref w);
        if (encapsulation == Encapsulation.Ipv4)
        {
            w.EndIpv4Udp(ip, ipv4UdpChecksum);
        }
        else if (encapsulation == Encapsulation.Ipv6)
        {
            w.EndIpv6Udp(ip);
        }

        int length = w.Finish();
        return buffer[..length];
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
