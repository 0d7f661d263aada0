using OranTestbed.Mplane.Session;
using OranTestbed.Mplane.Transport;
using OranTestbed.TestSupport.Peers;

namespace OranTestbed.Mplane.Tests.Interop;

/// <summary>Our whole client stack (SSH.NET transport and session) logged in to netconfd as one of its users.</summary>
internal static class NetconfdSessions
{
    public static async Task<NetconfSession> OpenAsync(NetconfdPeer peer, string user, CancellationToken cancellationToken)
    {
        var transport = await SshNetSubsystemTransport.ConnectAsync(new SshTransportOptions(
            new SshEndpoint(NetconfdPeer.Host, user, peer.Port),
            SshCredentials.PasswordFromEnvironment(peer.PasswordVariable),
            SshHostKeyPolicy.KnownHostsFile(peer.KnownHostsFile)), cancellationToken: cancellationToken);
        return await NetconfSession.OpenAsync(transport, NetconfSessionOptions.Default with { RpcTimeout = TimeSpan.FromSeconds(10) },
            cancellationToken);
    }
}
