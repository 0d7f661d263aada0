namespace OranTestbed.Mplane.Session;

/// <summary>
/// The peer as the session names it in messages, logs and traces. <see cref="Transport.INetconfTransport.Peer"/> must
/// never hold a secret, but a URI-style <c>user:password@host</c> would put one into evidence files: the part after
/// the colon is masked whatever the transport says.
/// </summary>
internal static class NetconfPeerName
{
    public static string Redact(string peer)
    {
        int at = peer.LastIndexOf('@');
        if (at < 0)
        {
            return peer;
        }

        int colon = peer.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < at ? string.Concat(peer.AsSpan(0, colon), ":***", peer.AsSpan(at)) : peer;
    }
}
