using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>Retrieval (CONF 3.1.4.1/.2): the O-RU's data, whole or through RFC 6241 §6 subtree filters, and get-schema.</summary>
[TestFixture]
public sealed class MplaneRetrievalSpecs
{
    private static readonly XNamespace UpNs = Up;

    [Test]
    public async Task Emulator_must_return_its_operational_data_on_a_get_without_filter()
    {
        using var server = OruHarness.Server(new FakeTimeProvider(), antennaPorts: 2);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var data = (await client.RpcAsync("<nc:get/>")).Element(Nc + "data")!;
        XNamespace hw = "urn:ietf:params:xml:ns:yang:ietf-hardware";
        XNamespace mc = "urn:o-ran:module-cap:1.0";
        XNamespace sync = "urn:o-ran:sync:1.0";
        XNamespace delay = "urn:o-ran:delay:1.0";
        XNamespace mon = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Descendants(hw + "component").Single().Element(hw + "mfg-name")?.Value, Is.EqualTo("emulated"));
            Assert.That(data.Descendants(mc + "number-of-ru-ports").Single().Value, Is.EqualTo("2"));
            Assert.That(data.Descendants(mc + "compression-method-supported").Count(), Is.GreaterThan(1));
            Assert.That(data.Descendants(mc + "band-number").Select(b => b.Value), Does.Contain("78"));
            Assert.That(data.Descendants(sync + "sync-state").Single().Value, Is.EqualTo("LOCKED"));
            Assert.That(data.Descendants(UpNs + "static-low-level-rx-endpoints").Count(), Is.EqualTo(2));
            Assert.That(data.Descendants(UpNs + "tx-arrays").Count(), Is.EqualTo(2));
            Assert.That(data.Descendants(delay + "ta3-max").Select(t => t.Value), Does.Contain("32000"));
            Assert.That(data.Element(XName.Get("active-alarm-list", "urn:o-ran:fm:1.0")), Is.Not.Null);
            Assert.That(data.Descendants(XName.Get("software-slot", "urn:o-ran:software-management:1.0")).Count(), Is.EqualTo(1));
            Assert.That(data.Descendants(mon + "schema").Select(s => s.Element(mon + "identifier")!.Value), Does.Contain("o-ran-uplane-conf"));
        }
    }

    [Test]
    public async Task Emulator_must_return_only_low_level_rx_endpoints_for_that_subtree_filter()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1, 2])));
        await client.RpcAsync(Commit);
        var reply = await client.RpcAsync("<nc:get><nc:filter type=\"subtree\">"
            + $"<user-plane-configuration xmlns=\"{Up}\"><low-level-rx-endpoints/></user-plane-configuration></nc:filter></nc:get>");
        var data = reply.Element(Nc + "data")!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Elements().Select(e => e.Name.LocalName), Is.EqualTo((string[])["user-plane-configuration"]));
            Assert.That(data.Elements().Single().Elements().Select(e => e.Name.LocalName).Distinct(),
                Is.EqualTo((string[])["low-level-rx-endpoints"]));
            Assert.That(data.Descendants(UpNs + "low-level-rx-endpoints").Select(e => e.Element(UpNs + "name")!.Value),
                Is.EqualTo((string[])["rx-ep-0", "rx-ep-1"]));
            Assert.That(data.Descendants(UpNs + "eaxc-id").Select(e => e.Value), Is.EqualTo((string[])["1", "2"]));
        }
    }

    [Test]
    public async Task Emulator_must_select_list_entries_by_content_match_and_return_selected_leaves_with_keys()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1, 2])));
        await client.RpcAsync(Commit);
        var reply = await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source><nc:filter>"
            + $"<up:user-plane-configuration xmlns:up=\"{Up}\"><up:low-level-tx-endpoints><up:name>tx-ep-1</up:name>"
            + "<up:e-axcid><up:eaxc-id/></up:e-axcid></up:low-level-tx-endpoints></up:user-plane-configuration></nc:filter></nc:get-config>");
        var endpoint = reply.Descendants(UpNs + "low-level-tx-endpoints").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Elements().Select(e => e.Name.LocalName), Is.EqualTo((string[])["name", "e-axcid"]));
            Assert.That(endpoint.Element(UpNs + "e-axcid")!.Elements().Select(e => e.Value), Is.EqualTo((string[])["2"]));
        }
    }

    [Test]
    public async Task Emulator_must_match_filter_nodes_by_namespace_and_treat_no_namespace_as_any()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var anyNamespace = await client.RpcAsync("<nc:get><nc:filter><sync/></nc:filter></nc:get>");
        var wrongNamespace = await client.RpcAsync("<nc:get><nc:filter><sync xmlns=\"urn:o-ran:fm:1.0\"/></nc:filter></nc:get>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(anyNamespace.Element(Nc + "data")!.Elements().Select(e => e.Name),
                Is.EqualTo((XName[])[XName.Get("sync", "urn:o-ran:sync:1.0")]));
            Assert.That(wrongNamespace.Element(Nc + "data")!.HasElements, Is.False);
        }
    }

    [Test]
    public async Task Emulator_must_return_nothing_for_a_filter_that_matches_nothing()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync("<nc:get><nc:filter type=\"subtree\">"
            + $"<user-plane-configuration xmlns=\"{Up}\"><low-level-tx-links/></user-plane-configuration></nc:filter></nc:get>");
        Assert.That(reply.Element(Nc + "data")!.HasElements, Is.False, reply.ToString());
    }

    [Test]
    public async Task Emulator_must_return_the_module_text_on_get_schema()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync("<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\">"
            + "<identifier>o-ran-supervision</identifier><version>2022-12-05</version><format>yang</format></get-schema>");
        var unknown = await client.RpcAsync("<get-schema xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\">"
            + "<identifier>o-ran-nothing</identifier></get-schema>");
        string expected = await File.ReadAllTextAsync(Path.Combine(OruHarness.YangFolder, "o-ran-v17.01", "o-ran-supervision.yang"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(XName.Get("data", "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"))?.Value,
                Is.EqualTo(expected.ReplaceLineEndings("\n")));
            Assert.That(MplaneSessionSpecs.ErrorTag(unknown), Is.EqualTo("invalid-value"));
        }
    }
}
