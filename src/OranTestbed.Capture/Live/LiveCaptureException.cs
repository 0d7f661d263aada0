namespace OranTestbed.Capture.Live;

/// <summary>A live interface that cannot be captured on (or sent through), with the reason and what is available.</summary>
public sealed class LiveCaptureException : Exception
{
    public LiveCaptureException()
        : this(LiveCaptureErrorKind.OpenFailed, string.Empty, null, "live capture error")
    {
    }

    public LiveCaptureException(string message)
        : this(LiveCaptureErrorKind.OpenFailed, string.Empty, null, message)
    {
    }

    public LiveCaptureException(string message, Exception innerException)
        : this(LiveCaptureErrorKind.OpenFailed, string.Empty, null, message, innerException: innerException)
    {
    }

    public LiveCaptureException(
        LiveCaptureErrorKind kind,
        string interfaceName,
        string? networkNamespace,
        string message,
        IReadOnlyList<string>? availableInterfaces = null,
        string? libpcapError = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Interface = interfaceName;
        NetworkNamespace = networkNamespace;
        AvailableInterfaces = availableInterfaces ?? [];
        LibpcapError = libpcapError;
    }

    public LiveCaptureErrorKind Kind { get; }

    public string Interface { get; }

    /// <summary>The namespace the interface was looked for in; null for the process's own.</summary>
    public string? NetworkNamespace { get; }

    /// <summary>For <see cref="LiveCaptureErrorKind.NoSuchInterface"/>: the interfaces libpcap can open there.</summary>
    public IReadOnlyList<string> AvailableInterfaces { get; }

    public string? LibpcapError { get; }
}
