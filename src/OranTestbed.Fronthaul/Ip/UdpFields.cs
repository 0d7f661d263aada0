namespace OranTestbed.Fronthaul.Ip;

/// <summary>
/// UDP header (RFC 768). The length counts header and data; checksum 0 = not computed (IPv4 only; mandatory over
/// IPv6, RFC 8200 §8.1). PTP uses ports 319 (event) and 320 (general) (IEEE 1588-2019 Annex C).
/// <code>
///  0       1       2       3
/// +-------+-------+-------+-------+
/// | source port   | dest port     |
/// | length        | checksum      |
/// +-------+-------+-------+-------+
/// </code>
/// </summary>
public static class UdpFields
{
    public const int SourcePortOffset = 0;
    public const int DestinationPortOffset = 2;
    public const int LengthOffset = 4;
    public const int ChecksumOffset = 6;
    public const int HeaderLength = 8;

    public const ushort PtpEventPort = 319;
    public const ushort PtpGeneralPort = 320;
}
