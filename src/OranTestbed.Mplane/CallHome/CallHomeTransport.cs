using System.Net;
using OranTestbed.Mplane.Transport;

namespace OranTestbed.Mplane.CallHome;

/// <summary>
/// A NETCONF session an O-RU opened by calling home: the SSH.NET subsystem transport running over the relay. Disposing
/// closes the SSH session, then the relay and the O-RU's TCP connection.
/// </summary>
public sealed class CallHomeTransport : INetconfTransport
{
    private readonly SshNetSubsystemTransport _ssh;
    private readonly CallHomeRelay _relay;

    internal CallHomeTransport(SshNetSubsystemTransport ssh, CallHomeRelay relay, IPEndPoint caller)
    {
        _ssh = ssh;
        _relay = relay;
        Caller = caller;
    }

    /// <summary>Where the call came from (the O-RU's address and source port).</summary>
    public IPEndPoint Caller { get; }

    public string Peer => _ssh.Peer;

    public Stream Input => _ssh.Input;

    public Stream Output => _ssh.Output;

    /// <summary>The host key the caller presented and how it was judged.</summary>
    public string HostKey => _ssh.HostKey;

    public async ValueTask DisposeAsync()
    {
        await _ssh.DisposeAsync().ConfigureAwait(false);
        await _relay.DisposeAsync().ConfigureAwait(false);
    }
}
