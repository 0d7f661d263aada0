using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;

namespace OranTestbed.Fronthaul.Transport;

/// <summary>
/// The result of <see cref="FronthaulTransportReader.TryRead"/>: what the frame carries, how it got there (VLAN tags,
/// IP version, UDP ports) and where the eCPRI PDU or PTP message starts. A view over the frame; nothing is copied.
/// </summary>
public readonly ref struct FronthaulTransport
{
    internal FronthaulTransport(FronthaulTransportKind kind, EthernetReader ethernet, int ipVersion, int ipOffset,
        int udpOffset, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload, int payloadOffset,
        DecodeError error)
    {
        Kind = kind;
        Ethernet = ethernet;
        IpVersion = ipVersion;
        IpOffset = ipOffset;
        UdpOffset = udpOffset;
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        Payload = payload;
        PayloadOffset = payloadOffset;
        Error = error;
    }

    public FronthaulTransportKind Kind { get; }

    /// <summary>The Ethernet header: MACs, VLAN tags (<see cref="EthernetReader.TryGetVlanTag"/>), innermost EtherType.</summary>
    public EthernetReader Ethernet { get; }

    /// <summary>Number of VLAN tags.</summary>
    public int VlanTagCount => Ethernet.TagCount;

    /// <summary>The innermost (last) VLAN tag, or default when untagged.</summary>
    public VlanTag InnerVlan => Ethernet.TryGetVlanTag(Ethernet.TagCount - 1, out var tag) ? tag : default;

    /// <summary>The innermost EtherType.</summary>
    public ushort EtherType => Ethernet.EtherType;

    /// <summary>0 when carried directly over Ethernet, else 4 or 6.</summary>
    public int IpVersion { get; }

    /// <summary>True when the payload came in a UDP datagram.</summary>
    public bool IsUdp => UdpOffset >= 0;

    /// <summary>Offset of the IP header in the frame, -1 without IP.</summary>
    public int IpOffset { get; }

    /// <summary>Offset of the UDP header in the frame, -1 without UDP.</summary>
    public int UdpOffset { get; }

    /// <summary>UDP source port (0 without UDP).</summary>
    public ushort SourcePort { get; }

    /// <summary>UDP destination port (0 without UDP).</summary>
    public ushort DestinationPort { get; }

    /// <summary>
    /// The eCPRI PDU or PTP message (for <see cref="FronthaulTransportKind.Other"/>: the innermost payload).
    /// Over Ethernet it runs to the frame end, padding included; over UDP it ends at the UDP length.
    /// </summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Offset of <see cref="Payload"/> from the frame start: pass it to the eCPRI/PTP readers as base offset.</summary>
    public int PayloadOffset { get; }

    /// <summary>Why the frame could not be classified (<see cref="DecodeError.IsError"/> false when it was).</summary>
    public DecodeError Error { get; }
}
