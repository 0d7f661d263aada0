namespace OranTestbed.Fronthaul.Ethernet;

/// <summary>
/// Ethernet II header and 802.1Q tag layout (IEEE 802.3 §3.1.1, IEEE 802.1Q §9.6). No FCS: capture files and
/// taps hand us frames without it.
/// <code>
///  0                   6                   12      14
/// +-------------------+-------------------+-------+----------
/// | destination MAC   | source MAC        | type  | payload     (type = EtherType, or a TPID when tagged)
/// +-------------------+-------------------+-------+----------
///                                   tag:  | TPID  | PCP(3) DEI(1) VID(12) | next type ...
/// </code>
/// </summary>
public static class EthernetFields
{
    public const int DestinationOffset = 0;
    public const int SourceOffset = 6;
    public const int MacLength = 6;
    public const int TypeOffset = 12;
    public const int HeaderLength = 14;
    public const int VlanTagLength = 4;

    /// <summary>Frames shorter than this (without FCS) are padded by the sender (IEEE 802.3 §3.2.8).</summary>
    public const int MinimumFrameLength = 60;

    public const ushort TypeIpv4 = 0x0800;
    public const ushort TypeIpv6 = 0x86DD;
    public const ushort TypeVlan = 0x8100;
    public const ushort TypeProviderBridging = 0x88A8;
    public const ushort TypeQinQLegacy = 0x9100;
    public const ushort TypePtp = 0x88F7;
    public const ushort TypeEcpri = 0xAEFE;

    public static bool IsVlanTpid(ushort type) =>
        type is TypeVlan or TypeProviderBridging or TypeQinQLegacy;
}
