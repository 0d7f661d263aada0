using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Fronthaul.Ethernet;

/// <summary>
/// An Ethernet II header with any number of 802.1Q / 802.1ad tags (IEEE 802.3 §3.1.1, IEEE 802.1Q §9.6): the tags are
/// walked until a non-tag EtherType. A view over the frame: MAC addresses and tags are read on demand, nothing is copied.
/// </summary>
public readonly ref struct EthernetReader
{
    private readonly ReadOnlySpan<byte> _frame;

    private EthernetReader(ReadOnlySpan<byte> frame, int tagCount, ushort etherType)
    {
        _frame = frame;
        TagCount = tagCount;
        EtherType = etherType;
    }

    /// <summary>Destination MAC (6 bytes).</summary>
    public ReadOnlySpan<byte> Destination => _frame.Slice(EthernetFields.DestinationOffset, EthernetFields.MacLength);

    /// <summary>Source MAC (6 bytes).</summary>
    public ReadOnlySpan<byte> Source => _frame.Slice(EthernetFields.SourceOffset, EthernetFields.MacLength);

    /// <summary>Number of VLAN tags (0 untagged, 1 802.1Q, 2 Q-in-Q, ...).</summary>
    public int TagCount { get; }

    /// <summary>The innermost EtherType (the one after the last tag).</summary>
    public ushort EtherType { get; }

    /// <summary>Offset of the payload from the frame start: 14 + 4 per tag.</summary>
    public int PayloadOffset => EthernetFields.HeaderLength + (TagCount * EthernetFields.VlanTagLength);

    /// <summary>Everything after the innermost EtherType, including any Ethernet padding.</summary>
    public ReadOnlySpan<byte> Payload => _frame[PayloadOffset..];

    /// <summary>The whole frame this header was read from.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>
    /// Reads the Ethernet header of <paramref name="frame"/>. Returns false with a Truncated error when the frame
    /// ends inside the MAC addresses, a tag or the EtherType.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out EthernetReader ethernet, out DecodeError error)
    {
        ethernet = default;
        if (frame.Length < EthernetFields.HeaderLength)
        {
            error = DecodeError.Truncated(
                frame.Length < EthernetFields.TypeOffset ? "eth.addresses" : "eth.type",
                frame.Length < EthernetFields.TypeOffset ? 0 : EthernetFields.TypeOffset);
            return false;
        }

        int typeOffset = EthernetFields.TypeOffset;
        int tags = 0;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(typeOffset, 2));
        while (EthernetFields.IsVlanTpid(type))
        {
            // A tag is TPID (already read) + TCI, then the next type: need 4 more bytes after the TPID.
            if (frame.Length < typeOffset + EthernetFields.VlanTagLength + 2)
            {
                bool inTci = frame.Length < typeOffset + EthernetFields.VlanTagLength;
                error = DecodeError.Truncated(inTci ? "vlan.tci" : "vlan.etype",
                    inTci ? typeOffset + 2 : typeOffset + EthernetFields.VlanTagLength);
                return false;
            }

            tags++;
            typeOffset += EthernetFields.VlanTagLength;
            type = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(typeOffset, 2));
        }

        ethernet = new EthernetReader(frame, tags, type);
        error = DecodeError.None;
        return true;
    }

    /// <summary>The tag at <paramref name="index"/> (0 = outermost). False when there is no such tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetVlanTag(int index, out VlanTag tag)
    {
        if ((uint)index >= (uint)TagCount)
        {
            tag = default;
            return false;
        }

        int at = EthernetFields.TypeOffset + (index * EthernetFields.VlanTagLength);
        tag = VlanTag.FromTci(BinaryPrimitives.ReadUInt16BigEndian(_frame.Slice(at, 2)),
            BinaryPrimitives.ReadUInt16BigEndian(_frame.Slice(at + 2, 2)));
        return true;
    }
}
