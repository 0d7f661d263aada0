namespace OranTestbed.Mplane.Transport;

/// <summary>
/// The one exception every NETCONF transport (SSH.NET, OpenSSH process, call home) throws when it cannot open: the
/// <see cref="Failure"/> kind and a message naming the peer (<c>user@host:port</c>) and what was presented (a host key
/// fingerprint), never a secret — the message reaches logs and test reports. The SSH library's own exception, if any,
/// is the inner exception.
/// </summary>
public sealed class MplaneConnectionException : Exception
{
    public MplaneConnectionException()
        : this(MplaneConnectionFailure.SshFailure, "(unknown peer)", "the NETCONF transport could not be opened")
    {
    }

    public MplaneConnectionException(string message)
        : this(MplaneConnectionFailure.SshFailure, "(unknown peer)", message)
    {
    }

    public MplaneConnectionException(string message, Exception innerException)
        : this(MplaneConnectionFailure.SshFailure, "(unknown peer)", message, innerException)
    {
    }

    public MplaneConnectionException(MplaneConnectionFailure failure, string peer, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Peer = peer;
    }

    public MplaneConnectionFailure Failure { get; }

    /// <summary>Whom we tried to reach, <c>user@host:port</c>.</summary>
    public string Peer { get; }
}
