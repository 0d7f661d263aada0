using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;

namespace OranTestbed.Fronthaul.Transport;

/// <summary>
/// Classifies a captured Ethernet frame as eCPRI, PTP or other, over bare Ethernet (any number of VLAN tags) or
/// UDP over IPv4/IPv6, and locates the PDU. eCPRI over UDP has no standard port (O-RAN M-plane configures it), so it is
/// recognised only on <see cref="FronthaulDecodeOptions.EcpriUdpPort"/> (source or destination).
/// </summary>
public static class FronthaulTransportReader
{
    /// <summary>
    /// Reads the L2/L3/L4 headers of <paramref name="frame"/>. Returns false only for a malformed frame
    /// (<see cref="FronthaulTransport.Error"/> names the field and its offset); non-fronthaul traffic returns true with
    /// kind <see cref="FronthaulTransportKind.Other"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, FronthaulDecodeOptions options, out FronthaulTransport transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!EthernetReader.TryRead(frame, out var eth, out var error))
        {
            transport = Failed(default, error);
            return false;
        }

        int l3 = eth.PayloadOffset;
        switch (eth.EtherType)
        {
            case EthernetFields.TypeEcpri:
                transport = Found(FronthaulTransportKind.Ecpri, eth, 0, -1, -1, 0, 0, eth.Payload, l3);
                return true;
            case EthernetFields.TypePtp:
                transport = Found(FronthaulTransportKind.Ptp, eth, 0, -1, -1, 0, 0, eth.Payload, l3);
                return true;
            case EthernetFields.TypeIpv4:
                return TryReadIpv4(eth, options, out transport);
            case EthernetFields.TypeIpv6:
                return TryReadIpv6(eth, options, out transport);
            default:
                transport = Found(FronthaulTransportKind.Other, eth, 0, -1, -1, 0, 0, eth.Payload, l3);
                return true;
        }
    }

    private static bool TryReadIpv4(EthernetReader eth, FronthaulDecodeOptions options, out FronthaulTransport transport)
    {
        int l3 = eth.PayloadOffset;
        if (!Ipv4Reader.TryRead(eth.Payload, l3, out var ip, out var error))
        {
            transport = Failed(eth, error);
            return false;
        }

        return TryReadAfterIp(eth, 4, l3, l3 + ip.HeaderLength, ip.IsFragment,
            ip.Protocol == Ipv4Fields.ProtocolUdp, ip.Payload, options, out transport);
    }

    private static bool TryReadIpv6(EthernetReader eth, FronthaulDecodeOptions options, out FronthaulTransport transport)
    {
        int l3 = eth.PayloadOffset;
        if (!Ipv6Reader.TryRead(eth.Payload, l3, out var ip, out var error))
        {
            transport = Failed(eth, error);
            return false;
        }

        return TryReadAfterIp(eth, 6, l3, l3 + ip.UpperLayerOffset, ip.IsFragment,
            ip.UpperLayerProtocol == Ipv6Fields.Udp, ip.Payload, options, out transport);
    }

    /// <summary>Fragments are reported, not reassembled; only UDP can carry eCPRI or PTP here.</summary>
    private static bool TryReadAfterIp(EthernetReader eth, int ipVersion, int l3, int l4, bool isFragment, bool isUdp,
        ReadOnlySpan<byte> ipPayload, FronthaulDecodeOptions options, out FronthaulTransport transport)
    {
        if (isFragment || !isUdp)
        {
            var kind = isFragment ? FronthaulTransportKind.IpFragment : FronthaulTransportKind.Other;
            transport = Found(kind, eth, ipVersion, l3, -1, 0, 0, ipPayload, l4);
            return true;
        }

        return TryReadUdp(eth, ipVersion, l3, ipPayload, l4, options, out transport);
    }

    private static bool TryReadUdp(EthernetReader eth, int ipVersion, int l3, ReadOnlySpan<byte> ipPayload, int l4,
        FronthaulDecodeOptions options, out FronthaulTransport transport)
    {
        if (!UdpReader.TryRead(ipPayload, l4, out var udp, out var error))
        {
            transport = Failed(eth, error);
            return false;
        }

        ushort src = udp.SourcePort;
        ushort dst = udp.DestinationPort;
        var kind = FronthaulTransportKind.Other;
        if (options.EcpriUdpPort is ushort port && (src == port || dst == port))
        {
            kind = FronthaulTransportKind.Ecpri;
        }
        else if (IsPtpPort(src) || IsPtpPort(dst))
        {
            kind = FronthaulTransportKind.Ptp;
        }

        transport = Found(kind, eth, ipVersion, l3, l4, src, dst, udp.Payload, l4 + UdpFields.HeaderLength);
        return true;
    }

    private static bool IsPtpPort(ushort port) => port is UdpFields.PtpEventPort or UdpFields.PtpGeneralPort;

    private static FronthaulTransport Found(FronthaulTransportKind kind, EthernetReader eth, int ipVersion, int ipOffset,
        int udpOffset, ushort src, ushort dst, ReadOnlySpan<byte> payload, int payloadOffset) =>
        new(kind, eth, ipVersion, ipOffset, udpOffset, src, dst, payload, payloadOffset, DecodeError.None);

    private static FronthaulTransport Failed(EthernetReader eth, DecodeError error) =>
        new(FronthaulTransportKind.Other, eth, 0, -1, -1, 0, 0, default, 0, error);
}
