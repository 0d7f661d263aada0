namespace OranTestbed.Capture.Files;

/// <summary>
/// A capture file that cannot be used, with the path and, for a broken record, where the file broke.
/// </summary>
public sealed class CaptureFileException : Exception
{
    public CaptureFileException()
        : this(CaptureFileErrorKind.ReadFailed, string.Empty, "capture file error")
    {
    }

    public CaptureFileException(string message)
        : this(CaptureFileErrorKind.ReadFailed, string.Empty, message)
    {
    }

    public CaptureFileException(string message, Exception innerException)
        : this(CaptureFileErrorKind.ReadFailed, string.Empty, message, innerException: innerException)
    {
    }

    public CaptureFileException(
        CaptureFileErrorKind kind,
        string path,
        string message,
        long? frameNumber = null,
        long? byteOffset = null,
        string? libpcapError = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Path = path;
        FrameNumber = frameNumber;
        ByteOffset = byteOffset;
        LibpcapError = libpcapError;
    }

    public CaptureFileErrorKind Kind { get; }

    /// <summary>The file that failed, as given by the caller.</summary>
    public string Path { get; }

    /// <summary>
    /// For <see cref="CaptureFileErrorKind.Truncated"/> and <see cref="CaptureFileErrorKind.Corrupt"/>: the 1-based
    /// number, counted over ALL records in the file (tshark's frame.number, whatever the filter), of the record that
    /// broke. Null when the file broke inside its own header.
    /// </summary>
    public long? FrameNumber { get; }

    /// <summary>For a broken file: the byte position where the broken record (or file header) starts.</summary>
    public long? ByteOffset { get; }

    /// <summary>libpcap's own error text, when it gave one.</summary>
    public string? LibpcapError { get; }
}
