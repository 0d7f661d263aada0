using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Emulation.Frames;

/// <summary>
/// The transport a node writes its eCPRI messages in: Ethernet from its MAC to the peer's, the profile's VLAN when it
/// gives one, and IPv4/UDP when the profile runs eCPRI over UDP (UDP checksum 0, which IPv4 allows: frames are patched
/// in place, and a zero checksum stays valid).
/// </summary>
internal sealed class FrameAddress
{
    private readonly byte[] _source;
    private readonly byte[] _destination;
    private readonly VlanTag[] _vlans;
    private readonly byte[] _sourceIp;
    private readonly byte[] _destinationIp;
    private readonly ushort? _udpPort;

    public FrameAddress(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ushort? vlanId, byte priority,
        ushort? udpPort, ReadOnlySpan<byte> sourceIp, ReadOnlySpan<byte> destinationIp)
    {
        _source = source.ToArray();
        _destination = destination.ToArray();
        _vlans = vlanId is { } id ? [VlanTag.Customer(id, priority)] : [];
        _udpPort = udpPort;
        _sourceIp = sourceIp.ToArray();
        _destinationIp = destinationIp.ToArray();
        EcpriOffset = EthernetFields.HeaderLength + (_vlans.Length * EthernetFields.VlanTagLength)
            + (udpPort is null ? 0 : Ipv4Fields.MinimumHeaderLength + UdpFields.HeaderLength);
    }

    /// <summary>Frame offset of the eCPRI common header.</summary>
    public int EcpriOffset { get; }

    /// <summary>Bytes the transport takes out of the MTU (the IPv4 and UDP headers, if any).</summary>
    public int MtuOverhead => _udpPort is null ? 0 : Ipv4Fields.MinimumHeaderLength + UdpFields.HeaderLength;

    public ReadOnlySpan<byte> Source => _source;

    /// <summary>Writes Ethernet (+ VLAN) and, over UDP, the IPv4/UDP headers; returns the IP start for <see cref="End"/>.</summary>
    public int Begin(ref FrameWriter frame)
    {
        frame.WriteEthernetHeader(_destination, _source, _vlans,
            _udpPort is null ? EthernetFields.TypeEcpri : EthernetFields.TypeIpv4);
        return _udpPort is { } port ? frame.BeginIpv4Udp(_sourceIp, _destinationIp, port, port) : -1;
    }

    /// <summary>Closes the IPv4/UDP datagram begun by <see cref="Begin"/> and pads the frame; returns its length.</summary>
    public static int End(ref FrameWriter frame, int ipStart)
    {
        if (ipStart >= 0)
        {
            frame.EndIpv4Udp(ipStart, udpChecksum: false);
        }

        return frame.Finish();
    }
}
