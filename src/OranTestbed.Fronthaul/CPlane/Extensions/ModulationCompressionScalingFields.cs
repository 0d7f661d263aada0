namespace OranTestbed.Fronthaul.CPlane.Extensions;

/// <summary>
/// SE5, modulation compression additional scaling parameters, O-RAN.WG4.CUS §7.7.5 (Table 7.7.5-1; mcScaleReMask
/// §7.7.5.2, csf §7.7.4.2, mcScaleOffset §7.7.5.1). Allowed in section types 1, 3 and 5.
/// <code>
///  0               1               2               3
/// +-+-------------+---------------+-----------------------+-+-----…
/// |e| extType = 5 |    extLen     | mcScaleReMask (12)    |c| mcScaleOffset (15) | next set … | zero pad
/// +-+-------------+---------------+-----------------------+-+-----…
/// </code>
/// Sets are 28 bits, bit-packed back to back. The number of sets is not sent: it is what fits in extLen (1 set in
/// extLen 2, 2 in 3, 4 in 4); a trailing set with mcScaleReMask 0 (it would apply to no RE) is padding.
/// </summary>
public static class ModulationCompressionScalingFields
{
    public const int SetsOffset = 2;
    public const int SetBits = 28;
    public const int ReMaskBits = 12;
    public const int OffsetBits = 15;

    /// <summary>Header plus one set (28 bits → 4 bytes).</summary>
    public const int MinimumLength = 6;
}
