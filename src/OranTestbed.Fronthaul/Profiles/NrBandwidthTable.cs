namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// Maximum transmission bandwidth configuration N_RB per channel bandwidth and subcarrier spacing:
/// FR1 from 3GPP TS 38.101-1 Table 5.3.2-1 (5..100 MHz at 15/30/60 kHz, Rel-17, with 35 and 45 MHz),
/// FR2 from 3GPP TS 38.101-2 Table 5.3.2-1 (50..400 MHz at 60/120 kHz, FR2-1).
/// "N/A" cells of the tables are absent here: such combinations are not allowed.
/// </summary>
public static class NrBandwidthTable
{
    // TS 38.101-1 Table 5.3.2-1, columns 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100 MHz; 0 = N/A.
    private static readonly int[] Fr1Bandwidths = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100];
    private static readonly int[] Fr1Scs15 = [25, 52, 79, 106, 133, 160, 188, 216, 242, 270, 0, 0, 0, 0, 0];
    private static readonly int[] Fr1Scs30 = [11, 24, 38, 51, 65, 78, 92, 106, 119, 133, 162, 189, 217, 245, 273];
    private static readonly int[] Fr1Scs60 = [0, 11, 18, 24, 31, 38, 44, 51, 58, 65, 79, 93, 107, 121, 135];

    // TS 38.101-2 Table 5.3.2-1, columns 50, 100, 200, 400 MHz; 0 = N/A.
    private static readonly int[] Fr2Bandwidths = [50, 100, 200, 400];
    private static readonly int[] Fr2Scs60 = [66, 132, 264, 0];
    private static readonly int[] Fr2Scs120 = [32, 66, 132, 264];

    /// <summary>N_RB for the channel bandwidth (MHz) at the subcarrier spacing (kHz); false where the table has N/A.</summary>
    public static bool TryGetPrbs(FrequencyRange range, int bandwidthMHz, int subcarrierSpacingKHz, out int prbs)
    {
        var (bandwidths, row) = RowOf(range, subcarrierSpacingKHz);
        int i = Array.IndexOf(bandwidths, bandwidthMHz);
        prbs = i >= 0 && row.Length > 0 ? row[i] : 0;
        return prbs > 0;
    }

    /// <summary>The channel bandwidths (MHz) the table allows at this spacing, ascending (empty for none).</summary>
    public static IReadOnlyList<int> AllowedBandwidths(FrequencyRange range, int subcarrierSpacingKHz)
    {
        var (bandwidths, row) = RowOf(range, subcarrierSpacingKHz);
        var allowed = new List<int>();
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] > 0)
            {
                allowed.Add(bandwidths[i]);
            }
        }

        return allowed;
    }

    /// <summary>Which frequency ranges carry data at this spacing: 15/30 kHz FR1, 60 kHz both, 120 kHz FR2.</summary>
    public static IReadOnlyList<FrequencyRange> RangesFor(int subcarrierSpacingKHz) => subcarrierSpacingKHz switch
    {
        15 or 30 => [FrequencyRange.Fr1],
        60 => [FrequencyRange.Fr1, FrequencyRange.Fr2],
        120 => [FrequencyRange.Fr2],
        _ => [],
    };

    private static (int[] Bandwidths, int[] Row) RowOf(FrequencyRange range, int scs) => (range, scs) switch
    {
        (FrequencyRange.Fr1, 15) => (Fr1Bandwidths, Fr1Scs15),
        (FrequencyRange.Fr1, 30) => (Fr1Bandwidths, Fr1Scs30),
        (FrequencyRange.Fr1, 60) => (Fr1Bandwidths, Fr1Scs60),
        (FrequencyRange.Fr2, 60) => (Fr2Bandwidths, Fr2Scs60),
        (FrequencyRange.Fr2, 120) => (Fr2Bandwidths, Fr2Scs120),
        _ => (Fr1Bandwidths, []),
    };
}
