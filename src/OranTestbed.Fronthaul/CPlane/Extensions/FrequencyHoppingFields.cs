namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE13, PRB allocation with frequency hopping, O-RAN.WG4.CUS §7.7.13 (Table 7.7.13-1; nextSymbolId §7.7.13.2,
/// nextStartPrbc §7.7.13.3). Allowed in section types 1, 3, 5.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+---+-------+-------------------+
/// |e| extType =13 |    extLen     |res|nxtSym | nextStartPrbc (10)|  … one 16-bit entry per allocation, zero pad
/// +-+-------------+---------------+---+-------+-------------------+
/// </code>
/// The entry count is not sent: it is what fits in extLen; a trailing all-zero entry is padding (at least one
/// entry is kept).
/// </summary>
public static class FrequencyHoppingFields
{
    public const int EntriesOffset = 2;
    public const int EntryLength = 2;
    public const int MinimumLength = 4;
}
