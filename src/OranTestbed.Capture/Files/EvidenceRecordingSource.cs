namespace OranTestbed.Capture.Files;

/// <summary>
/// A frame source that also keeps the first <paramref name="limitBytes"/> of frame bytes of another as a capture file
/// (an execution's evidence): the analysis sees every frame, the evidence stays bounded.
/// </summary>
public sealed class EvidenceRecordingSource(IFrameSource inner, CaptureFileWriter writer, long limitBytes) : IFrameSource
{
    private long _kept;

    /// <summary>Frames written to the evidence file.</summary>
    public long FramesKept { get; private set; }

    /// <summary>True when frames were left out of the evidence file because of the limit.</summary>
    public bool Truncated { get; private set; }

    public CaptureCompleteness Completeness => inner.Completeness;

    public bool TryReadNext(out CapturedFrame frame)
    {
        if (!inner.TryReadNext(out frame))
        {
            return false;
        }

        if (_kept < limitBytes)
        {
            writer.Write(frame.Data, frame.TimestampNanoseconds, frame.OriginalLength);
            _kept += frame.Data.Length;
            FramesKept++;
        }
        else
        {
            Truncated = true;
        }

        return true;
    }
}
