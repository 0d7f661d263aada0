namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE6, non-contiguous PRB allocation in time and frequency, O-RAN.WG4.CUS §7.7.6 (Table 7.7.6-1; repetition
/// §7.7.6.6, rbgSize §7.7.6.1, rbgMask §7.7.6.2, priority §7.7.6.5, symbolMask §7.7.6.3). extLen = 2.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+-+-----+-------+---------------+
/// |e| extType = 6 |  extLen = 2   |r|rbgSz|      rbgMask (28) …   |
/// +-+-------------+---------------+-+-----+-------+---------------+
/// |  … rbgMask                    |pri| symbolMask (14)           |  (bytes 4-7)
/// +-------------------------------+---+---------------------------+
/// </code>
/// rbgSize codes 1-7 = 1, 2, 3, 4, 6, 8, 16 PRBs (0 reserved). rbgMask bit 0 (LSB) = first RBG; symbolMask bit 0 =
/// symbol 0. priority 0, +1, −2 (reserved), −1 for codes 0-3.
/// </summary>
public static class NonContiguousPrbFields
{
    public const int RbgWordOffset = 2;
    public const uint RepetitionMask = 0x8000_0000;
    public const int RbgSizeShift = 28;
    public const uint RbgMaskMask = 0x0FFF_FFFF;
    public const int SymbolWordOffset = 6;
    public const int Length = 8;
}
