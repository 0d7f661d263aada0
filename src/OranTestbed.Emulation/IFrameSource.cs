using OranTestbed.Capture.Files;

namespace OranTestbed.Emulation;

/// <summary>
/// A pull source of timestamped Ethernet frames in time order, the shape <see cref="CaptureFileReader"/> already has:
/// <c>while (source.TryReadNext(out var frame)) analyzer.Process(frame);</c>. The frame's bytes are valid only until
/// the next call. An emulation is one; an orchestrator can put a capture file or a live capture behind the same loop.
/// </summary>
public interface IFrameSource
{
    /// <summary>The next frame, or false at the end of the traffic.</summary>
    bool TryReadNext(out CapturedFrame frame);
}
