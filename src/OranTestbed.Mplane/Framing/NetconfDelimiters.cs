namespace OranTestbed.Mplane.Framing;

/// <summary>RFC 6242 §4.3 delimiters.</summary>
internal static class NetconfDelimiters
{
    public static ReadOnlySpan<byte> EndOfMessage => "]]>]]>"u8;

    public static ReadOnlySpan<byte> EndOfChunks => "\n##\n"u8;

    /// <summary>What may sit between end-of-message framed messages (peers add a newline).</summary>
    public static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;
}
