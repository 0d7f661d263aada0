namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE12, non-contiguous PRB allocation with frequency ranges, O-RAN.WG4.CUS §7.7.12 (Table 7.7.12-1; offStartPrb
/// §7.7.12.4, numPrb §7.7.12.5; priority and symbolMask as in SE6). Allowed in section types 1, 3, 5.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+---+---------------------------+
/// |e| extType =12 |    extLen     |pri|     symbolMask (14)       |
/// +-+-------------+---------------+---+-----------+---------------+
/// | offStartPrb(1)|  numPrb(1)    | offStartPrb(2)|  numPrb(2)    | … zero pad
/// +---------------+---------------+---------------+---------------+
/// </code>
/// The section's startPrbc/numPrbc is the first range; each pair starts offStartPrb PRBs after the end of the
/// previous range. The pair count is not sent: a trailing pair with numPrb 0 is padding.
/// </summary>
public static class PrbRangesFields
{
    public const int SymbolWordOffset = 2;
    public const int PairsOffset = 4;
    public const int PairLength = 2;
    public const int MinimumLength = 4;
}
