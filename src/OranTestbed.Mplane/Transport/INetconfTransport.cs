namespace OranTestbed.Mplane.Transport;

/// <summary>
/// A byte stream to a NETCONF peer: the <c>netconf</c> subsystem of an SSH session (SSH.NET, or an OpenSSH <c>ssh -s</c>
/// process), a call-home connection, or a pipe to an in-process emulator. Framing and XML live above it
/// (<see cref="Framing.NetconfMessageReader"/>, <see cref="Framing.NetconfMessageWriter"/>). Disposing closes both
/// directions; <see cref="Input"/> then ends (a read returns 0).
/// </summary>
public interface INetconfTransport : IAsyncDisposable
{
    /// <summary>What the transport reaches, for messages and traces (e.g. <c>ncadmin@127.0.0.1:830</c>); never a secret.</summary>
    string Peer { get; }

    /// <summary>Bytes from the peer.</summary>
    Stream Input { get; }

    /// <summary>Bytes to the peer.</summary>
    Stream Output { get; }
}
