using Microsoft.Extensions.Logging;
using OranTestbed.Capture.Files;

namespace OranTestbed.Capture;

/// <summary>Log events of the Capture capability: event ids 1000-1099, stable names.</summary>
/// <remarks>
/// Nothing here is per frame: readers log at open, at the end, on failure and at close. A failure that is also thrown
/// (or returned) to the caller is logged at Debug only: the caller reports it in its own words (a command prints one line,
/// an execution records it), and an Error entry beside it would say the same thing twice, with a stack trace.
/// </remarks>
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

    [LoggerMessage(EventId = 1003, EventName = "CaptureFileOpenFailed", Level = LogLevel.Debug,
        Message = "Cannot open capture file {Path} ({Kind})")]
    public static partial void CaptureFileOpenFailed(ILogger logger, string path, CaptureFileErrorKind kind,
        Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "CaptureFileReadFailed", Level = LogLevel.Debug,
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

    [LoggerMessage(EventId = 1012, EventName = "CaptureWriterOpenFailed", Level = LogLevel.Debug,
        Message = "Cannot create capture file {Path} ({Kind})")]
    public static partial void CaptureWriterOpenFailed(ILogger logger, string path, CaptureFileErrorKind kind,
        Exception exception);

    // Live capture and injection: 1020-1049.
    [LoggerMessage(EventId = 1020, EventName = "LiveCaptureOpened", Level = LogLevel.Information,
        Message = "Capturing on {Interface} (namespace '{Namespace}'): link type {LinkType}, timestamps {Resolution} from clock {TimestampType}, kernel ring {KernelBufferBytes} bytes, snap length {SnapLength}, filter '{Filter}'")]
    public static partial void LiveCaptureOpened(ILogger logger, string @interface, string @namespace,
        PacketDotNet.LinkLayers linkType, SharpPcap.TimestampResolution resolution, string timestampType,
        int kernelBufferBytes, int snapLength, string filter);

    [LoggerMessage(EventId = 1021, EventName = "LiveCaptureStopped", Level = LogLevel.Information,
        Message = "Stopped capturing on {Interface}: {FramesCaptured} frames captured, {FramesDelivered} delivered; kernel received {KernelReceived}, dropped {KernelDropped}, interface dropped {InterfaceDropped}, consumer too slow for {ConsumerDropped}")]
    public static partial void LiveCaptureStopped(ILogger logger, string @interface, long framesCaptured,
        long framesDelivered, long kernelReceived, long kernelDropped, long interfaceDropped, long consumerDropped);

    [LoggerMessage(EventId = 1022, EventName = "LiveCaptureOpenFailed", Level = LogLevel.Debug,
        Message = "Cannot open interface {Interface} (namespace '{Namespace}') ({Kind})")]
    public static partial void LiveCaptureOpenFailed(ILogger logger, string @interface, string @namespace,
        Live.LiveCaptureErrorKind kind, Exception exception);

    [LoggerMessage(EventId = 1023, EventName = "LiveCaptureFailed", Level = LogLevel.Debug,
        Message = "Capture on {Interface} failed ({Kind}) after {FramesCaptured} frames")]
    public static partial void LiveCaptureFailed(ILogger logger, string @interface, Live.LiveCaptureErrorKind kind,
        long framesCaptured, Exception exception);

    [LoggerMessage(EventId = 1024, EventName = "LiveCaptureProgress", Level = LogLevel.Debug, SkipEnabledCheck = true,
        Message = "Capture on {Interface}: {FramesCaptured} frames captured, {FramesDelivered} delivered; kernel received {KernelReceived}, dropped {KernelDropped}, interface dropped {InterfaceDropped}, consumer too slow for {ConsumerDropped}")]
    public static partial void LiveCaptureProgress(ILogger logger, string @interface, long framesCaptured,
        long framesDelivered, long kernelReceived, long kernelDropped, long interfaceDropped, long consumerDropped);

    [LoggerMessage(EventId = 1025, EventName = "LiveCaptureDropped", Level = LogLevel.Warning,
        Message = "Capture on {Interface} lost frames: {KernelDroppedDelta} in the kernel ring and {InterfaceDroppedDelta} at the interface since the last check (totals: kernel {KernelDropped}, interface {InterfaceDropped}, consumer {ConsumerDropped})")]
    public static partial void LiveCaptureDropped(ILogger logger, string @interface, long kernelDroppedDelta,
        long interfaceDroppedDelta, long kernelDropped, long interfaceDropped, long consumerDropped);

    [LoggerMessage(EventId = 1026, EventName = "LiveCaptureTimestampsMicrosecond", Level = LogLevel.Warning,
        Message = "libpcap granted only microsecond timestamps on {Interface}; nanosecond digits are zeros")]
    public static partial void LiveCaptureTimestampsMicrosecond(ILogger logger, string @interface);

    [LoggerMessage(EventId = 1027, EventName = "LiveCaptureSettingRejected", Level = LogLevel.Warning,
        Message = "libpcap did not apply {Property} on {Interface} ({Error}): {Reason}")]
    public static partial void LiveCaptureSettingRejected(ILogger logger, string @interface, string property,
        SharpPcap.PcapError error, string reason);

    [LoggerMessage(EventId = 1028, EventName = "LiveCaptureNoCarrier", Level = LogLevel.Warning,
        Message = "Interface {Interface} is up but has no carrier (link partner down): nothing will arrive until it has")]
    public static partial void LiveCaptureNoCarrier(ILogger logger, string @interface);

    [LoggerMessage(EventId = 1029, EventName = "LiveCaptureStatisticsUnavailable", Level = LogLevel.Warning,
        Message = "Cannot read the kernel counters of {Interface} ({Reason}); the run cannot be shown to be lossless")]
    public static partial void LiveCaptureStatisticsUnavailable(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 1030, EventName = "LiveFrameSenderOpened", Level = LogLevel.Debug,
        Message = "Sending frames on {Interface} (namespace '{Namespace}')")]
    public static partial void LiveFrameSenderOpened(ILogger logger, string @interface, string @namespace);

    [LoggerMessage(EventId = 1031, EventName = "LiveFrameSenderClosed", Level = LogLevel.Debug,
        Message = "Closed sender on {Interface} after {Frames} frames, {Bytes} bytes")]
    public static partial void LiveFrameSenderClosed(ILogger logger, string @interface, long frames, long bytes);
}
