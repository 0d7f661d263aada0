using System.Xml.Linq;
using OranTestbed.Mplane.Oran;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Oran;

/// <summary>
/// The O-DU's start-up configuration for the demo's n78 profile: the values O-RUs expect (OAI's payload) and, checked by
/// libyang's yanglint against the pristine v17.01 modules, valid O-RAN configuration data.
/// </summary>
public sealed class StartupConfigurationSpecs
{
    private static readonly XNamespace Up = OranNamespaces.UplaneConf;

    private static readonly string[] ActiveCarriers = ["txcc-0=ACTIVE", "rxcc-0=ACTIVE"];

    private static OduConfiguration Demo => new(
        FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml")),
        AbsoluteFrequencyCenter: 641280, CenterFrequencyHz: 3_619_200_000, InterfaceName: "eth0",
        TxEndpoints: ["tx-ep-0", "tx-ep-1"], RxEndpoints: ["rx-ep-0", "rx-ep-1"], TxArray: "tx-array-0", RxArray: "rx-array-0")
    {
        DuMacAddress = "02:00:00:00:00:01",
        RuMacAddress = "02:00:00:00:00:02",
    };

    [Test]
    public void Endpoints_must_carry_the_profile_numerology_compression_and_eaxc_split()
    {
        var config = StartupConfiguration.Build(Demo);
        var tx1 = config.Descendants(Up + "low-level-tx-endpoints").Single(e => e.Element(Up + "name")!.Value == "tx-ep-1");
        var eaxc = tx1.Element(Up + "e-axcid")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tx1.Element(Up + "frame-structure")!.Value, Is.EqualTo("193"), "FFT 4096 (0xC), µ 1: what OAI sends");
            Assert.That(tx1.Element(Up + "cp-length")!.Value, Is.EqualTo("352"));
            Assert.That(tx1.Element(Up + "cp-length-other")!.Value, Is.EqualTo("288"));
            Assert.That(tx1.Element(Up + "compression")!.Element(Up + "iq-bitwidth")!.Value, Is.EqualTo("9"));
            Assert.That(tx1.Element(Up + "compression")!.Element(Up + "compression-method")!.Value, Is.EqualTo("BLOCK_FLOATING_POINT"));
            Assert.That(tx1.Descendants(Up + "number-of-prb").Single().Value, Is.EqualTo("273"));
            Assert.That(eaxc.Element(Up + "o-du-port-bitmask")!.Value, Is.EqualTo("49152"), "2/6/4/4: 0xC000");
            Assert.That(eaxc.Element(Up + "band-sector-bitmask")!.Value, Is.EqualTo("16128"), "0x3F00");
            Assert.That(eaxc.Element(Up + "ccid-bitmask")!.Value, Is.EqualTo("240"), "0x00F0");
            Assert.That(eaxc.Element(Up + "ru-port-bitmask")!.Value, Is.EqualTo("15"), "0x000F");
            Assert.That(eaxc.Element(Up + "eaxc-id")!.Value, Is.EqualTo("1"), "the second endpoint is RU port 1");
            Assert.That(config.Descendants(Up + "channel-bandwidth").Select(e => e.Value), Is.All.EqualTo("100000000"));
            Assert.That(config.Descendants(Up + "active").Select(e => e.Value), Is.All.EqualTo("INACTIVE"), "activated later");
        }
    }

    [Test]
    [Category(PeerCategories.Yanglint)]
    public void The_configuration_must_be_valid_o_ran_data_for_yanglint()
    {
        var config = StartupConfiguration.Build(Demo);
        // The O-RU's own port, which the VLAN interface sits on, joins the edit's interface list.
        config.Element(OranNamespaces.IetfInterfaces + "interfaces")!.AddFirst(XElement.Parse("""
            <interface xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"><name>eth0</name><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type></interface>
            """));
        // o-ran-performance-management is left out: yanglint 2.1.30 crashes on its data (mplane.md §1.5-9).
        // o-ran-usermgmt (imported on the way) requires an enabled account: the O-RU's own, as every O-RU has one.
        const string account = """<users xmlns="urn:o-ran:user-mgmt:1.0"><user><name>oranlab</name><account-type>PASSWORD</account-type><enabled>true</enabled></user></users>""";
        string xml = account + string.Concat(config.Elements()
            .Where(e => e.Name.Namespace != OranNamespaces.PerformanceManagement).Select(e => e.ToString()));

        var (exit, output) = Yanglint.Validate(xml, "config", "ietf-interfaces", "iana-if-type", "o-ran-processing-element",
            "o-ran-uplane-conf", "o-ran-interfaces");

        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public void Activation_must_name_both_carriers()
    {
        var edit = StartupConfiguration.Carriers(Demo, active: true);

        Assert.That(edit.Descendants(Up + "active").Select(e => e.Parent!.Element(Up + "name")!.Value + "=" + e.Value),
            Is.EqualTo(ActiveCarriers));
    }
}
