using Microsoft.Extensions.Logging;
using OranTestbed.Capture.Files;

namespace OranTestbed.Capture;

/// <summary>Log events of the Capture capability: event ids 1000-1099, stable names.</summary>
/// <remarks>Nothing here is per frame: readers log at open, at the end, on failure and at close.</remarks>
internal static partial class CaptureLog
{
    [LoggerMessage(EventId = 1000, EventName = "CaptureFileOpened", Level = LogLevel.Information,
        Message = "Opened capture file {Path}: {Format}, {FileLength} bytes, link type {LinkType}, timestamps {Resolution}, filter '{Filter}'")]
    public static partial void CaptureFileOpened(ILogger logger, string path, CaptureFileFormat format,
        long fileLength, PacketDotNet.LinkLayers linkType, SharpPcap.TimestampResolution resolution, string filter);

    [LoggerMessage(EventId = 1001, EventName = "CaptureFileClosed", Level = LogLevel.Debug,
        Message = "Closed capture file {Path} after {Frames} frames, {CapturedBytes} captured bytes")]
    public static partial void CaptureFileClosed(ILogger logger, string path, long frames, long capturedBytes);

    [LoggerMessage(EventId = 1002, EventName = "CaptureFilterApplied", Level = LogLevel.Debug,
        Message = "Applied BPF filter '{Filter}' to {Path}")]
    public static partial void CaptureFilterApplied(ILogger logger, string path, string filter);

    [LoggerMessage(EventId = 1003, EventName = "CaptureFileOpenFailed", Level = LogLevel.Error,
        Message = "Cannot open capture file {Path} ({Kind})")]
    public static partial void CaptureFileOpenFailed(ILogger logger, string path, CaptureFileErrorKind kind,
        Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "CaptureFileReadFailed", Level = LogLevel.Error,
        Message = "Capture file {Path} broke ({Kind}) at file frame {FrameNumber}, byte {ByteOffset}, after {FramesDelivered} delivered frames")]
    public static partial void CaptureFileReadFailed(ILogger logger, string path, CaptureFileErrorKind kind,
        long? frameNumber, long? byteOffset, long framesDelivered, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "CaptureFileEnded", Level = LogLevel.Debug,
        Message = "Reached the end of capture file {Path}: {Frames} frames, {CapturedBytes} captured bytes, {SnappedFrames} snapped")]
    public static partial void CaptureFileEnded(ILogger logger, string path, long frames, long capturedBytes,
        long snappedFrames);

    [LoggerMessage(EventId = 1006, EventName = "CaptureFileNotEthernet", Level = LogLevel.Warning,
        Message = "Capture file {Path} has link type {LinkType}: frames are delivered raw and will not be decoded as Ethernet")]
    public static partial void CaptureFileNotEthernet(ILogger logger, string path, PacketDotNet.LinkLayers linkType);

    [LoggerMessage(EventId = 1007, EventName = "CaptureTimestampsMicrosecond", Level = LogLevel.Warning,
        Message = "libpcap opened {Path} with microsecond timestamps only; nanosecond digits are lost")]
    public static partial void CaptureTimestampsMicrosecond(ILogger logger, string path);

    [LoggerMessage(EventId = 1010, EventName = "CaptureWriterOpened", Level = LogLevel.Debug,
        Message = "Writing nanosecond pcap {Path}, link type {LinkType}")]
    public static partial void CaptureWriterOpened(ILogger logger, string path, PacketDotNet.LinkLayers linkType);

    [LoggerMessage(EventId = 1011, EventName = "CaptureWriterClosed", Level = LogLevel.Information,
        Message = "Wrote capture file {Path}: {Frames} frames, {CapturedBytes} captured bytes")]
    public static partial void CaptureWriterClosed(ILogger logger, string path, long frames, long capturedBytes);

    [LoggerMessage(EventId = 1012, EventName = "CaptureWriterOpenFailed", Level = LogLevel.Error,
        Message = "Cannot create capture file {Path} ({Kind})")]
    public static partial void CaptureWriterOpenFailed(ILogger logger, string path, CaptureFileErrorKind kind,
        Exception exception);
}
