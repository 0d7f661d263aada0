using OranTestbed.Plans.Tests.Support;
using static OranTestbed.Plans.Tests.Support.PlanText;

namespace OranTestbed.Plans.Tests.Loading;

/// <summary>Bands are checked against 3GPP: band, duplex, SCS and channel bandwidth of the band, PRBs, raster, carrier edges, TDD.</summary>
public class BandValueSpecs
{
    private const string B = Root + "/" + Band + ":";

    [Test]
    public void A_band_must_derive_its_PRBs_and_centre_from_the_3GPP_tables()
    {
        var band = Mini().Load().Bands.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(band.Prbs, Is.EqualTo(273));
            Assert.That(band.CenterFrequencyMHz, Is.EqualTo(3600m));
            Assert.That(band.Numerology, Is.EqualTo(1));
            Assert.That(band.TddPattern!.Slots, Is.EqualTo("DDDSU"));
        }
    }

    [Test]
    public void A_band_must_accept_a_centre_frequency_instead_of_an_ARFCN_and_an_FDD_band_its_uplink_below()
    {
        var plan = Mini().File("bands/n28-rural.yaml", "band: n28", "environment: rural", "center-frequency: 778MHz", "bandwidth: 20MHz",
            "subcarrier-spacing: 15kHz").Load();
        var band = plan.FindBand("n28-rural")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(band.Arfcn, Is.EqualTo(155_600));
            Assert.That(band.Prbs, Is.EqualTo(106));
            Assert.That(band.UplinkCenterFrequencyMHz, Is.EqualTo(723m));
            Assert.That(band.TddPattern, Is.Null);
        }
    }

    [Test]
    public void A_band_must_be_an_NR_band_this_tool_knows()
    {
        Assert.That(Mini().With(Band, 1, "band: n87").Errors(), Is.EqualTo(new[] { B + "1:7: band: 'n87' is not an NR band this tool knows; did you mean 'n7'?" }));
    }

    [Test]
    public void A_band_must_refuse_a_channel_bandwidth_that_the_band_does_not_allow_at_its_SCS()
    {
        var errors = Mini().File("bands/n28-rural.yaml", "band: n28", "environment: rural", "arfcn: 155600", "bandwidth: 100MHz",
            "subcarrier-spacing: 15kHz").Errors();
        Assert.That(errors, Is.EqualTo(new[]
        {
            Root + "/bands/n28-rural.yaml:4:12: bandwidth: 100 MHz at 15 kHz is not a channel bandwidth of n28: 3GPP TS 38.101-1 "
                + "Table 5.3.5-1 allows 5, 10, 15, 20, 30 MHz at 15 kHz",
        }));
    }

    [Test]
    public void A_band_must_refuse_an_SCS_the_band_has_no_channels_for()
    {
        Assert.That(Mini().With(Band, 5, "subcarrier-spacing: 120kHz").Errors(), Is.EqualTo(new[]
        {
            B + "5:21: subcarrier-spacing: n78 has no 120 kHz channels (3GPP TS 38.101-1 Table 5.3.5-1 allows 15, 30, 60 kHz)",
        }));
    }

    [Test]
    public void A_band_must_refuse_PRBs_that_disagree_with_the_bandwidth()
    {
        Assert.That(Mini().Plus(Band, "prbs: 270").Errors(), Is.EqualTo(new[]
        {
            B + "7:7: prbs: 270 PRBs disagrees with 100 MHz at 30 kHz, which is 273 PRBs (3GPP TS 38.101 Table 5.3.2-1); leave prbs out to derive it",
        }));
    }

    [Test]
    public void A_band_must_refuse_a_duplex_that_is_not_the_bands()
    {
        Assert.That(Mini().Plus(Band, "duplex: fdd").Errors(), Is.EqualTo(new[]
        {
            B + "7:9: duplex: n78 is TDD (3GPP TS 38.101 Table 5.2-1), not fdd",
        }));
    }

    [Test]
    public void A_band_must_refuse_an_ARFCN_off_the_channel_raster()
    {
        Assert.That(Mini().With(Band, 3, "arfcn: 636667").Errors(), Is.EqualTo(new[]
        {
            B + "3:8: arfcn: NR-ARFCN 636667 is not on n78's 30 kHz channel raster for 30 kHz SCS: 620000, 620002 ... 653332 in steps "
                + "of 2 (TS 38.104 Table 5.4.2.3-1)",
        }));
    }

    [Test]
    public void A_band_must_refuse_a_carrier_that_does_not_fit_in_the_band()
    {
        Assert.That(Mini().With(Band, 3, "arfcn: 652000").Errors(), Is.EqualTo(new[]
        {
            B + "3:8: arfcn: the 100 MHz carrier centred at 3780 MHz spans 3730-3830 MHz, outside n78's downlink 3300-3800 MHz",
        }));
    }

    [Test]
    public void A_band_must_refuse_a_centre_off_the_global_raster_and_one_that_disagrees_with_its_ARFCN()
    {
        Assert.That(Mini().With(Band, 3, "center-frequency: 3600.007MHz").Errors(), Is.EqualTo(new[]
        {
            B + "3:19: center-frequency: 3600.007 MHz is not on the NR global raster (TS 38.104 §5.4.2.1: 5 kHz steps below 3 GHz, "
                + "15 kHz to 24.25 GHz, 60 kHz above): give arfcn instead",
        }));
        Assert.That(Mini().Plus(Band, "center-frequency: 3500MHz").Errors(), Is.EqualTo(new[]
        {
            B + "7:19: center-frequency: 3500 MHz disagrees with arfcn 640000, which is 3600 MHz (TS 38.104 §5.4.2.1)",
        }));
    }

    [Test]
    public void A_band_must_require_a_TDD_pattern_for_TDD_and_refuse_one_for_FDD()
    {
        Assert.That(Mini().With(Band, 6, null).Errors(), Is.EqualTo(new[]
        {
            B + "1:1: tdd-pattern: required key is missing: n78 is TDD: give tdd-pattern {slots, special-slot}",
        }));
        Assert.That(Mini().File("bands/n28-rural.yaml", "band: n28", "environment: rural", "arfcn: 155600", "bandwidth: 20MHz",
            "subcarrier-spacing: 15kHz", "tdd-pattern: {slots: DDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}").Errors(), Is.EqualTo(new[]
        {
            Root + "/bands/n28-rural.yaml:6:14: tdd-pattern: n28 is FDD: it has no TDD pattern",
        }));
    }

    [Test]
    public void A_band_must_refuse_a_TDD_pattern_whose_period_does_not_divide_20_ms()
    {
        var errors = Mini().With(Band, 6, "tdd-pattern: {slots: DDDDDDDSU, special-slot: {dl: 10, guard: 2, ul: 2}}").Errors();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith(B + "6:22: tdd-pattern.slots: 9 slots of 500 us make a 4500 us period, which does not divide 20 ms"));
    }

    [Test]
    public void A_band_must_require_a_frequency_with_its_unit()
    {
        Assert.That(Mini().With(Band, 4, "bandwidth: 100").Errors(), Is.EqualTo(new[]
        {
            B + "4:12: bandwidth: '100' is not a whole number of MHz: write it with its unit, e.g. 100MHz",
        }));
    }
}
