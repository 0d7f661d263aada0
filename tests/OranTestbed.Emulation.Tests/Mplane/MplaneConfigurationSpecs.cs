using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using static OranTestbed.Emulation.Tests.Mplane.NetconfTestClient;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>
/// Configurability (CONF 3.1.10.1/.2) and the O-DU start-up sequence against the emulated O-RU: edit the candidate,
/// validate, commit, carriers BUSY then READY with their notifications; the O-RU's semantic checks; locks.
/// </summary>
[TestFixture]
public sealed class MplaneConfigurationSpecs
{
    private static readonly XNamespace UpNs = Up;

    [Test]
    public async Task Emulator_must_activate_committed_carriers_and_notify_config_change_then_busy_then_ready()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(Subscribe);
        var edit = await client.RpcAsync(EditCandidate(UserPlane([0, 1, 2, 3])));
        var validate = await client.RpcAsync(Validate);
        var commit = await client.RpcAsync(Commit);
        var configChange = await client.NextNotificationAsync();
        var txBusy = await client.NextNotificationAsync();
        var rxBusy = await client.NextNotificationAsync();
        var busyState = server.StateOf(new CarrierKey(true, "txcc0"));
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        var txReady = await client.NextNotificationAsync();
        var rxReady = await client.NextNotificationAsync();
        var state = (await client.RpcAsync("<nc:get><nc:filter>"
            + $"<user-plane-configuration xmlns=\"{Up}\"><tx-array-carriers><state/></tx-array-carriers></user-plane-configuration>"
            + "</nc:filter></nc:get>")).Descendants(UpNs + "state").Single().Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(edit.Element(Nc + "ok"), Is.Not.Null, edit.ToString());
            Assert.That(validate.Element(Nc + "ok"), Is.Not.Null, validate.ToString());
            Assert.That(commit.Element(Nc + "ok"), Is.Not.Null, commit.ToString());
            Assert.That(configChange?.Name.LocalName, Is.EqualTo("netconf-config-change"));
            Assert.That(configChange?.Descendants().Where(e => e.Name.LocalName == "target").Select(t => t.Value),
                Is.EqualTo((string[])["/m:user-plane-configuration"]));
            Assert.That(CarrierChange(txBusy), Is.EqualTo(("tx-array-carriers-state-change", "txcc0", "BUSY")));
            Assert.That(CarrierChange(rxBusy), Is.EqualTo(("rx-array-carriers-state-change", "rxcc0", "BUSY")));
            Assert.That(busyState, Is.EqualTo(CarrierState.Busy));
            Assert.That(CarrierChange(txReady), Is.EqualTo(("tx-array-carriers-state-change", "txcc0", "READY")));
            Assert.That(CarrierChange(rxReady), Is.EqualTo(("rx-array-carriers-state-change", "rxcc0", "READY")));
            Assert.That(state, Is.EqualTo("READY"));
        }
    }

    [Test]
    public async Task Emulator_must_accept_the_o_du_start_up_payload_of_interface_processing_element_and_pm()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        const string Interface = "<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"><interface><name>eth0.100</name>"
            + "<type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:l2vlan</type><enabled>true</enabled>"
            + "<base-interface xmlns=\"urn:o-ran:interfaces:1.0\">eth0</base-interface><vlan-id xmlns=\"urn:o-ran:interfaces:1.0\">100</vlan-id>"
            + "<mac-address xmlns=\"urn:o-ran:interfaces:1.0\">02:00:00:00:00:01</mac-address></interface></interfaces>";
        const string ProcessingElements = "<processing-elements xmlns=\"urn:o-ran:processing-element:1.0\">"
            + "<transport-session-type>ETH-INTERFACE</transport-session-type><ru-elements><name>pe0</name><transport-flow>"
            + "<interface-name>eth0.100</interface-name><eth-flow><ru-mac-address>02:00:00:00:00:01</ru-mac-address><vlan-id>100</vlan-id>"
            + "<o-du-mac-address>02:00:00:00:00:02</o-du-mac-address></eth-flow></transport-flow></ru-elements></processing-elements>";
        var edit = await client.RpcAsync(EditCandidate(Interface + ProcessingElements + UserPlane([0, 1]) + Measurements(10, "RX_ON_TIME")));
        var commit = await client.RpcAsync(Commit);
        var type = (await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>"))
            .Descendants(XName.Get("type", "urn:ietf:params:xml:ns:yang:ietf-interfaces")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(edit.Element(Nc + "ok"), Is.Not.Null, edit.ToString());
            Assert.That(commit.Element(Nc + "ok"), Is.Not.Null, commit.ToString());
            Assert.That(type.GetNamespaceOfPrefix("ianaift")?.NamespaceName, Is.EqualTo("urn:ietf:params:xml:ns:yang:iana-if-type"),
                "an identityref keeps its prefix");
        }
    }

    [Test]
    public async Task Emulator_must_disable_a_carrier_set_inactive()
    {
        var time = new FakeTimeProvider();
        using var server = OruHarness.Server(time);
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([0])));
        await client.RpcAsync(Commit);
        time.Advance(MplaneServerOptions.DefaultReadyDelay);
        await client.RpcAsync(EditCandidate($"<user-plane-configuration xmlns=\"{Up}\">{Carrier("tx-array-carriers", "txcc0", "INACTIVE")}"
            + "</user-plane-configuration>"));
        await client.RpcAsync(Commit);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Disabled));
            Assert.That(server.StateOf(new CarrierKey(false, "rxcc0")), Is.EqualTo(CarrierState.Ready));
        }
    }

    [Test]
    public async Task Emulator_must_reject_duplicate_eaxc_ids_on_commit()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var edit = await client.RpcAsync(EditCandidate(UserPlane([5, 6, 5])));
        var validate = await client.RpcAsync(Validate);
        var commit = await client.RpcAsync(Commit);
        var running = await client.RpcAsync("<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(edit.Element(Nc + "ok"), Is.Not.Null, "the candidate may hold it until validate/commit");
            Assert.That(MplaneSessionSpecs.ErrorTag(validate), Is.EqualTo("invalid-value"));
            Assert.That(MplaneSessionSpecs.ErrorTag(commit), Is.EqualTo("invalid-value"));
            Assert.That(commit.Descendants(Nc + "error-message").Single().Value, Does.Contain("eaxc-id 5"));
            Assert.That(commit.Descendants(Nc + "error-path").Single().Value,
                Is.EqualTo("/user-plane-configuration/low-level-tx-endpoints[name='tx-ep-2']/e-axcid/eaxc-id"));
            Assert.That(running.Element(Nc + "data")!.HasElements, Is.False, "nothing of a refused commit is running");
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.Null);
        }
    }

    [Test]
    public async Task Emulator_must_accept_the_same_eaxc_id_on_a_tx_and_an_rx_endpoint()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([7])));
        var commit = await client.RpcAsync(Commit);
        Assert.That(commit.Element(Nc + "ok"), Is.Not.Null, commit.ToString());
    }

    [TestCase("BLOCK_FLOATING_POINT", 11)]
    [TestCase("U_LAW", 8)]
    [TestCase("MODULATION", 4)]
    public async Task Emulator_must_reject_compression_it_does_not_support_on_commit(string method, int bitwidth)
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1], method: method, bitwidth: bitwidth)));
        var commit = await client.RpcAsync(Commit);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MplaneSessionSpecs.ErrorTag(commit), Is.EqualTo("invalid-value"), commit.ToString());
            Assert.That(commit.Descendants(Nc + "error-message").Single().Value, Does.Contain($"{method}/{bitwidth}"));
        }
    }

    [Test]
    public async Task Emulator_must_reject_an_unknown_element_in_an_oran_namespace()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync(EditCandidate(
            $"<user-plane-configuration xmlns=\"{Up}\"><low-level-tx-endpoints><name>a</name><eaxc-idd>3</eaxc-idd>"
            + "</low-level-tx-endpoints></user-plane-configuration>"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MplaneSessionSpecs.ErrorTag(reply), Is.EqualTo("unknown-element"), reply.ToString());
            Assert.That(reply.Descendants(Nc + "error-type").Single().Value, Is.EqualTo("application"));
            Assert.That(reply.Descendants(Nc + "bad-element").Single().Value, Is.EqualTo("eaxc-idd"));
            Assert.That(reply.Descendants(Nc + "error-path").Single().Value,
                Is.EqualTo("/user-plane-configuration/low-level-tx-endpoints[name='a']/eaxc-idd"));
        }
    }

    [Test]
    public async Task Emulator_must_reject_configuration_in_a_namespace_it_does_not_serve()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync(EditCandidate("<fan-tray xmlns=\"urn:example:vendor-fans\"><speed>3</speed></fan-tray>"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MplaneSessionSpecs.ErrorTag(reply), Is.EqualTo("unknown-namespace"), reply.ToString());
            Assert.That(reply.Descendants(Nc + "bad-namespace").Single().Value, Is.EqualTo("urn:example:vendor-fans"));
        }
    }

    [Test]
    public async Task Emulator_must_reject_a_write_to_a_carriers_read_only_state()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var reply = await client.RpcAsync(EditCandidate(
            $"<user-plane-configuration xmlns=\"{Up}\"><tx-array-carriers><name>c</name><state>READY</state></tx-array-carriers>"
            + "</user-plane-configuration>"));
        Assert.That(MplaneSessionSpecs.ErrorTag(reply), Is.EqualTo("invalid-value"), reply.ToString());
    }

    [Test]
    public async Task Emulator_must_apply_create_delete_and_remove_as_rfc_6241_says()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        string Entry(string op, string name) => EditCandidate($"<user-plane-configuration xmlns=\"{Up}\">"
            + $"<low-level-tx-endpoints nc:operation=\"{op}\"><name>{name}</name></low-level-tx-endpoints></user-plane-configuration>");
        var create = await client.RpcAsync(Entry("create", "a"));
        var createAgain = await client.RpcAsync(Entry("create", "a"));
        var delete = await client.RpcAsync(Entry("delete", "a"));
        var deleteAgain = await client.RpcAsync(Entry("delete", "a"));
        var remove = await client.RpcAsync(Entry("remove", "a"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(create.Element(Nc + "ok"), Is.Not.Null, create.ToString());
            Assert.That(MplaneSessionSpecs.ErrorTag(createAgain), Is.EqualTo("data-exists"));
            Assert.That(delete.Element(Nc + "ok"), Is.Not.Null, delete.ToString());
            Assert.That(MplaneSessionSpecs.ErrorTag(deleteAgain), Is.EqualTo("data-missing"));
            Assert.That(remove.Element(Nc + "ok"), Is.Not.Null, remove.ToString());
        }
    }

    [Test]
    public async Task Emulator_must_replace_a_list_entry_and_merge_leaves_into_another()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1, 2])));
        await client.RpcAsync(EditCandidate($"<user-plane-configuration xmlns=\"{Up}\">"
            + "<low-level-tx-endpoints nc:operation=\"replace\"><name>tx-ep-0</name><cp-length>100</cp-length></low-level-tx-endpoints>"
            + "<low-level-tx-endpoints><name>tx-ep-1</name><cp-length>200</cp-length></low-level-tx-endpoints></user-plane-configuration>"));
        var candidate = (await client.RpcAsync("<nc:get-config><nc:source><nc:candidate/></nc:source></nc:get-config>"))
            .Descendants(UpNs + "low-level-tx-endpoints").ToDictionary(e => e.Element(UpNs + "name")!.Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(candidate["tx-ep-0"].Elements().Select(e => e.Name.LocalName), Is.EqualTo((string[])["name", "cp-length"]));
            Assert.That(candidate["tx-ep-1"].Element(UpNs + "cp-length")?.Value, Is.EqualTo("200"));
            Assert.That(candidate["tx-ep-1"].Element(UpNs + "e-axcid"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Emulator_must_forget_candidate_edits_on_discard_changes()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        await client.RpcAsync(EditCandidate(UserPlane([1])));
        await client.RpcAsync("<nc:discard-changes/>");
        var candidate = await client.RpcAsync("<nc:get-config><nc:source><nc:candidate/></nc:source></nc:get-config>");
        Assert.That(candidate.Element(Nc + "data")!.HasElements, Is.False);
    }

    [Test]
    public async Task Emulator_must_deny_a_lock_another_session_holds_and_refuse_its_edits()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var owner = await NetconfTestClient.ConnectAsync(server);
        await using var other = await NetconfTestClient.ConnectAsync(server);
        var locked = await owner.RpcAsync("<nc:lock><nc:target><nc:candidate/></nc:target></nc:lock>");
        var denied = await other.RpcAsync("<nc:lock><nc:target><nc:candidate/></nc:target></nc:lock>");
        var edit = await other.RpcAsync(EditCandidate(UserPlane([1])));
        var unlockOther = await other.RpcAsync("<nc:unlock><nc:target><nc:candidate/></nc:target></nc:unlock>");
        var unlock = await owner.RpcAsync("<nc:unlock><nc:target><nc:candidate/></nc:target></nc:unlock>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked.Element(Nc + "ok"), Is.Not.Null);
            Assert.That(MplaneSessionSpecs.ErrorTag(denied), Is.EqualTo("lock-denied"));
            Assert.That(denied.Descendants(Nc + "error-type").Single().Value, Is.EqualTo("protocol"));
            Assert.That(denied.Descendants(Nc + "session-id").Single().Value, Is.EqualTo(owner.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(MplaneSessionSpecs.ErrorTag(edit), Is.EqualTo("in-use"));
            Assert.That(MplaneSessionSpecs.ErrorTag(unlockOther), Is.EqualTo("operation-failed"));
            Assert.That(unlock.Element(Nc + "ok"), Is.Not.Null);
        }
    }

    [Test]
    public async Task Emulator_must_apply_an_edit_of_running_at_once_with_its_checks()
    {
        using var server = OruHarness.Server(new FakeTimeProvider());
        await using var client = await NetconfTestClient.ConnectAsync(server);
        var bad = await client.RpcAsync(EditCandidate(UserPlane([1, 1])).Replace("<nc:candidate/>", "<nc:running/>", StringComparison.Ordinal));
        var good = await client.RpcAsync(EditCandidate(UserPlane([1, 2])).Replace("<nc:candidate/>", "<nc:running/>", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MplaneSessionSpecs.ErrorTag(bad), Is.EqualTo("invalid-value"));
            Assert.That(good.Element(Nc + "ok"), Is.Not.Null, good.ToString());
            Assert.That(server.StateOf(new CarrierKey(true, "txcc0")), Is.EqualTo(CarrierState.Busy));
        }
    }

    private static (string, string, string) CarrierChange(XElement? notification) =>
        (notification?.Name.LocalName ?? "(none)",
            notification?.Descendants(UpNs + "name").Single().Value ?? "",
            notification?.Descendants(UpNs + "state").Single().Value ?? "");
}
