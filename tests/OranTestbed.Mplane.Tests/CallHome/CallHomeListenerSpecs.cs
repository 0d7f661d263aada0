using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using OranTestbed.Mplane.CallHome;
using OranTestbed.Mplane.Tests.Transport;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.CallHome;

/// <summary>
/// RFC 8071 call home against the real peer: socat plays the O-RU that dials the controller and splices the call to
/// its sshd (shared/reference/mplane.md §1.4), and the listener must get a working NETCONF session over it.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
public sealed class CallHomeListenerSpecs
{
    private NetconfdPeer _peer = null!;

    [OneTimeSetUp]
    public async Task StartPeer()
    {
        if (!MissingPeer.OnPath("socat"))
        {
            MissingPeer.Report("socat is not installed (it plays the O-RU that calls home)", NetconfdPeer.Setup);
        }

        _peer = await NetconfdPeer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopPeer()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }

    private CallHomeOptions Options(int identityPort) =>
        new(_peer.User, SshCredentials.PasswordFromEnvironment(_peer.PasswordVariable), SshHostKeyPolicy.KnownHostsFile(_peer.KnownHostsFile))
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            IdentityPort = identityPort,
        };

    [Test]
    public async Task CallHomeListener_must_give_a_working_netconf_session_when_the_o_ru_calls_home()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var listener = CallHomeListener.Start(Options(identityPort: _peer.Port));
        using Process oru = StartSocat(listener.LocalEndPoint.Port);

        await using (CallHomeTransport transport = await listener.AcceptAsync(TimeSpan.FromSeconds(20), deadline.Token))
        {
            using var netconf = new RawNetconf(transport);
            await netconf.HelloAsync(deadline.Token);
            XElement reply = await netconf.RpcAsync(RawNetconf.GetRunningInterfaces, deadline.Token);

            Assert.That(netconf.ServerCapabilities, Has.Some.Contains("module=o-ran-uplane-conf"));
            Assert.That(reply.Descendants(RawNetconf.Interfaces + "name").Select(n => n.Value), Does.Contain("eth0"));
            Assert.That(transport.HostKey, Does.Contain($"[127.0.0.1]:{_peer.Port}"), "checked under the O-RU's identity, not the relay port");
            Assert.That(transport.Peer, Does.Contain("call home from 127.0.0.1:"));
        }

        await oru.WaitForExitAsync(deadline.Token);
        Assert.That(oru.ExitCode, Is.Zero, "socat (the O-RU) saw its session end cleanly");
    }

    [Test]
    public async Task CallHomeListener_must_refuse_a_caller_whose_host_key_is_unknown_under_its_identity()
    {
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using var listener = CallHomeListener.Start(Options(identityPort: SshEndpoint.NetconfPort));
        using Process oru = StartSocat(listener.LocalEndPoint.Port);

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() => listener.AcceptAsync(TimeSpan.FromSeconds(20), deadline.Token));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.HostKeyRejected), e.Message);
        Assert.That(e.Message, Does.Contain("[127.0.0.1]:830").And.Contain(_peer.HostKeyFingerprint));
        await oru.WaitForExitAsync(deadline.Token);
    }

    [Test]
    public async Task CallHomeListener_must_time_out_when_nobody_calls()
    {
        await using var listener = CallHomeListener.Start(Options(identityPort: _peer.Port));

        var e = Assert.ThrowsAsync<MplaneConnectionException>(() => listener.AcceptAsync(TimeSpan.FromMilliseconds(200)));

        Assert.That(e.Failure, Is.EqualTo(MplaneConnectionFailure.TimedOut));
        Assert.That(e.Message, Does.Contain(listener.LocalEndPoint.ToString()));
    }

    /// <summary>The "O-RU": dials the listener and splices the call to the peer's sshd.</summary>
    private Process StartSocat(int listenerPort)
    {
        var psi = new ProcessStartInfo("socat") { RedirectStandardError = true };
        psi.ArgumentList.Add("TCP:127.0.0.1:" + listenerPort.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add("TCP:127.0.0.1:" + _peer.Port.ToString(CultureInfo.InvariantCulture));
        return Process.Start(psi)!;
    }
}
