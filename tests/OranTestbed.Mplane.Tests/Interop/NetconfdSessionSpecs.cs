using System.Xml.Linq;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Interop;

/// <summary>
/// Our whole client stack (SSH.NET transport, session, operations, read-back) against the independent server, yuma123
/// netconfd behind OpenSSH: the first RPC is answered (netconfd holds an RPC that reaches it in the same read as the
/// client hello), an edit through the candidate lands and reads back, and an edit lost by netconfd's validate-then-commit
/// quirk is caught by the read-back.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
public sealed class NetconfdSessionSpecs : NetconfdFixture
{
    private static readonly XNamespace Ifs = OranNamespaces.IetfInterfaces;

    private static readonly string[] LostInterface = ["/interfaces/interface[name='otb-lost']: missing from running"];

    [Test]
    public async Task Our_session_must_get_an_answer_to_its_first_rpc_and_land_an_edit_through_the_candidate()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await Open(deadline.Token);
        var edit = Interface("otb-landed");

        var before = await session.GetConfigAsync(NetconfDatastore.Running, cancellationToken: deadline.Token);
        await session.EditConfigAsync(NetconfDatastore.Candidate, edit, cancellationToken: deadline.Token);
        await session.CommitAsync(deadline.Token);
        var after = await session.GetConfigAsync(NetconfDatastore.Running, cancellationToken: deadline.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.ServerCapabilities.FindModule("o-ran-uplane-conf")?.Revision, Is.EqualTo("2024-12-23"));
            Assert.That(before.Descendants(Ifs + "name").Select(n => n.Value), Does.Contain("eth0"));
            Assert.That(ConfigReadBack.Differences(edit, after), Is.Empty);
        }
    }

    [Test]
    public async Task The_read_back_must_catch_the_edit_netconfd_loses_after_validate()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await Open(deadline.Token);
        var edit = Interface("otb-lost");

        await session.EditConfigAsync(NetconfDatastore.Candidate, edit, cancellationToken: deadline.Token);
        await session.ValidateAsync(NetconfDatastore.Candidate, deadline.Token);
        await session.CommitAsync(deadline.Token);
        var running = await session.GetConfigAsync(NetconfDatastore.Running, cancellationToken: deadline.Token);

        Assert.That(ConfigReadBack.Differences(edit, running),
            Is.EqualTo(LostInterface),
            "netconfd 2.13 answers ok to this commit and changes nothing (mplane.md §1.5-2); if this fails the quirk is gone");
    }

    private Task<NetconfSession> Open(CancellationToken cancellationToken) => NetconfdSessions.OpenAsync(Peer, Peer.User, cancellationToken);

    private static XElement Interface(string name) => new(XName.Get("config", "urn:ietf:params:xml:ns:netconf:base:1.0"),
        new XElement(Ifs + "interfaces",
            new XElement(Ifs + "interface",
                new XElement(Ifs + "name", name),
                new XElement(Ifs + "type", new XAttribute(XNamespace.Xmlns + "ianaift", "urn:ietf:params:xml:ns:yang:iana-if-type"),
                    "ianaift:ethernetCsmacd"))));
}
