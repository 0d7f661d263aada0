using OranTestbed.Mplane.Conformance;
using OranTestbed.Mplane.Operations;
using OranTestbed.Mplane.Oran;
using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.Plans.Profiles;
using OranTestbed.TestSupport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Interop;

/// <summary>
/// The CONF.0 §3.1 checks against an independent NETCONF server, Debian's netconfd (yuma123) with the O-RAN modules:
/// retrieval builds its subtree filter in the server's own namespace and judges what a third-party server returns
/// (§3.1.4.1/.2), and access control measures netconfd's own NACM (RFC 8341 defaults: the non-superuser account reads
/// but may not create a processing element, §3.1.8).
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
[NonParallelizable]
public sealed class ConformanceChecksOnNetconfdSpecs : NetconfdFixture
{
    [Test]
    public async Task Retrieval_must_measure_netconfd_with_and_without_a_subtree_filter()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await Open(Peer.User, deadline.Token);

        var everything = await RetrievalCheck.RunAsync(session, null, deadline.Token);
        var interfaces = await RetrievalCheck.RunAsync(session, "interfaces/interface", deadline.Token);
        var absent = await RetrievalCheck.RunAsync(session, "no-such-container/child", deadline.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(everything.Values["retrieved-nodes"], Is.GreaterThanOrEqualTo(2m), "interfaces and netconf-state at least");
            Assert.That(interfaces.Values["filter-respected"], Is.EqualTo(1m));
            Assert.That(interfaces.Values["filtered-nodes"], Is.GreaterThanOrEqualTo(1m), "eth0 of netconfd's startup");
            Assert.That(absent.Values, Is.Empty);
            Assert.That(absent.Notes.Single(), Does.Contain("no top-level node 'no-such-container'"));
        }
    }

    [Test]
    public async Task Access_control_must_measure_netconfd_denying_a_write_to_its_restricted_account()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await Open(Peer.OperatorUser, deadline.Token);
        var profile = FronthaulProfileLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "testplans", "profiles", "n78-100mhz-tdd-bfp9-2644.yaml"));
        var configuration = new OduConfiguration(profile, 641280, 3_619_200_000, "eth0", ["tx-0"], ["rx-0"], "tx-array-0", "rx-array-0");

        var result = await AccessControlCheck.RunAsync(session, configuration, deadline.Token);
        var pe = OranNamespaces.ProcessingElement;
        await using var admin = await Open(Peer.User, deadline.Token);
        var running = await admin.GetConfigAsync(NetconfDatastore.Running, cancellationToken: deadline.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Values["read-allowed"], Is.EqualTo(1m));
            Assert.That(result.Values["write-accepted"], Is.EqualTo(0m));
            Assert.That(result.Values["write-denied"], Is.EqualTo(1m), string.Join("; ", result.Notes));
            Assert.That(running.Descendants(pe + "name").Select(n => n.Value), Does.Not.Contain(AccessControlCheck.ProbeElement));
        }
    }

    private Task<NetconfSession> Open(string user, CancellationToken cancellationToken) => NetconfdSessions.OpenAsync(Peer, user, cancellationToken);
}
