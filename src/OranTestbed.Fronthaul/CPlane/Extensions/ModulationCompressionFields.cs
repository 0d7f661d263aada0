namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE4, modulation compression parameters, O-RAN.WG4.CUS §7.7.4 (Table 7.7.4-1; csf §7.7.4.2, modCompScaler
/// §7.7.4.1). Allowed in section types 1, 3 and 5. extLen = 1.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+-+-----------------------------+
/// |e| extType = 4 |  extLen = 1   |c|  modCompScaler (15)         |
/// +-+-------------+---------------+-+-----------------------------+
/// </code>
/// modCompScaler = exponent(4) | mantissa(11): scale = mantissa / 2^11 × 2^−exponent.
/// </summary>
public static class ModulationCompressionFields
{
    public const int ScalerOffset = 2;
    public const byte CsfMask = 0x80;
    public const int Length = 4;
}
