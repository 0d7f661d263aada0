namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// IPv6 fixed header and the extension headers a decoder walks over (RFC 8200 §3, §4). Offsets from the header start.
/// <code>
///  0       1       2       3
/// +-------+-------+-------+-------+
/// |ver| traffic class | flow label |
/// +-------+-------+-------+-------+
/// | payload length| next  | hop   |
/// +-------+-------+-------+-------+
/// | source address (16)            |
/// | destination address (16)       |
/// +-------+-------+-------+-------+
/// extension header: | next | hdr ext len (8-byte units, not counting the first 8) | ...
/// fragment header:  | next | reserved | offset(13) res(2) M(1) | identification(32) |
/// </code>
/// </summary>
public static class Ipv6Fields
{
    public const int VersionClassFlowOffset = 0;
    public const int PayloadLengthOffset = 4;
    public const int NextHeaderOffset = 6;
    public const int HopLimitOffset = 7;
    public const int SourceOffset = 8;
    public const int DestinationOffset = 24;
    public const int AddressLength = 16;
    public const int HeaderLength = 40;

    public const int Version = 6;

    public const byte HopByHop = 0;
    public const byte Routing = 43;
    public const byte Fragment = 44;
    public const byte DestinationOptions = 60;
    public const byte NoNextHeader = 59;
    public const byte Udp = 17;

    /// <summary>Generic extension header: next header, length in 8-byte units beyond the first 8.</summary>
    public const int ExtensionLengthOffset = 1;
    public const int ExtensionUnit = 8;

    public const int FragmentHeaderLength = 8;
    public const int FragmentOffsetFieldOffset = 2;
    public const ushort FragmentOffsetMask = 0xFFF8;
    public const ushort MoreFragmentsMask = 0x0001;
}
