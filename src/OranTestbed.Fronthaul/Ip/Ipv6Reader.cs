using System.Buffers.Binary;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// An IPv6 header view (RFC 8200 §3) that walks hop-by-hop, routing and destination-options extension headers and
/// the fragment header (§4.3-4.6) to the upper-layer protocol. Other next-header values (AH, ESP, mobility, ...) stop
/// the walk and are reported as <see cref="UpperLayerProtocol"/>. The packet ends at 40 + payload length: later bytes
/// are padding. Jumbograms (payload length 0 with a Jumbo option) are not supported.
/// </summary>
public readonly ref struct Ipv6Reader
{
    private readonly ReadOnlySpan<byte> _packet;

    private Ipv6Reader(ReadOnlySpan<byte> packet, int upperLayerOffset, byte upperLayerProtocol, int extensionCount,
        int fragmentField, bool hasFragmentHeader)
    {
        _packet = packet;
        UpperLayerOffset = upperLayerOffset;
        UpperLayerProtocol = upperLayerProtocol;
        ExtensionHeaderCount = extensionCount;
        _fragmentField = fragmentField;
        HasFragmentHeader = hasFragmentHeader;
    }

    private readonly int _fragmentField;

    public byte TrafficClass =>
        (byte)(BinaryPrimitives.ReadUInt32BigEndian(_packet) >> 20);

    public uint FlowLabel => BinaryPrimitives.ReadUInt32BigEndian(_packet) & 0xFFFFF;

    /// <summary>Bytes after the fixed 40-byte header (extension headers included).</summary>
    public int PayloadLength => _packet.Length - Ipv6Fields.HeaderLength;

    /// <summary>The next header of the fixed header.</summary>
    public byte NextHeader => _packet[Ipv6Fields.NextHeaderOffset];

    public byte HopLimit => _packet[Ipv6Fields.HopLimitOffset];

    public ReadOnlySpan<byte> Source => _packet.Slice(Ipv6Fields.SourceOffset, Ipv6Fields.AddressLength);

    public ReadOnlySpan<byte> Destination => _packet.Slice(Ipv6Fields.DestinationOffset, Ipv6Fields.AddressLength);

    /// <summary>Number of extension headers skipped (hop-by-hop, routing, fragment, destination options).</summary>
    public int ExtensionHeaderCount { get; }

    /// <summary>The protocol after the extension headers (17 = UDP).</summary>
    public byte UpperLayerProtocol { get; }

    /// <summary>Offset of the upper-layer header from the IPv6 header start.</summary>
    public int UpperLayerOffset { get; }

    /// <summary>Upper-layer data: after the extension headers, up to the declared payload length.</summary>
    public ReadOnlySpan<byte> Payload => _packet[UpperLayerOffset..];

    /// <summary>The packet (fixed header, extensions and payload, without Ethernet padding).</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    public bool HasFragmentHeader { get; }

    /// <summary>Fragment offset in 8-byte units (0 without a fragment header).</summary>
    public int FragmentOffset => (_fragmentField & Ipv6Fields.FragmentOffsetMask) >> 3;

    public bool MoreFragments => (_fragmentField & Ipv6Fields.MoreFragmentsMask) != 0;

    /// <summary>True when the payload is a fragment (an atomic fragment, offset 0 and M=0, is not).</summary>
    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    /// <summary>
    /// Reads the IPv6 header at the start of <paramref name="packet"/>; <paramref name="baseOffset"/> is its offset in the
    /// frame, added to error offsets.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, int baseOffset, out Ipv6Reader ip, out DecodeError error)
    {
        ip = default;
        if (packet.Length < Ipv6Fields.HeaderLength)
        {
            error = DecodeError.Truncated("ipv6.header", baseOffset + packet.Length);
            return false;
        }

        if (packet[0] >> 4 != Ipv6Fields.Version)
        {
            error = new DecodeError(DecodeErrorCode.InvalidValue, "ipv6.version", baseOffset, "IPv6 header version is not 6");
            return false;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[Ipv6Fields.PayloadLengthOffset..]);
        if (Ipv6Fields.HeaderLength + payloadLength > packet.Length)
        {
            error = new DecodeError(DecodeErrorCode.LengthMismatch, "ipv6.payloadLength",
                baseOffset + Ipv6Fields.PayloadLengthOffset, "payload length exceeds the bytes in the frame");
            return false;
        }

        var bounded = packet[..(Ipv6Fields.HeaderLength + payloadLength)];
        byte next = bounded[Ipv6Fields.NextHeaderOffset];
        int offset = Ipv6Fields.HeaderLength;
        int count = 0;
        int fragmentField = 0;
        bool hasFragment = false;
        while (next is Ipv6Fields.HopByHop or Ipv6Fields.Routing or Ipv6Fields.DestinationOptions or Ipv6Fields.Fragment)
        {
            if (bounded.Length < offset + 2)
            {
                error = new DecodeError(DecodeErrorCode.LengthMismatch, "ipv6.extensionHeader", baseOffset + offset,
                    "extension header runs past the payload length");
                return false;
            }

            int length = next == Ipv6Fields.Fragment
                ? Ipv6Fields.FragmentHeaderLength
                : (bounded[offset + Ipv6Fields.ExtensionLengthOffset] + 1) * Ipv6Fields.ExtensionUnit;
            if (bounded.Length < offset + length)
            {
                error = new DecodeError(DecodeErrorCode.LengthMismatch, "ipv6.extensionHeader", baseOffset + offset,
                    "extension header runs past the payload length");
                return false;
            }

            if (next == Ipv6Fields.Fragment)
            {
                hasFragment = true;
                fragmentField = BinaryPrimitives.ReadUInt16BigEndian(bounded[(offset + Ipv6Fields.FragmentOffsetFieldOffset)..]);
            }

            next = bounded[offset];
            offset += length;
            count++;
        }

        ip = new Ipv6Reader(bounded, offset, next, count, fragmentField, hasFragment);
        error = DecodeError.None;
        return true;
    }
}
