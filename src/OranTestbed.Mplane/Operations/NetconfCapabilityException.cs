namespace OranTestbed.Mplane.Operations;

/// <summary>
/// An operation needs a capability the server did not advertise (an xpath filter without :xpath, the candidate
/// datastore without :candidate…). Raised before anything is sent, naming the peer, the operation and the capability,
/// so a test reports a missing feature rather than whatever rpc-error the server would invent.
/// </summary>
public sealed class NetconfCapabilityException : InvalidOperationException
{
    public NetconfCapabilityException()
    {
    }

    public NetconfCapabilityException(string message)
        : base(message)
    {
    }

    public NetconfCapabilityException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public NetconfCapabilityException(string peer, string operation, string capability)
        : base($"<{operation}> needs the {capability} capability, which {peer} did not advertise")
    {
        Peer = peer;
        Operation = operation;
        Capability = capability;
    }

    public string? Peer { get; }

    public string? Operation { get; }

    /// <summary>The missing capability's short name, e.g. <c>:xpath</c>.</summary>
    public string? Capability { get; }
}
