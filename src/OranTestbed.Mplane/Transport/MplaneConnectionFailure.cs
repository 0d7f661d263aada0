namespace OranTestbed.Mplane.Transport;

/// <summary>
/// Why a NETCONF transport could not be opened, so that callers (a test verdict, a retry policy, CONF.0 3.1.1.2 flow 2
/// "wrong credentials are rejected") branch on the kind instead of parsing messages.
/// </summary>
public enum MplaneConnectionFailure
{
    /// <summary>No TCP connection: refused, unreachable network, unknown host name.</summary>
    Unreachable,

    /// <summary>Nothing answered within the connect timeout.</summary>
    TimedOut,

    /// <summary>The server's host key is unknown, does not match the pinned one, or is revoked.</summary>
    HostKeyRejected,

    /// <summary>The server refused the credentials (user, password or key).</summary>
    AuthenticationFailed,

    /// <summary>Our side could not produce the credentials (environment variable unset, key file unreadable or its passphrase wrong).</summary>
    CredentialsUnavailable,

    /// <summary>SSH was up but the server refused the <c>netconf</c> subsystem.</summary>
    SubsystemRefused,

    /// <summary>Any other SSH failure (protocol error, connection dropped during the handshake).</summary>
    SshFailure,
}
