using System.Globalization;
using OranTestbed.Capture.Live;

namespace OranTestbed.Capture;

/// <summary>
/// Whether a frame source delivered every frame of the traffic it was pointed at: a file read to its end, a live capture
/// whose kernel, interface and consumer counters show no drop. A frame never seen cannot be judged, so an incomplete
/// capture can never PASS; what the missing frames could explain is INCONCLUSIVE, not the equipment's fault.
/// </summary>
public sealed record CaptureCompleteness
{
    /// <summary>Every frame was delivered.</summary>
    public static CaptureCompleteness Whole { get; } = new();

    /// <summary>Why the source stopped before the end of the traffic (a read error, an interrupt); null when it did not.</summary>
    public string? CutShort { get; init; }

    /// <summary>Frames the capture is known to have missed (kernel, interface and consumer drops).</summary>
    public long DroppedFrames { get; init; }

    /// <summary>Where the drops happened, for the reason line (e.g. "kernel 15000, interface 0, consumer 0").</summary>
    public string? DropDetail { get; init; }

    /// <summary>True when the drop counters could not be read: nothing proves the capture saw every frame.</summary>
    public bool DropsUnknown { get; init; }

    /// <summary>True when frames are missing or may be (drops, unknown drop counters); a cut-short file is not counted here.</summary>
    public bool MissesFrames => DroppedFrames > 0 || DropsUnknown;

    public bool IsWhole => CutShort is null && !MissesFrames;

    /// <summary>The completeness of a live capture from its counters.</summary>
    public static CaptureCompleteness FromLive(CaptureHealth health, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new CaptureCompleteness
        {
            CutShort = error,
            DroppedFrames = health.StatisticsAvailable ? health.TotalDropped : 0,
            DropsUnknown = !health.StatisticsAvailable,
            DropDetail = health.StatisticsAvailable
                ? string.Create(CultureInfo.InvariantCulture,
                    $"kernel {health.KernelDropped}, interface {health.InterfaceDropped}, consumer {health.ConsumerDroppedFrames}")
                : null,
        };
    }

    /// <summary>A source that stopped early for <paramref name="reason"/>.</summary>
    public static CaptureCompleteness Stopped(string reason) => new() { CutShort = reason };
}
