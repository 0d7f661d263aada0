using System.Collections.Immutable;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using OranTestbed.Emulation.Mplane;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using NetconfRpcException = OranTestbed.Mplane.Session.NetconfRpcException;
using static OranTestbed.Emulation.Tests.Mplane.OduConfiguration;

namespace OranTestbed.Emulation.Tests.Mplane;

/// <summary>
/// NACM in the emulated O-RU (RFC 8341 with the O-RAN groups, CONF.0 §3.1.8.x): sessions of different users on one
/// server, each over a pipe with our NETCONF client. A group's forbidden write or operation is access-denied and changes
/// nothing; what it may not read is left out of its replies.
/// </summary>
[TestFixture]
public sealed class MplaneAccessControlSpecs
{
    private const string Admin = "admin";
    private const string Monitor = "monitor";
    private const string Manager = "manager";
    private const string Installer = "installer";

    private static readonly XNamespace Nc = NetconfNamespaces.Base;
    private static readonly XNamespace Pe = OranNamespaces.ProcessingElement;
    private static readonly XNamespace UpNs = Up;
    private static readonly XNamespace Acm = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

    private static readonly ImmutableDictionary<string, string> Accounts = new Dictionary<string, string>
    {
        [Admin] = NacmGroups.Sudo,
        [Monitor] = NacmGroups.FmPm,
        [Manager] = NacmGroups.Nms,
        [Installer] = NacmGroups.Swm,
    }.ToImmutableDictionary();

    private static readonly string ProcessingElement = $"<processing-elements xmlns=\"{Pe.NamespaceName}\">"
        + "<transport-session-type>ETH-INTERFACE</transport-session-type><ru-elements><name>pe0</name><transport-flow>"
        + "<interface-name>eth0</interface-name><eth-flow><ru-mac-address>02:00:00:00:00:01</ru-mac-address><vlan-id>100</vlan-id>"
        + "<o-du-mac-address>02:00:00:00:00:02</o-du-mac-address></eth-flow></transport-flow></ru-elements></processing-elements>";

    private readonly List<IAsyncDisposable> _open = [];
    private OruMplaneServer _server = null!;

    [SetUp]
    public void StartServer() => _server = OruHarness.Server(new FakeTimeProvider(), accounts: Accounts);

    [TearDown]
    public async Task StopServer()
    {
        foreach (var open in Enumerable.Reverse(_open))
        {
            await open.DisposeAsync();
        }

        _server.Dispose();
    }

    [Test]
    public async Task Fm_pm_user_creating_a_processing_element_must_get_access_denied_and_change_nothing()
    {
        var monitor = await OpenAsync(Monitor);
        var admin = await OpenAsync(Admin);
        string before = (await GetConfigAsync(admin)).ToString();

        var refusal = Refusal(() => monitor.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None));

