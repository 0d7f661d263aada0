using System.Xml.Linq;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Transport;

/// <summary>
/// The NETCONF server dies under an open session (netconfd killed, sshd alive): both transports must end
/// <see cref="INetconfTransport.Input"/> instead of leaving a reader waiting forever. A peer of its own, as it is killed.
/// </summary>
[TestFixture]
[Category(PeerCategories.Netconf)]
public sealed class SshServerLossSpecs
{
    [Test]
    public async Task Ssh_transports_must_end_input_when_the_netconf_server_dies()
    {
        await using NetconfdPeer peer = await NetconfdPeer.StartAsync();
        var options = new SshTransportOptions(new SshEndpoint(NetconfdPeer.Host, peer.User, peer.Port),
            SshCredentials.PrivateKeyFile(peer.KeyFile), SshHostKeyPolicy.KnownHostsFile(peer.KnownHostsFile));
        using var deadline = new CancellationTokenSource(RawNetconf.Deadline);
        await using INetconfTransport sshNet = await SshNetSubsystemTransport.ConnectAsync(options, cancellationToken: deadline.Token);
        await using INetconfTransport openSsh = await OpenSshProcessTransport.ConnectAsync(options, cancellationToken: deadline.Token);
        using var overSshNet = new RawNetconf(sshNet);
        using var overOpenSsh = new RawNetconf(openSsh);
        await overSshNet.HelloAsync(deadline.Token);
        await overOpenSsh.HelloAsync(deadline.Token);

        await peer.KillNetconfdAsync();

        foreach ((string name, RawNetconf netconf) in new[] { ("SSH.NET", overSshNet), ("OpenSSH", overOpenSsh) })
        {
            XElement? next = null;
            try
            {
                next = await netconf.ReadAsync(deadline.Token);
            }
            catch (IOException)
            {
                // Ending with an error is as good as ending cleanly: the reader is not left waiting.
            }

            Assert.That(next, Is.Null, $"{name}: Input ends when the server dies (a hang would hit the spec's deadline instead)");
        }
    }
}
