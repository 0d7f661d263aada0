namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// IPv4 header layout (RFC 791 §3.1). Offsets from the first byte of the IP header.
/// <code>
///  0       1       2       3
/// +-------+-------+-------+-------+
/// |ver|IHL| DSCP/ECN| total length  |
/// +-------+-------+-------+-------+
/// | identification|0|D|M| frag off  |   flags: reserved, don't fragment, more fragments; offset in 8-byte units
/// +-------+-------+-------+-------+
/// |  TTL  | proto | header checksum|
/// +-------+-------+-------+-------+
/// | source address                 |
/// | destination address            |
/// | options (IHL > 5) ...          |
/// </code>
/// </summary>
public static class Ipv4Fields
{
    public const int VersionAndIhlOffset = 0;
    public const int TypeOfServiceOffset = 1;
    public const int TotalLengthOffset = 2;
    public const int IdentificationOffset = 4;
    public const int FlagsAndFragmentOffset = 6;
    public const int TtlOffset = 8;
    public const int ProtocolOffset = 9;
    public const int ChecksumOffset = 10;
    public const int SourceOffset = 12;
    public const int DestinationOffset = 16;
    public const int AddressLength = 4;

    /// <summary>Header without options (IHL = 5).</summary>
    public const int MinimumHeaderLength = 20;

    public const int Version = 4;
    public const ushort ReservedFlagMask = 0x8000;
    public const ushort DontFragmentMask = 0x4000;
    public const ushort MoreFragmentsMask = 0x2000;
    public const ushort FragmentOffsetMask = 0x1FFF;

    public const byte ProtocolUdp = 17;
}
