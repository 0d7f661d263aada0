namespace OranTestbed.Mplane.Framing;

/// <summary>
/// The peer broke RFC 6242 framing (a bad chunk header, a message past the size limit, the stream ending inside a
/// message). RFC 6242 §4.2: the session must be closed; the message says what was wrong and at which byte.
/// </summary>
public sealed class NetconfFramingException : IOException
{
    public NetconfFramingException()
    {
    }

    public NetconfFramingException(string message)
        : base(message)
    {
    }

    public NetconfFramingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
