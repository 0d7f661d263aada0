using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Bands;

namespace OranTestbed.Plans.Tests.Bands;

/// <summary>NR-ARFCN arithmetic (TS 38.104 §5.4.2.1) and the band catalogue (TS 38.101 Tables 5.2-1, 5.3.5-1; TS 38.104 5.4.2.3-1).</summary>
public class NrBandCatalogueSpecs
{
    [TestCase(155_600, 778_000L)]
    [TestCase(599_999, 2_999_995L)]
    [TestCase(600_000, 3_000_000L)]
    [TestCase(640_000, 3_600_000L)]
    [TestCase(636_666, 3_549_990L)]
    [TestCase(2_016_667, 24_250_080L)]
    [TestCase(2_079_167, 28_000_080L)]
    public void NrArfcn_must_convert_both_ways_on_the_global_raster(int arfcn, long kiloHertz)
    {
        Assert.That(NrArfcn.ToKiloHertz(arfcn), Is.EqualTo(kiloHertz));
        Assert.That(NrArfcn.TryFromKiloHertz(kiloHertz, out int back), Is.True);
        Assert.That(back, Is.EqualTo(arfcn));
    }

    [TestCase(778_001L)]
    [TestCase(3_600_010L)]
    [TestCase(24_250_000L)]
    public void NrArfcn_must_refuse_a_frequency_off_the_global_raster(long kiloHertz)
    {
        Assert.That(NrArfcn.TryFromKiloHertz(kiloHertz, out _), Is.False);
    }

    [Test]
    public void The_catalogue_must_know_duplex_ranges_and_rasters_of_the_bands_it_names()
    {
        var n78 = NrBandCatalogue.Find("n78")!;
        var n28 = NrBandCatalogue.Find("n28")!;
        var n257 = NrBandCatalogue.Find("n257")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((n78.Duplex, n78.DownlinkLowMHz, n78.DownlinkHighMHz), Is.EqualTo((DuplexMode.Tdd, 3300m, 3800m)));
            Assert.That((n28.Duplex, n28.UplinkLowMHz, n28.DownlinkLowMHz, n28.DuplexSpacingMHz), Is.EqualTo((DuplexMode.Fdd, 703m, 758m, 55m)));
            Assert.That(n78.RasterFor(15).Step, Is.EqualTo(1));
            Assert.That(n78.RasterFor(30).Step, Is.EqualTo(2));
            Assert.That(n28.RasterFor(15).Step, Is.EqualTo(20));
            Assert.That(n257.RasterFor(120).First, Is.EqualTo(2_054_167));
            Assert.That(n257.FrequencyRange, Is.EqualTo(FrequencyRange.Fr2));
            Assert.That(n28.BandwidthsAt(60), Is.Empty);
            Assert.That(NrBandCatalogue.Find("n99"), Is.Null);
        }
    }

    [Test]
    public void Every_catalogue_bandwidth_must_have_a_PRB_count_in_TS_38_101_Table_5_3_2_1()
    {
        foreach (var band in NrBandCatalogue.All)
        {
            foreach (var (scs, bandwidths) in band.ChannelBandwidths)
            {
                foreach (int mhz in bandwidths)
                {
                    Assert.That(NrBandwidthTable.TryGetPrbs(band.FrequencyRange, mhz, scs, out _), Is.True, $"{band.Name} {mhz} MHz at {scs} kHz");
                }
            }

            foreach (var raster in band.Rasters)
            {
                decimal low = NrArfcn.ToKiloHertz(raster.First) / 1000m;
                decimal high = NrArfcn.ToKiloHertz(raster.Last) / 1000m;
                Assert.That(low, Is.InRange(band.DownlinkLowMHz, band.DownlinkHighMHz), band.Name);
                Assert.That(high, Is.InRange(band.DownlinkLowMHz, band.DownlinkHighMHz), band.Name);
            }
        }
    }
}
