using System.Xml.Linq;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Mplane.Oran;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;

namespace OranTestbed.Mplane.Tests.Oran;

/// <summary>What an O-RU reports it is configured for reads back as the profile the O-DU configured it with.</summary>
public sealed class OruProfileReaderSpecs
{
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;

    private static FronthaulProfile Demo { get; } = FronthaulProfileLoader.Load(
        Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml")) with { VlanId = 7 };

    /// <summary>The O-RU's data after the O-DU's start-up: the configuration plus what the O-RU adds read-only (its duplex
    /// scheme and its delay profile for the carrier).</summary>
    private static XElement OruData(FronthaulProfile profile, int endpoints = 1)
    {
        var config = StartupConfiguration.Build(new OduConfiguration(profile, 641280, 3_619_200_000, "eth0",
            [.. Enumerable.Range(0, endpoints).Select(i => $"tx-ep-{i}")], [.. Enumerable.Range(0, endpoints).Select(i => $"rx-ep-{i}")],
            "tx-array-0", "rx-array-0"));
        var data = new XElement("data", config.Elements());
        data.Descendants(Up + "tx-array-carriers").Single().Add(new XElement(Up + "duplex-scheme", "TDD"));
        var ns = OranNamespaces.Delay;
        var ruParameters = DelayWindows.ForTap(CaptureTap.Ru).Select(DelayManagement.ParametersOf)
            .SelectMany(w => new[] { w.Min, w.Max }).Append(DelayParameter.TcpAdvDl);
        var ruProfile = new XElement(ns + "ru-delay-profile", ruParameters.Where(p => profile.DelayManagement.Get(p) is not null)
            .Select(p => new XElement(ns + DelayParameterNames.YangName(p), profile.DelayManagement.Get(p))));
        data.Add(new XElement(ns + "delay-management", new XElement(ns + "bandwidth-scs-delay-state",
            new XElement(ns + "bandwidth", 100_000), new XElement(ns + "subcarrier-spacing", 30_000), ruProfile)));
        return data;
    }

    [Test]
    public void The_eaxc_ids_of_the_o_rus_endpoints_must_be_read_into_the_profile()
    {
        var read = OruProfileReader.Read(OruData(Demo, endpoints: 2), "from-oru", Demo.TddPattern!.Slots, Demo.TddPattern.Special);

        Assert.That(read.EaxcIds, Is.EqualTo(new ushort[] { 0, 1 }), "e-axcid/eaxc-id of tx-ep-0/1 and rx-ep-0/1 (RU ports 0 and 1)");
    }

    [Test]
    public void The_profile_an_o_du_configured_must_read_back_from_the_o_ru()
    {
        var read = OruProfileReader.Read(OruData(Demo), "from-oru", Demo.TddPattern!.Slots, Demo.TddPattern.Special);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Carrier, Is.EqualTo(new Carrier(1, 273, bandwidthMHz: 100)));
            Assert.That(read.EaxcBits, Is.EqualTo(Demo.EaxcBits));
            Assert.That(read.DownlinkCompression, Is.EqualTo(Demo.DownlinkCompression));
            Assert.That(read.UplinkCompression, Is.EqualTo(Demo.UplinkCompression));
            Assert.That(read.VlanId, Is.EqualTo(7));
            Assert.That(read.Duplex, Is.EqualTo(DuplexMode.Tdd));
            Assert.That(read.DelayManagement.Get(DelayParameter.T2aMinUp), Is.EqualTo(Demo.DelayManagement.Get(DelayParameter.T2aMinUp)));
            Assert.That(read.DelayManagement.Get(DelayParameter.Ta3Max), Is.EqualTo(Demo.DelayManagement.Get(DelayParameter.Ta3Max)));
            Assert.That(read.DelayManagement.Get(DelayParameter.T1aMinUp), Is.Null, "the O-DU's windows are not the O-RU's");
            Assert.That(read.Tap, Is.EqualTo(CaptureTap.Ru));
            Assert.That(read.TddPattern?.ToString(), Is.EqualTo(Demo.TddPattern!.ToString()));
        }
    }

    [Test]
    public void A_tdd_o_ru_without_a_given_slot_pattern_must_say_what_is_missing()
    {
        Assert.That(() => OruProfileReader.Read(OruData(Demo), "from-oru"),
            Throws.TypeOf<FormatException>().With.Message.Contains("does not carry the slot pattern"));
    }

    [Test]
    public void Unusable_values_must_all_be_named_at_once()
    {
        var data = OruData(Demo);
        data.Descendants(Up + "ru-port-bitmask").First().Value = "255";
        data.Descendants(Up + "compression-method").Last().Value = "BEAMSPACE";

        Assert.That(() => OruProfileReader.Read(data, "from-oru", Demo.TddPattern!.Slots, Demo.TddPattern.Special), Throws.TypeOf<FormatException>()
            .With.Message.Contains("e-axcid: the bitmasks cover 2+6+4+8 bits")
            .And.Message.Contains("low-level-rx-endpoints[rx-ep-0]/compression/compression-method: 'BEAMSPACE'"));
    }
}
