using System.Collections.Immutable;
using System.Xml.Linq;

namespace OranTestbed.Mplane.Session;

/// <summary>
/// The server answered an RPC with at least one rpc-error of severity error. <see cref="Errors"/> holds all of them
/// (warnings too), typed; the message names the peer and the operation so a failed step explains itself in a report.
/// </summary>
public sealed class NetconfRpcException : Exception
{
    public NetconfRpcException()
    {
        Errors = [];
    }

    public NetconfRpcException(string message)
        : base(message)
    {
        Errors = [];
    }

    public NetconfRpcException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [];
    }

    public NetconfRpcException(string peer, string operation, ImmutableArray<NetconfRpcError> errors, XElement reply)
        : base($"{peer} refused <{operation}>: {string.Join("; ", errors)}")
    {
        Peer = peer;
        Operation = operation;
        Errors = errors;
        Reply = reply;
    }

    public string? Peer { get; }

    /// <summary>The operation's element name (e.g. <c>edit-config</c>).</summary>
    public string? Operation { get; }

    public ImmutableArray<NetconfRpcError> Errors { get; }

    /// <summary>The whole rpc-reply, for evidence.</summary>
    public XElement? Reply { get; }
}
