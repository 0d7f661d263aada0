using System.Buffers.Binary;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ip;

namespace OranTestbed.Fronthaul.Writing;

/// <summary>
/// Builds frames front to back into a caller-owned buffer: Ethernet and VLAN tags, IPv4/IPv6 + UDP headers whose
/// lengths and checksums are patched at the end, eCPRI headers whose payload size is patched when the message ends, and
/// raw fields. Message bodies: <see cref="EcpriMessageWriter"/>, <see cref="PtpMessageWriter"/>. Used by tests, benchmarks and the emulators; allocates nothing.
/// </summary>
public ref struct FrameWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public FrameWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly Span<byte> Written => _buffer[.._position];

    public void WriteEthernetHeader(scoped ReadOnlySpan<byte> destination, scoped ReadOnlySpan<byte> source,
        scoped ReadOnlySpan<VlanTag> vlans, ushort etherType)
    {
        if (destination.Length != EthernetFields.MacLength || source.Length != EthernetFields.MacLength)
        {
            throw new ArgumentException("MAC addresses are 6 bytes");
        }

        WriteBytes(destination);
        WriteBytes(source);
        foreach (var tag in vlans)
        {
            WriteUInt16(tag.Tpid);
            WriteUInt16(tag.Tci);
        }

        WriteUInt16(etherType);
    }

    /// <summary>
    /// Starts an IPv4 header (RFC 791, no options, DF set) and a UDP header; write the UDP payload next, then call
    /// <see cref="EndIpv4Udp"/> with the returned position. The Ethernet header (type 0x0800) must precede.
    /// </summary>
    public int BeginIpv4Udp(scoped ReadOnlySpan<byte> source, scoped ReadOnlySpan<byte> destination, ushort sourcePort,
        ushort destinationPort, byte timeToLive = 64, ushort identification = 0, byte typeOfService = 0)
    {
        if (source.Length != Ipv4Fields.AddressLength || destination.Length != Ipv4Fields.AddressLength)
        {
            throw new ArgumentException("IPv4 addresses are 4 bytes");
        }

        int start = _position;
        WriteByte((Ipv4Fields.Version << 4) | (Ipv4Fields.MinimumHeaderLength / 4)); // IHL 5
        WriteByte(typeOfService);
        WriteUInt16(0); // total length, patched by EndIpv4Udp
        WriteUInt16(identification);
        WriteUInt16(Ipv4Fields.DontFragmentMask);
        WriteByte(timeToLive);
        WriteByte(Ipv4Fields.ProtocolUdp);
        WriteUInt16(0); // header checksum, patched by EndIpv4Udp
        WriteBytes(source);
        WriteBytes(destination);
        WriteUdpHeader(sourcePort, destinationPort);
        return start;
    }

    /// <summary>
    /// Ends the IPv4/UDP datagram begun at <paramref name="ipStart"/>: patches total length, UDP length, the header
    /// checksum and (unless <paramref name="udpChecksum"/> is false, which IPv4 allows: field 0) the UDP checksum.
    /// </summary>
    public readonly void EndIpv4Udp(int ipStart, bool udpChecksum = true)
    {
        int totalLength = _position - ipStart;
        var ip = _buffer.Slice(ipStart, totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[Ipv4Fields.TotalLengthOffset..], checked((ushort)totalLength));
        var header = ip[..Ipv4Fields.MinimumHeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(header[Ipv4Fields.ChecksumOffset..], InternetChecksum.Compute(header));
        var udp = ip[Ipv4Fields.MinimumHeaderLength..];
        FinishUdp(udp, header.Slice(Ipv4Fields.SourceOffset, Ipv4Fields.AddressLength),
            header.Slice(Ipv4Fields.DestinationOffset, Ipv4Fields.AddressLength), udpChecksum);
    }

    /// <summary>
    /// Starts an IPv6 header (RFC 8200, next header UDP, no extension headers) and a UDP header; write the UDP payload,
    /// then call <see cref="EndIpv6Udp"/>. The Ethernet header (type 0x86DD) must precede.
    /// </summary>
    public int BeginIpv6Udp(scoped ReadOnlySpan<byte> source, scoped ReadOnlySpan<byte> destination, ushort sourcePort,
        ushort destinationPort, byte hopLimit = 64, byte trafficClass = 0, uint flowLabel = 0)
    {
        if (source.Length != Ipv6Fields.AddressLength || destination.Length != Ipv6Fields.AddressLength)
        {
            throw new ArgumentException("IPv6 addresses are 16 bytes");
        }

        int start = _position;
        WriteUInt32(((uint)Ipv6Fields.Version << 28) | ((uint)trafficClass << 20) | (flowLabel & 0xFFFFF));
        WriteUInt16(0); // payload length, patched by EndIpv6Udp
        WriteByte(Ipv6Fields.Udp);
        WriteByte(hopLimit);
        WriteBytes(source);
        WriteBytes(destination);
        WriteUdpHeader(sourcePort, destinationPort);
        return start;
    }

    /// <summary>Ends the IPv6/UDP packet begun at <paramref name="ipStart"/>: payload length, UDP length, UDP checksum (mandatory over IPv6).</summary>
    public readonly void EndIpv6Udp(int ipStart)
    {
        var ip = _buffer[ipStart.._position];
        BinaryPrimitives.WriteUInt16BigEndian(ip[Ipv6Fields.PayloadLengthOffset..],
            checked((ushort)(ip.Length - Ipv6Fields.HeaderLength)));
        FinishUdp(ip[Ipv6Fields.HeaderLength..], ip.Slice(Ipv6Fields.SourceOffset, Ipv6Fields.AddressLength),
            ip.Slice(Ipv6Fields.DestinationOffset, Ipv6Fields.AddressLength), computeChecksum: true);
    }

    private void WriteUdpHeader(ushort sourcePort, ushort destinationPort)
    {
        WriteUInt16(sourcePort);
        WriteUInt16(destinationPort);
        WriteUInt16(0); // length
        WriteUInt16(0); // checksum
    }

    private static void FinishUdp(Span<byte> udp, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination,
        bool computeChecksum)
    {
        BinaryPrimitives.WriteUInt16BigEndian(udp[UdpFields.LengthOffset..], checked((ushort)udp.Length));
        BinaryPrimitives.WriteUInt16BigEndian(udp[UdpFields.ChecksumOffset..], 0);
        if (computeChecksum)
        {
            ushort sum = InternetChecksum.Compute(udp, InternetChecksum.PseudoHeaderSum(source, destination, udp.Length));
            // RFC 768: a computed zero is sent as all ones (zero means "no checksum").
            BinaryPrimitives.WriteUInt16BigEndian(udp[UdpFields.ChecksumOffset..], sum == 0 ? (ushort)0xFFFF : sum);
        }
    }

    /// <summary>Starts an eCPRI message; returns the header position to give to <see cref="EndEcpri"/>.</summary>
    public int BeginEcpri(byte messageType, bool concatenation = false, int revision = EcpriFields.Revision)
    {
        int start = _position;
        WriteByte((byte)((revision << 4) | (concatenation ? EcpriFields.ConcatenationMask : 0)));
        WriteByte(messageType);
        WriteUInt16(0);
        return start;
    }

    /// <summary>Ends the eCPRI message begun at <paramref name="headerPosition"/>: patches its payload size.</summary>
    public readonly void EndEcpri(int headerPosition)
    {
        int payloadSize = _position - headerPosition - EcpriFields.HeaderLength;
        BinaryPrimitives.WriteUInt16BigEndian(
            _buffer.Slice(headerPosition + EcpriFields.PayloadSizeOffset, 2), checked((ushort)payloadSize));
    }

    /// <summary>Zero-pads so the next concatenated eCPRI message starts on a 4-byte boundary from <paramref name="pduStart"/>.</summary>
    public void AlignEcpri(int pduStart)
    {
        while ((_position - pduStart) % EcpriFields.ConcatenationAlignment != 0)
        {
            WriteByte(0);
        }
    }

    /// <summary>eAxC id and ecpriSeqid: the first four payload bytes of message types 0 and 2.</summary>
    public void WriteOranTransportHeader(EaxcId eaxc, byte sequenceId, bool eBit = true, byte subsequenceId = 0)
    {
        WriteUInt16(eaxc.Value);
        WriteByte(sequenceId);
        WriteByte((byte)((eBit ? EcpriFields.EBitMask : 0) | (subsequenceId & EcpriFields.SubsequenceMask)));
    }

    public void WriteByte(byte value)
    {
        _buffer[_position] = value;
        _position++;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_position, 2), value);
        _position += 2;
    }

    public void WriteUInt24(uint value)
    {
        _buffer[_position] = (byte)(value >> 16);
        _buffer[_position + 1] = (byte)(value >> 8);
        _buffer[_position + 2] = (byte)value;
        _position += 3;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(_position, 4), value);
        _position += 4;
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.Slice(_position, 8), value);
        _position += 8;
    }

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Hands out the next <paramref name="length"/> bytes, zeroed, for a nested writer (bit-packed IQ, extensions).</summary>
    public Span<byte> Reserve(int length)
    {
        var span = _buffer.Slice(_position, length);
        span.Clear();
        _position += length;
        return span;
    }

    /// <summary>Zero-pads to the Ethernet minimum (60 bytes without FCS) and returns the frame length.</summary>
    public int Finish()
    {
        while (_position < EthernetFields.MinimumFrameLength)
        {
            WriteByte(0);
        }

        return _position;
    }
}
