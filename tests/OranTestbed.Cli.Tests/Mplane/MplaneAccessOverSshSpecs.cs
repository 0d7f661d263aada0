using System.Xml.Linq;
using OranTestbed.Cli.Tests.Support;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Cli.Tests.Mplane;

/// <summary>
/// NACM of the emulated O-RU over real SSH (CONF.0 §3.1.8.x): sshd's Subsystem line passes
/// <c>--account ADMIN=sudo --account OPERATOR=fm-pm</c>, each SSH session's emulator runs as its SSH user, and that user's
/// group decides. The operator (fm-pm) may not create a processing-element; the admin (sudo) may.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
[NonParallelizable]
public sealed class MplaneAccessOverSshSpecs
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;
    private static readonly XNamespace Pe = OranNamespaces.ProcessingElement;
    private static readonly XNamespace Acm = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

    private EmulatedOruPeer _oru = null!;

    [OneTimeSetUp]
    public async Task StartPeer() => _oru = await EmulatedOruPeer.StartAsync(CliProcess.Program, operatorGroup: "fm-pm");

    [OneTimeTearDown]
    public async Task StopPeer()
    {
        if (_oru is not null)
        {
            await _oru.DisposeAsync();
        }
    }

    [Test]
    public async Task Fm_pm_operator_must_be_refused_a_processing_element_the_sudo_admin_may_create_over_ssh()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var operatorTarget = new MplaneTarget(EmulatedOruPeer.Host, _oru.Port, _oru.OperatorUser)
        {
            PasswordVariable = _oru.PasswordVariable,
            KnownHostsFile = _oru.KnownHostsFile,
        };
        var adminTarget = new MplaneTarget(EmulatedOruPeer.Host, _oru.Port, _oru.User) { KeyFile = _oru.KeyFile, KnownHostsFile = _oru.KnownHostsFile };

        NetconfRpcError refusal;
        XElement operatorView;
        await using (var transport = await operatorTarget.ConnectAsync(null, deadline.Token))
        await using (var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default, deadline.Token))
        {
            refusal = Assert.ThrowsAsync<NetconfRpcException>(() => session.RpcAsync(CreateProcessingElement(), deadline.Token))!.Errors.Single();
            operatorView = (await session.RpcAsync(new XElement(Nc + "get"), deadline.Token)).Element(Nc + "data")!;
        }

        XElement accepted;
        XElement running;
        await using (var transport = await adminTarget.ConnectAsync(null, deadline.Token))
        await using (var session = await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default, deadline.Token))
        {
            accepted = await session.RpcAsync(CreateProcessingElement(), deadline.Token);
            running = (await session.RpcAsync(new XElement(Nc + "get-config", new XElement(Nc + "source", new XElement(Nc + "running"))),
                deadline.Token)).Element(Nc + "data")!;
        }

        var fmPm = operatorView.Descendants(Acm + "group").Single(g => g.Element(Acm + "name")?.Value == "fm-pm");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Tag, Is.EqualTo("access-denied"));
            Assert.That(refusal.Type, Is.EqualTo("application"));
            Assert.That(refusal.Message, Does.Contain(_oru.OperatorUser), "the session is the SSH user's");
            Assert.That(fmPm.Elements(Acm + "user-name").Select(u => u.Value), Is.EqualTo((string[])[_oru.OperatorUser]));
            Assert.That(operatorView.Element(OranNamespaces.UplaneConf + "user-plane-configuration"), Is.Not.Null, "fm-pm reads");
            Assert.That(accepted.Element(Nc + "ok"), Is.Not.Null, accepted.ToString());
            Assert.That(running.Descendants(Pe + "ru-elements").Select(e => e.Element(Pe + "name")?.Value), Is.EqualTo((string[])["pe0"]));
        }
    }

    private static XElement CreateProcessingElement() =>
        new(Nc + "edit-config",
            new XElement(Nc + "target", new XElement(Nc + "running")),
            new XElement(Nc + "config",
                new XElement(Pe + "processing-elements",
                    new XElement(Pe + "transport-session-type", "ETH-INTERFACE"),
                    new XElement(Pe + "ru-elements",
                        new XAttribute(Nc + "operation", "create"),
                        new XElement(Pe + "name", "pe0"),
                        new XElement(Pe + "transport-flow",
                            new XElement(Pe + "interface-name", "eth0"),
                            new XElement(Pe + "eth-flow",
                                new XElement(Pe + "ru-mac-address", "02:00:00:00:00:01"),
                                new XElement(Pe + "vlan-id", 100),
                                new XElement(Pe + "o-du-mac-address", "02:00:00:00:00:02")))))));
}
