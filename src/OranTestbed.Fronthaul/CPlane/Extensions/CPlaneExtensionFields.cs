namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// The header every section extension starts with, O-RAN.WG4.CUS §7.7.1 (Table 7.7.1-1, §7.7.1.1-§7.7.1.3).
/// <code>
///  0               1               2
/// +-+-------------+---------------+
/// |e|  extType(7) |  extLen (8)   |  … content, zero-padded to a 4-byte multiple
/// +-+-------------+---------------+
/// |e|  extType(7) |  extLen (16)                  |  extTypes 11, 19, 20
/// +-+-------------+-------------------------------+
/// </code>
/// extLen counts 4-byte words of the whole extension, header included; 0 is reserved. e (ef) = another extension
/// follows this one.
/// </summary>
public static class CPlaneExtensionFields
{
    public const int TypeOffset = 0;
    public const byte EfMask = 0x80;
    public const byte TypeMask = 0x7F;
    public const int ExtLenOffset = 1;
    public const int WordLength = 4;
}
