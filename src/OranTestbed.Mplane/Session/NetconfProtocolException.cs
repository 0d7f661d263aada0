namespace OranTestbed.Mplane.Session;

/// <summary>
/// The peer sent something that is not acceptable NETCONF: a hello without session-id or without a common base
/// capability, a message that is not well-formed XML, a DTD or entity declaration. The session is closed.
/// </summary>
public sealed class NetconfProtocolException : IOException
{
    public NetconfProtocolException()
    {
    }

    public NetconfProtocolException(string message)
        : base(message)
    {
    }

    public NetconfProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
