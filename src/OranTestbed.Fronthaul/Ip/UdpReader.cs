using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// A UDP header view (RFC 768). The datagram ends at the UDP length, which must be at least 8 and must fit in the IP
/// payload; surplus IP payload after it is ignored. The checksum is exposed, not verified.
/// </summary>
public readonly ref struct UdpReader
{
    private readonly ReadOnlySpan<byte> _datagram;

    private UdpReader(ReadOnlySpan<byte> datagram) => _datagram = datagram;

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_datagram);

    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_datagram[UdpFields.DestinationPortOffset..]);

    /// <summary>Header + data as declared (equals the span this reader covers).</summary>
    public int Length => _datagram.Length;

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_datagram[UdpFields.ChecksumOffset..]);

    /// <summary>Data after the 8-byte header, up to the UDP length.</summary>
    public ReadOnlySpan<byte> Payload => _datagram[UdpFields.HeaderLength..];

    public ReadOnlySpan<byte> Datagram => _datagram;

    /// <summary>
    /// Reads the UDP header at the start of <paramref name="ipPayload"/> (the IP layer's payload);
    /// <paramref name="baseOffset"/> is its offset in the frame.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> ipPayload, int baseOffset, out UdpReader udp, out DecodeError error)
    {
        udp = default;
        if (ipPayload.Length < UdpFields.HeaderLength)
        {
            error = DecodeError.Truncated("udp.header", baseOffset + ipPayload.Length);
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(ipPayload[UdpFields.LengthOffset..]);
        if (length < UdpFields.HeaderLength)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "udp.length", baseOffset + UdpFields.LengthOffset,
                "UDP length is shorter than the header");
            return false;
        }

        if (length > ipPayload.Length)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "udp.length", baseOffset + UdpFields.LengthOffset,
                "UDP length exceeds the IP payload");
            return false;
        }

        udp = new UdpReader(ipPayload[..length]);
        error = DecodeError.None;
        return true;
    }
}
