using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// An IPv4 header view (RFC 791). The datagram ends at total length: bytes after it (Ethernet padding) are not part of
/// <see cref="Payload"/>. Fragments are reported (<see cref="MoreFragments"/>, <see cref="FragmentOffset"/>), not
/// reassembled. The header checksum is exposed, not enforced: captures taken on the sender see offloaded checksums.
/// </summary>
public readonly ref struct Ipv4Reader
{
    private readonly ReadOnlySpan<byte> _datagram;

    private Ipv4Reader(ReadOnlySpan<byte> datagram, int headerLength)
    {
        _datagram = datagram;
        HeaderLength = headerLength;
    }

    /// <summary>Header length in bytes (IHL × 4, 20..60).</summary>
    public int HeaderLength { get; }

    public byte TypeOfService => _datagram[Ipv4Fields.TypeOfServiceOffset];

    /// <summary>Header + data, as declared (equals the span this reader covers).</summary>
    public int TotalLength => _datagram.Length;

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(_datagram[Ipv4Fields.IdentificationOffset..]);

    public bool DontFragment => (FlagsAndOffset & Ipv4Fields.DontFragmentMask) != 0;

    public bool MoreFragments => (FlagsAndOffset & Ipv4Fields.MoreFragmentsMask) != 0;

    /// <summary>Fragment offset in 8-byte units; non-zero for every fragment but the first.</summary>
    public int FragmentOffset => FlagsAndOffset & Ipv4Fields.FragmentOffsetMask;

    /// <summary>True for any fragment (first or later): the payload is not a whole upper-layer packet.</summary>
    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    public byte TimeToLive => _datagram[Ipv4Fields.TtlOffset];

    public byte Protocol => _datagram[Ipv4Fields.ProtocolOffset];

    public ushort HeaderChecksum => BinaryPrimitives.ReadUInt16BigEndian(_datagram[Ipv4Fields.ChecksumOffset..]);

    public ReadOnlySpan<byte> Source => _datagram.Slice(Ipv4Fields.SourceOffset, Ipv4Fields.AddressLength);

    public ReadOnlySpan<byte> Destination => _datagram.Slice(Ipv4Fields.DestinationOffset, Ipv4Fields.AddressLength);

    /// <summary>Upper-layer data: from the end of the header to total length.</summary>
    public ReadOnlySpan<byte> Payload => _datagram[HeaderLength..];

    /// <summary>The datagram (header and data, without Ethernet padding).</summary>
    public ReadOnlySpan<byte> Datagram => _datagram;

    /// <summary>True when the one's-complement sum over the header is 0xFFFF (RFC 1071).</summary>
    public bool HeaderChecksumValid => InternetChecksum.Sum(_datagram[..HeaderLength], 0) == 0xFFFF;

    private ushort FlagsAndOffset => BinaryPrimitives.ReadUInt16BigEndian(_datagram[Ipv4Fields.FlagsAndFragmentOffset..]);

    /// <summary>
    /// Reads the IPv4 header at the start of <paramref name="packet"/> (which may run on into Ethernet padding).
    /// <paramref name="baseOffset"/> is the packet's offset in the frame, added to error offsets.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, int baseOffset, out Ipv4Reader ip, out DecodeError error)
    {
        ip = default;
        if (packet.Length < Ipv4Fields.MinimumHeaderLength)
        {
            error = DecodeError.Truncated("ip.header", baseOffset + packet.Length);
            return false;
        }

        int version = packet[Ipv4Fields.VersionAndIhlOffset] >> 4;
        if (version != Ipv4Fields.Version)
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ip.version", baseOffset, "IPv4 header version is not 4");
            return false;
        }

        int headerLength = (packet[Ipv4Fields.VersionAndIhlOffset] & 0x0F) * 4;
        if (headerLength < Ipv4Fields.MinimumHeaderLength)
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ip.ihl", baseOffset, "IHL below 5 words");
            return false;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[Ipv4Fields.TotalLengthOffset..]);
        if (totalLength < headerLength)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ip.totalLength",
                baseOffset + Ipv4Fields.TotalLengthOffset, "total length is shorter than the header");
            return false;
        }

        if (packet.Length < headerLength)
        {
            error = DecodeError.Truncated("ip.options", baseOffset + packet.Length);
            return false;
        }

        if (totalLength > packet.Length)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ip.totalLength",
                baseOffset + Ipv4Fields.TotalLengthOffset, "total length exceeds the bytes in the frame");
            return false;
        }

        if ((BinaryPrimitives.ReadUInt16BigEndian(packet[Ipv4Fields.FlagsAndFragmentOffset..])
             & Ipv4Fields.ReservedFlagMask) != 0)
        {
            error = new DecodeError(DecodeErrorCode.ReservedValueSet, "ip.flags.reserved",
                baseOffset + Ipv4Fields.FlagsAndFragmentOffset, "reserved flag bit is set");
            return false;
        }

        ip = new Ipv4Reader(packet[..totalLength], headerLength);
        error = DecodeError.None;
        return true;
    }
}
