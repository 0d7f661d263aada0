namespace OranTestbed.Emulation.Mplane;

/// <summary>Why a NETCONF server session ended (the CLI maps it to an exit code).</summary>
public enum SessionEnd
{
    /// <summary>The client sent close-session.</summary>
    Closed,

    /// <summary>The client's stream ended between messages (the SSH channel closed).</summary>
    PeerGone,

    /// <summary>Another session sent kill-session for it, or the server stopped.</summary>
    Killed,

    /// <summary>The supervision watchdog expired: the O-RU deactivated its carriers and closed the session.</summary>
    SupervisionFailure,

    /// <summary>The client broke NETCONF: bad framing, no or an unusable hello (RFC 6242 §4.2: the session is closed).</summary>
    ProtocolError,
}
