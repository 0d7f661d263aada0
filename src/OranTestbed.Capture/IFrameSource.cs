using OranTestbed.Capture.Files;

namespace OranTestbed.Capture;

/// <summary>
/// A pull source of timestamped Ethernet frames in time order: <c>while (source.TryReadNext(out var frame)) …</c>. The
/// frame's bytes are valid only until the next call. A capture file (<see cref="CaptureFileReader"/>), an emulated
/// O-DU/O-RU pair and a live capture's batches all have this shape, so the analysis has one entry point for all of them.
/// </summary>
public interface IFrameSource
{
    /// <summary>The next frame, or false at the end of the traffic (or when the source failed: see <see cref="Completeness"/>).</summary>
    bool TryReadNext(out CapturedFrame frame);

    /// <summary>What the source could not deliver so far (cut short, dropped frames); final once <see cref="TryReadNext"/>
    /// returned false.</summary>
    CaptureCompleteness Completeness { get; }
}
