namespace OranTestbed.Mplane.Session;

/// <summary>
/// The peer did not answer in time: no hello, or no rpc-reply within the RPC's limit. Names the peer, the operation
/// and the limit. After an RPC timeout the session stays open; a reply arriving later is dropped (and traced).
/// </summary>
public sealed class NetconfTimeoutException : TimeoutException
{
    public NetconfTimeoutException()
    {
    }

    public NetconfTimeoutException(string message)
        : base(message)
    {
    }

    public NetconfTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public NetconfTimeoutException(string peer, string operation, TimeSpan limit)
        : base($"{peer} did not answer <{operation}> within {limit.TotalSeconds:0.###} s")
    {
        Peer = peer;
        Operation = operation;
        Limit = limit;
    }

    public string? Peer { get; }

    /// <summary>The operation's element name, or <c>hello</c>.</summary>
    public string? Operation { get; }

    public TimeSpan Limit { get; }
}