        var after = await GetConfigAsync(admin);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Tag, Is.EqualTo("access-denied"));
            Assert.That(refusal.Type, Is.EqualTo("application"), "RFC 6241 Appendix A: data the user may not write");
            Assert.That(refusal.Path, Does.StartWith("/processing-elements"));
            Assert.That(refusal.Message, Does.Contain("fm-pm").And.Contain("o-ran-processing-element"));
            Assert.That(after.ToString(), Is.EqualTo(before), "running unchanged");
            Assert.That(after.Descendants(Pe + "ru-elements"), Is.Empty);
        }
    }

    [Test]
    public async Task Sudo_user_must_create_the_processing_element_beside_an_fm_pm_session()
    {
        var monitor = await OpenAsync(Monitor);
        var admin = await OpenAsync(Admin);
        Refusal(() => monitor.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None));

        var reply = await admin.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None);

        var running = await GetConfigAsync(monitor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Element(Nc + "ok"), Is.Not.Null, reply.ToString());
            Assert.That(running.Descendants(Pe + "ru-elements").Select(e => e.Element(Pe + "name")?.Value), Is.EqualTo((string[])["pe0"]),
                "the fm-pm user reads what sudo wrote");
        }
    }

    [Test]
    public async Task Fm_pm_user_must_read_the_o_ru_and_write_its_measurements_only()
    {
        var monitor = await OpenAsync(Monitor);

        var data = (await monitor.RpcAsync(new XElement(Nc + "get"), CancellationToken.None)).Element(Nc + "data")!;
        var measurements = await monitor.RpcAsync(EditRunning(Measurements(10, "RX_ON_TIME")), CancellationToken.None);
        var reset = Refusal(() => monitor.RpcAsync(WatchdogReset(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Element(UpNs + "user-plane-configuration"), Is.Not.Null, "o-ran-uplane-conf R--");
            Assert.That(data.Element(OranNamespaces.IetfHardware + "hardware")?.Descendants(OranNamespaces.IetfHardware + "serial-num"),
                Is.Not.Empty, "ietf-hardware read by default");
            Assert.That(data.Descendants().Where(e => e.Name.Namespace == OranNamespaces.Hardware), Is.Empty,
                "o-ran-hardware --- : its augmented leaves are left out, silently");
            Assert.That(data.Element(Acm + "nacm")?.Element(Acm + "groups"), Is.Not.Null, "ietf-netconf-acm R--");
            Assert.That(measurements.Element(Nc + "ok"), Is.Not.Null, "o-ran-performance-management RWX: " + measurements);
            Assert.That(reset.Tag, Is.EqualTo("access-denied"));
            Assert.That(reset.Type, Is.EqualTo("protocol"), "RFC 6241 Appendix A: an operation the user may not invoke");
        }
    }

    [Test]
    public async Task Nms_user_must_create_a_processing_element_but_not_edit_nacm()
    {
        var manager = await OpenAsync(Manager);

        var created = await manager.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None);
        var nacm = Refusal(() => manager.RpcAsync(EditRunning(
            $"<nacm xmlns=\"{Acm.NamespaceName}\"><groups><group><name>nms</name><user-name>intruder</user-name></group></groups></nacm>"),
            CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Element(Nc + "ok"), Is.Not.Null, "o-ran-processing-element RW- for nms: " + created);
            Assert.That(nacm.Tag, Is.EqualTo("access-denied"), "ietf-netconf-acm R-- for nms");
        }
    }

    [Test]
    public async Task Swm_user_must_see_the_software_inventory_but_not_the_radio_nor_write_it()
    {
        var admin = await OpenAsync(Admin);
        await admin.RpcAsync(EditRunning(UserPlane([0, 1], active: "INACTIVE")), CancellationToken.None);
        var installer = await OpenAsync(Installer);

        var data = (await installer.RpcAsync(new XElement(Nc + "get"), CancellationToken.None)).Element(Nc + "data")!;
        var write = Refusal(() => installer.RpcAsync(EditRunning(UserPlane([2, 3], active: "INACTIVE")), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Element(OranNamespaces.SoftwareManagement + "software-inventory"), Is.Not.Null, "o-ran-software-management RWX");
            Assert.That(data.Element(UpNs + "user-plane-configuration"), Is.Null, "o-ran-uplane-conf --- for swm");
            Assert.That(data.Element(OranNamespaces.IetfHardware + "hardware"), Is.Null, "ietf-hardware --- for swm");
            Assert.That(data.Element(OranNamespaces.Sync + "sync"), Is.Null, "o-ran-sync --- for swm");
            Assert.That(write.Tag, Is.EqualTo("access-denied"));
        }
    }

    [Test]
    public async Task User_without_an_account_must_read_but_not_write_nor_kill_sessions()
    {
        var admin = await OpenAsync(Admin);
        var stranger = await OpenAsync("stranger");

        var data = (await stranger.RpcAsync(new XElement(Nc + "get"), CancellationToken.None)).Element(Nc + "data")!;
        var write = Refusal(() => stranger.RpcAsync(EditRunning(Measurements(10, "RX_ON_TIME")), CancellationToken.None));
        var kill = Refusal(() => stranger.KillSessionAsync(admin.SessionId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Element(UpNs + "user-plane-configuration"), Is.Not.Null, "read-default permit");
            Assert.That(write.Tag, Is.EqualTo("access-denied"), "write-default deny");
            Assert.That(kill.Tag, Is.EqualTo("access-denied"), "kill-session is nacm:default-deny-all");
            Assert.That(kill.Type, Is.EqualTo("protocol"));
            Assert.That(admin.IsOpen, Is.True);
        }
    }

    [Test]
    public async Task Commit_of_candidate_changes_the_committer_may_not_write_must_be_access_denied()
    {
        var admin = await OpenAsync(Admin);
        var monitor = await OpenAsync(Monitor);
        await admin.RpcAsync(EditCandidate(ProcessingElement), CancellationToken.None);

        var commit = Refusal(() => monitor.RpcAsync(new XElement(Nc + "commit"), CancellationToken.None));
        var runningAfterRefusal = await GetConfigAsync(admin);
        var committed = await admin.RpcAsync(new XElement(Nc + "commit"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(commit.Tag, Is.EqualTo("access-denied"));
            Assert.That(runningAfterRefusal.Descendants(Pe + "ru-elements"), Is.Empty, "running unchanged");
            Assert.That(committed.Element(Nc + "ok"), Is.Not.Null, committed.ToString());
        }
    }

    [Test]
    public async Task Get_must_show_the_nacm_groups_with_their_users_and_count_the_denials()
    {
        var admin = await OpenAsync(Admin);
        var monitor = await OpenAsync(Monitor);
        Refusal(() => monitor.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None));
        Refusal(() => monitor.RpcAsync(WatchdogReset(), CancellationToken.None));

        var nacm = (await admin.RpcAsync(new XElement(Nc + "get"), CancellationToken.None)).Descendants(Acm + "nacm").Single();

        var groups = nacm.Element(Acm + "groups")!.Elements(Acm + "group")
            .ToDictionary(g => g.Element(Acm + "name")!.Value, g => g.Elements(Acm + "user-name").Select(u => u.Value).ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(groups.Keys, Is.EquivalentTo(NacmGroups.Known));
            Assert.That(groups[NacmGroups.Sudo], Is.EqualTo((string[])[Admin]));
            Assert.That(groups[NacmGroups.FmPm], Is.EqualTo((string[])[Monitor]));
            Assert.That(nacm.Element(Acm + "enable-nacm")?.Value, Is.EqualTo("true"));
            Assert.That(nacm.Element(Acm + "denied-data-writes")?.Value, Is.EqualTo("1"));
            Assert.That(nacm.Element(Acm + "denied-operations")?.Value, Is.EqualTo("1"));
            Assert.That(nacm.Elements(Acm + "rule-list").SelectMany(l => l.Elements(Acm + "rule")).Select(r => r.Element(Acm + "comment")?.Value),
                Does.Contain("fm-pm o-ran-uplane-conf R--"), "the rules say the privilege table");
        }
    }

    [Test]
    public async Task Fm_pm_user_must_get_the_carrier_notifications_but_not_the_config_changes()
    {
        var monitor = await OpenAsync(Monitor);
        var admin = await OpenAsync(Admin);
        await monitor.RpcAsync(Operation(Subscribe), CancellationToken.None);

        await admin.RpcAsync(EditRunning(UserPlane([0, 1])), CancellationToken.None);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await monitor.Notifications.ReadAsync(wait.Token);
        Assert.That(first.Name.LocalName, Is.EqualTo("tx-array-carriers-state-change"),
            "ietf-netconf-notifications --X for fm-pm: its netconf-config-change is withheld (RFC 8341 §3.4.6)");
    }

    [Test]
    public async Task Without_accounts_every_user_must_do_everything_as_before()
    {
        _server.Dispose();
        _server = OruHarness.Server(new FakeTimeProvider());
        var first = await OpenAsync(Monitor);
        var second = await OpenAsync("stranger");

        var created = await first.RpcAsync(EditRunning(ProcessingElement), CancellationToken.None);
        var data = (await second.RpcAsync(new XElement(Nc + "get"), CancellationToken.None)).Element(Nc + "data")!;
        var killed = await second.KillSessionAsync(first.SessionId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Element(Nc + "ok"), Is.Not.Null, created.ToString());
            Assert.That(killed.Element(Nc + "ok"), Is.Not.Null, killed.ToString());
            Assert.That(data.Element(Acm + "nacm"), Is.Null, "NACM off: no nacm tree");
            Assert.That(data.Descendants().Where(e => e.Name.Namespace == OranNamespaces.Hardware), Is.Not.Empty);
        }
    }

    private async Task<NetconfSession> OpenAsync(string user)
    {
        var (client, serverEnd) = PipeTransport.CreatePair($"oru-as-{user}");
        var serving = _server.ServeAsync(serverEnd, user);
        var session = await NetconfSession.OpenAsync(client, NetconfSessionOptions.Default with { RpcTimeout = TimeSpan.FromSeconds(10) },
            CancellationToken.None);
        _open.Add(new Served(session, serverEnd, serving));
        return session;
    }

    private static async Task<XElement> GetConfigAsync(NetconfSession session) =>
        (await session.RpcAsync(new XElement(Nc + "get-config", new XElement(Nc + "source", new XElement(Nc + "running"))),
            CancellationToken.None)).Element(Nc + "data")!;

    private static NetconfRpcError Refusal(Func<Task> rpc) =>
        Assert.ThrowsAsync<NetconfRpcException>(async () => await rpc())!.Errors.Single();

    private static XElement EditRunning(string config) =>
        new(Nc + "edit-config", new XElement(Nc + "target", new XElement(Nc + "running")), Operation($"<nc:config>{config}</nc:config>"));

    private static XElement EditCandidate(string config) => Operation(OduConfiguration.EditCandidate(config));

    private static XElement WatchdogReset() =>
        new(OranNamespaces.Supervision + "supervision-watchdog-reset",
            new XElement(OranNamespaces.Supervision + "supervision-notification-interval", 10));

    /// <summary>An operation written with the nc: prefix, as the other M-plane specs write them.</summary>
    private static XElement Operation(string xml) =>
        XElement.Parse($"<wrapper xmlns:nc=\"{Nc.NamespaceName}\">{xml}</wrapper>").Elements().Single();

    private sealed record Served(NetconfSession Session, PipeTransport ServerEnd, Task<SessionResult> Serving) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            await ServerEnd.DisposeAsync();
            await Serving.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
