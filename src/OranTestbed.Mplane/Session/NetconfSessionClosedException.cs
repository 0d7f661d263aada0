using System.Collections.Immutable;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// The session ended while (or before) an RPC was waiting: the connection dropped, the peer broke framing or sent
/// something that is not NETCONF, or the client closed it. Every RPC outstanding at that moment fails with this,
/// naming the peer, why it ended and which RPCs were left unanswered; <see cref="Exception.InnerException"/> holds the
/// cause when there was one.
/// </summary>
public sealed class NetconfSessionClosedException : IOException
{
    public NetconfSessionClosedException()
    {
        Outstanding = [];
    }

    public NetconfSessionClosedException(string message)
        : base(message)
    {
        Outstanding = [];
    }

    public NetconfSessionClosedException(string message, Exception inner)
        : base(message, inner)
    {
        Outstanding = [];
    }

    public NetconfSessionClosedException(string peer, string reason, ImmutableArray<string> outstanding, Exception? cause)
        : base(Describe(peer, reason, outstanding, cause), cause)
    {
        Peer = peer;
        Reason = reason;
        Outstanding = outstanding;
    }

    public string? Peer { get; }

    public string? Reason { get; }

    /// <summary>The RPCs that were waiting for a reply, e.g. <c>rpc 7 (get-config)</c>.</summary>
    public ImmutableArray<string> Outstanding { get; }

    private static string Describe(string peer, string reason, ImmutableArray<string> outstanding, Exception? cause) =>
        $"NETCONF session with {peer} closed: {reason}"
        + (cause is null ? "" : $" ({cause.Message})")
        + (outstanding.IsEmpty ? "" : $"; unanswered: {string.Join(", ", outstanding)}");
}
