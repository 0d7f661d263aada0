using System.Diagnostics.CodeAnalysis;
using static System.FormattableString;

namespace OranTestbed.Capture.Files;

/// <summary>
/// The one place where libpcap's error texts (libpcap 1.10 savefile.c, sf-pcap.c, sf-pcapng.c) become
/// <see cref="CaptureFileErrorKind"/>s and messages that name the path.
/// </summary>
internal static class CaptureFileErrors
{
    /// <summary>SharpPcap prefixes open failures with this before libpcap's errbuf.</summary>
    private const string SharpPcapOpenPrefix = "Unable to open offline adapter: ";

    public static string LibpcapText(string sharpPcapMessage) =>
        sharpPcapMessage.StartsWith(SharpPcapOpenPrefix, StringComparison.Ordinal)
            ? sharpPcapMessage[SharpPcapOpenPrefix.Length..]
            : sharpPcapMessage;

    /// <summary>Classifies an error libpcap reported while opening a file.</summary>
    public static CaptureFileErrorKind ClassifyOpen(string libpcapText)
    {
        if (Contains(libpcapText, "No such file or directory"))
        {
            return CaptureFileErrorKind.Missing;
        }

        if (Contains(libpcapText, "Permission denied"))
        {
            return CaptureFileErrorKind.PermissionDenied;
        }

        if (Contains(libpcapText, "Is a directory"))
        {
            return CaptureFileErrorKind.NotAFile;
        }

        // "tried to read 4 file header bytes, only got 1..3": too short to carry any magic number.
        if (Contains(libpcapText, "unknown file format") || Contains(libpcapText, "tried to read 4 file header bytes"))
        {
            return CaptureFileErrorKind.NotACaptureFile;
        }

        if (Contains(libpcapText, "truncated"))
        {
            return CaptureFileErrorKind.Truncated;
        }

        return CaptureFileErrorKind.ReadFailed;
    }

    /// <summary>Classifies an error <c>pcap_next_ex</c> reported (status -1) while reading records.</summary>
    public static CaptureFileErrorKind ClassifyRead(string libpcapText)
    {
        if (Contains(libpcapText, "truncated"))
        {
            return CaptureFileErrorKind.Truncated;
        }

        // "invalid packet capture length %u, bigger than snaplen of %d", pcapng "block total length ... is less
        // than/ not a multiple of", "... bigger than maximum of ..." : records libpcap will not accept.
        if (Contains(libpcapText, "invalid") || Contains(libpcapText, "bigger than")
            || Contains(libpcapText, "less than") || Contains(libpcapText, "not a multiple"))
        {
            return CaptureFileErrorKind.Corrupt;
        }

        return CaptureFileErrorKind.ReadFailed;
    }

    public static CaptureFileException Open(CaptureFileErrorKind kind, string path, string? libpcapText,
        Exception? inner = null)
    {
        var message = kind switch
        {
            CaptureFileErrorKind.Missing => $"Capture file '{path}' does not exist.",
            CaptureFileErrorKind.NotAFile => $"Capture file path '{path}' is a directory, not a file.",
            CaptureFileErrorKind.Empty =>
                $"Capture file '{path}' is empty (0 bytes): it has no pcap or pcapng header.",
            CaptureFileErrorKind.NotACaptureFile =>
                $"'{path}' is not a pcap or pcapng capture file{Detail(libpcapText)}.",
            CaptureFileErrorKind.Truncated =>
                $"Capture file '{path}' is truncated inside its file header{Detail(libpcapText)}.",
            CaptureFileErrorKind.PermissionDenied => $"Permission denied reading capture file '{path}'.",
            _ => $"Cannot open capture file '{path}'{Detail(libpcapText)}.",
        };
        return new CaptureFileException(kind, path, message,
            byteOffset: kind == CaptureFileErrorKind.Truncated ? 0 : null, libpcapError: libpcapText,
            innerException: inner);
    }

    public static CaptureFileException Read(string path, string libpcapText, long framesDelivered,
        long fileLength)
    {
        var kind = ClassifyRead(libpcapText);
        long? frameNumber = null;
        long? byteOffset = null;
        if (CaptureFileLayout.TryLocateBreak(path, out var brokenFrame, out var brokenAt))
        {
            frameNumber = brokenFrame;
            byteOffset = brokenAt;
        }

        var where = frameNumber is { } n
            ? Invariant(
                $"frame {n} (record at byte {byteOffset}, file length {fileLength} bytes)")
            : Invariant(
                $"the record after delivered frame {framesDelivered} (file length {fileLength} bytes)");
        var message = kind switch
        {
            CaptureFileErrorKind.Truncated => Invariant(
                $"Capture file '{path}' is truncated: {where} is cut short by the end of the file; {framesDelivered} frames before it were read. libpcap: {libpcapText}"),
            CaptureFileErrorKind.Corrupt => Invariant(
                $"Capture file '{path}' is corrupt at {where}; {framesDelivered} frames before it were read. libpcap: {libpcapText}"),
            _ => Invariant(
                $"Reading capture file '{path}' failed at {where} after {framesDelivered} frames. libpcap: {libpcapText}"),
        };
        return new CaptureFileException(kind, path, message, frameNumber, byteOffset, libpcapText);
    }

    /// <summary>A record the classic-pcap stream found cut short or impossible; its own <paramref name="reason"/>
    /// takes the place of libpcap's text.</summary>
    public static CaptureFileException BrokenRecord(CaptureFileErrorKind kind, string path, string reason,
        long frameNumber, long byteOffset, long framesDelivered, long fileLength)
    {
        var where = Invariant($"frame {frameNumber} (record at byte {byteOffset}, file length {fileLength} bytes)");
        var message = kind == CaptureFileErrorKind.Truncated
            ? Invariant($"Capture file '{path}' is truncated: {where} is cut short by the end of the file: {reason}; {framesDelivered} frames before it were read.")
            : Invariant($"Capture file '{path}' is corrupt at {where}: {reason}; {framesDelivered} frames before it were read.");
        return new CaptureFileException(kind, path, message, frameNumber, byteOffset);
    }

    public static CaptureFileException BadFilter(string path, string filter, string libpcapText) =>
        new(CaptureFileErrorKind.BadFilter, path,
            $"BPF filter '{filter}' is not valid for capture file '{path}': {libpcapText}",
            libpcapError: libpcapText);

    public static CaptureFileException UnsupportedLinkType(string path, PacketDotNet.LinkLayers linkType) =>
        new(CaptureFileErrorKind.UnsupportedLinkType, path,
            Invariant(
                $"Capture file '{path}' has link type {linkType} ({(int)linkType}); only Ethernet (1) frames can be analysed. Re-capture on an Ethernet interface, or open with RequireEthernet = false to read the frames raw."));

    public static CaptureFileException Write(CaptureFileErrorKind kind, string path, string reason,
        Exception? inner = null) =>
        new(kind, path, $"Cannot write capture file '{path}': {reason}", libpcapError: reason,
            innerException: inner);

    [DoesNotReturn]
    public static void ThrowDisposed(object instance) => throw new ObjectDisposedException(instance.GetType().Name);

    private static string Detail(string? libpcapText) =>
        string.IsNullOrEmpty(libpcapText) ? string.Empty : " (libpcap: " + libpcapText + ")";

    private static bool Contains(string text, string fragment) =>
        text.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
