using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Timing;

namespace OranTestbed.Fronthaul.Tests.Profiles;

public class FronthaulProfileSpecs
{
    private static FronthaulProfile Profile(DelayManagement? delays = null) => new()
    {
        Name = "p",
        Carrier = new Carrier(1, 273),
        EaxcBits = new EaxcBitWidths(4, 4, 4, 4),
        EcpriUdpPort = 4991,
        DownlinkCompression = new UPlaneCompression(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9), true),
        UplinkCompression = new UPlaneCompression(UdCompHdr.From(CompressionMethod.MuLaw, 8), false),
        Duplex = DuplexMode.Fdd,
        DelayManagement = delays ?? DelayManagement.None,
    };

    [Test]
    public void FronthaulProfile_ToDecodeOptions_must_carry_the_wire_configuration_per_direction()
    {
        var o = Profile().ToDecodeOptions();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(o.EaxcBits, Is.EqualTo(new EaxcBitWidths(4, 4, 4, 4)));
            Assert.That(o.EcpriUdpPort, Is.EqualTo(4991));
            Assert.That(o.DownlinkCompression, Is.EqualTo(UdCompHdr.From(CompressionMethod.BlockFloatingPoint, 9)));
            Assert.That(o.UplinkCompression, Is.EqualTo(UdCompHdr.From(CompressionMethod.MuLaw, 8)));
            Assert.That(o.UdCompHdrPresentFor(downlink: true), Is.True);
            Assert.That(o.UdCompHdrPresentFor(downlink: false), Is.False);
            Assert.That(o.CarrierPrbs, Is.EqualTo(273));
            Assert.That(o.BeamformingAntennas, Is.EqualTo(32), "settings the profile does not cover keep their defaults");
        }
    }

    [Test]
    public void Carrier_must_refuse_extended_cyclic_prefix_except_at_numerology_2()
    {
        Assert.That(() => new Carrier(1, 273, CyclicPrefix.Extended), Throws.ArgumentException);
        Assert.That(new Carrier(2, 135, CyclicPrefix.Extended).SymbolsPerSlot, Is.EqualTo(12));
        Assert.That(new Carrier(3, 66).SlotNanoseconds, Is.EqualTo(125_000));
    }

    [Test]
    public void DelayManagement_must_report_min_above_max_as_an_error_and_the_Tcp_adv_dl_relation_as_information()
    {
        var delays = DelayManagement.None
            .With(DelayParameter.Ta3Min, 200_000).With(DelayParameter.Ta3Max, 100_000)
            .With(DelayParameter.T2aMinUp, 100_000).With(DelayParameter.TcpAdvDl, 125_000)
            .With(DelayParameter.T2aMinCpDl, 300_000);
        var findings = delays.CheckConsistency();
        Assert.That(findings, Is.EqualTo(new[]
        {
            new DelayConsistencyFinding(DelayParameter.Ta3Min, true, "ta3-min (200us) exceeds ta3-max (100us)"),
            new DelayConsistencyFinding(DelayParameter.T2aMinCpDl, false,
                "t2a-min-cp-dl (300us) differs from t2a-min-up + tcp-adv-dl (225us); O-RAN.WG4.CUS §4.4 expects them about equal"),
        }));
        Assert.That(delays.With(DelayParameter.T2aMinCpDl, 225_000).With(DelayParameter.Ta3Max, 200_000).CheckConsistency(), Is.Empty);
    }

    [Test]
    public void DelayManagement_must_get_and_set_every_YANG_leaf_and_bound_every_window()
    {
        var delays = DelayManagement.None;
        long value = 1;
        foreach (var p in DelayParameterNames.All)
        {
            delays = delays.With(p, value++);
        }

        value = 1;
        foreach (var p in DelayParameterNames.All)
        {
            Assert.That(delays.Get(p), Is.EqualTo(value++), DelayParameterNames.YangName(p));
            Assert.That(DelayParameterNames.TryParse(DelayParameterNames.YangName(p), out var back) ? back : null, Is.EqualTo(p));
        }

        Assert.That(DelayParameterNames.All, Has.Length.EqualTo(17).And.Unique);
        Assert.That(delays.Bounds(DelayWindow.T2aUp), Is.EqualTo(new DelayWindowBounds(1, 2)));
        Assert.That(delays.Bounds(DelayWindow.Ta4), Is.EqualTo(new DelayWindowBounds(16, 17)));
        Assert.That(DelayManagement.None.Bounds(DelayWindow.Ta3).IsComplete, Is.False);
    }

    [TestCase("DDDSU", 1, true)]
    [TestCase("DDDDDDDSUU", 1, true)]
    [TestCase("DDDSU", 3, true)]
    [TestCase("DDDDDDU", 1, false)]
    [TestCase("DDDSUX", 1, false)]
    [TestCase("", 1, false)]
    public void TddPattern_must_check_letters_and_that_the_period_divides_20_ms(string slots, int mu, bool valid)
    {
        var split = slots.Contains('S', StringComparison.Ordinal) ? new SpecialSlotSplit(10, 2, 2) : (SpecialSlotSplit?)null;
        Assert.That(TddPattern.TryCreate(slots, split, mu, CyclicPrefix.Normal, out _, out _), Is.EqualTo(valid));
    }

    [Test]
    public void TddPattern_must_give_the_letter_of_any_slot()
    {
        var p = TddPattern.Create("DDDSU", new SpecialSlotSplit(10, 2, 2), 1, CyclicPrefix.Normal);
        Assert.That(Enumerable.Range(0, 7).Select(i => p.SlotAt(i)), Is.EqualTo("DDDSUDD"));
        Assert.That(p.SlotAt(-1), Is.EqualTo('U'));
        Assert.That(() => TddPattern.Create("DDDSU", new SpecialSlotSplit(10, 2, 2), 2, CyclicPrefix.Extended),
            Throws.ArgumentException.With.Message.Contains("must sum to 12"));
    }
}
