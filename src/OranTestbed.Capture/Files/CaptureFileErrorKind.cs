namespace OranTestbed.Capture.Files;

/// <summary>Why a capture file could not be opened, read or written.</summary>
public enum CaptureFileErrorKind
{
    /// <summary>No file at the path (or, for a writer, the folder does not exist).</summary>
    Missing = 1,

    /// <summary>The path names a directory, not a file.</summary>
    NotAFile,

    /// <summary>The file has zero bytes. A valid file header with no frames is not an error.</summary>
    Empty,

    /// <summary>Neither pcap nor pcapng (text, an image, ...), or too short to tell.</summary>
    NotACaptureFile,

    /// <summary>The file ends inside its header or inside a record; frames before the break were delivered.</summary>
    Truncated,

    /// <summary>A record libpcap refuses (for example a capture length beyond the snapshot length).</summary>
    Corrupt,

    /// <summary>The link type is not Ethernet and the reader was asked to require Ethernet.</summary>
    UnsupportedLinkType,

    /// <summary>The BPF filter expression does not compile.</summary>
    BadFilter,

    /// <summary>The operating system refused access to the path.</summary>
    PermissionDenied,

    /// <summary>Any other read failure reported by libpcap.</summary>
    ReadFailed,

    /// <summary>The output file could not be created or written.</summary>
    WriteFailed,
}
