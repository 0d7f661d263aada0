namespace OranTestbed.Mplane.Framing;

/// <summary>
/// How NETCONF messages are delimited on the SSH channel (RFC 6242 §4): end-of-message (<c>]]&gt;]]&gt;</c>, base:1.0,
/// and always for <c>&lt;hello&gt;</c>) or chunked (base:1.1, once both hellos advertise it).
/// </summary>
public enum NetconfFraming
{
    EndOfMessage,
    Chunked,
}
