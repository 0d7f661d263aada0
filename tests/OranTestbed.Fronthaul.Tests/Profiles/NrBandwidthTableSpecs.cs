using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Fronthaul.Tests.Profiles;

/// <summary>N_RB per bandwidth and SCS, 3GPP TS 38.101-1 / 38.101-2 Table 5.3.2-1.</summary>
public class NrBandwidthTableSpecs
{
    [TestCase(FrequencyRange.Fr1, 100, 30, 273)]
    [TestCase(FrequencyRange.Fr1, 20, 15, 106)]
    [TestCase(FrequencyRange.Fr1, 5, 15, 25)]
    [TestCase(FrequencyRange.Fr1, 50, 15, 270)]
    [TestCase(FrequencyRange.Fr1, 40, 30, 106)]
    [TestCase(FrequencyRange.Fr1, 10, 60, 11)]
    [TestCase(FrequencyRange.Fr1, 100, 60, 135)]
    [TestCase(FrequencyRange.Fr2, 100, 120, 66)]
    [TestCase(FrequencyRange.Fr2, 400, 120, 264)]
    [TestCase(FrequencyRange.Fr2, 50, 60, 66)]
    [TestCase(FrequencyRange.Fr2, 50, 120, 32)]
    [TestCase(FrequencyRange.Fr2, 200, 60, 264)]
    public void NrBandwidthTable_must_give_the_3GPP_PRB_count(FrequencyRange range, int mhz, int scs, int prbs)
    {
        Assert.That(NrBandwidthTable.TryGetPrbs(range, mhz, scs, out int actual), Is.True);
        Assert.That(actual, Is.EqualTo(prbs));
    }

    [TestCase(FrequencyRange.Fr1, 60, 15)]
    [TestCase(FrequencyRange.Fr1, 5, 60)]
    [TestCase(FrequencyRange.Fr1, 100, 120)]
    [TestCase(FrequencyRange.Fr1, 200, 30)]
    [TestCase(FrequencyRange.Fr1, 12, 30)]
    [TestCase(FrequencyRange.Fr2, 400, 60)]
    [TestCase(FrequencyRange.Fr2, 100, 30)]
    public void NrBandwidthTable_must_refuse_combinations_the_tables_do_not_allow(FrequencyRange range, int mhz, int scs)
    {
        Assert.That(NrBandwidthTable.TryGetPrbs(range, mhz, scs, out _), Is.False);
    }

    [Test]
    public void NrBandwidthTable_must_never_exceed_275_PRBs_and_must_grow_with_bandwidth()
    {
        foreach (var range in Enum.GetValues<FrequencyRange>())
        {
            foreach (int scs in (int[])[15, 30, 60, 120])
            {
                int previous = 0;
                foreach (int mhz in NrBandwidthTable.AllowedBandwidths(range, scs))
                {
                    Assert.That(NrBandwidthTable.TryGetPrbs(range, mhz, scs, out int prbs), Is.True);
                    Assert.That(prbs, Is.InRange(previous + 1, Carrier.MaxPrbs), $"{range} {mhz} MHz {scs} kHz");
                    // The guard band is positive: N_RB · 12 · SCS < bandwidth.
                    Assert.That(prbs * 12 * scs, Is.LessThan(mhz * 1000), $"{range} {mhz} MHz {scs} kHz");
                    previous = prbs;
                }
            }
        }
    }
}
