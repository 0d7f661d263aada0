namespace OranTestbed.Capture.Live;

/// <summary>
/// What a live capture saw and lost, as totals since it started. The analyzer turns a run with
/// <see cref="IsLossless"/> false into INCONCLUSIVE: a frame that was never seen cannot be judged. Subtract two
/// snapshots with <see cref="Since"/> for the figures of one interval.
/// </summary>
/// <remarks>
/// Three places can lose frames, counted separately: the kernel ring (<see cref="KernelDropped"/>, the capture thread
/// fell behind), the interface (<see cref="InterfaceDropped"/>, the NIC/driver; promiscuous handles only), and this
/// process (<see cref="ConsumerDroppedFrames"/>, the consumer fell behind and the batch queue was full). Kernel counters
/// come from pcap_stats, read on the capture thread every <see cref="LiveCaptureOptions.StatisticsInterval"/> and at stop.
/// </remarks>
public sealed record CaptureHealth
{
    public static readonly CaptureHealth Empty = new();

    /// <summary>Time since the capture opened.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Frames libpcap handed the capture thread (delivered + dropped by us).</summary>
    public long FramesCaptured { get; init; }

    /// <summary>Frames in batches handed to the consumer.</summary>
    public long FramesDelivered { get; init; }

    /// <summary>Captured bytes in batches handed to the consumer.</summary>
    public long BytesDelivered { get; init; }

    public long BatchesDelivered { get; init; }

    /// <summary>Frames dropped by the source because the consumer was behind (queue full or every batch held).</summary>
    public long ConsumerDroppedFrames { get; init; }

    /// <summary>Frames that passed the filter, as counted by the kernel (pcap_stats ps_recv, includes drops and frames
    /// still in the ring).</summary>
    public long KernelReceived { get; init; }

    /// <summary>Frames the kernel dropped because the ring was full (pcap_stats ps_drop).</summary>
    public long KernelDropped { get; init; }

    /// <summary>Frames the interface dropped (pcap_stats ps_ifdrop).</summary>
    public long InterfaceDropped { get; init; }

    /// <summary>False when the kernel counters could not be read: then nothing proves the capture was complete.</summary>
    public bool StatisticsAvailable { get; init; }

    public long TotalDropped => KernelDropped + InterfaceDropped + ConsumerDroppedFrames;

    /// <summary>True when the counters were read and nothing was dropped anywhere.</summary>
    public bool IsLossless => StatisticsAvailable && TotalDropped == 0;

    /// <summary>The counts of the interval since <paramref name="earlier"/> (a snapshot of the same capture).</summary>
    public CaptureHealth Since(CaptureHealth earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return this with
        {
            Elapsed = Elapsed - earlier.Elapsed,
            FramesCaptured = FramesCaptured - earlier.FramesCaptured,
            FramesDelivered = FramesDelivered - earlier.FramesDelivered,
            BytesDelivered = BytesDelivered - earlier.BytesDelivered,
            BatchesDelivered = BatchesDelivered - earlier.BatchesDelivered,
            ConsumerDroppedFrames = ConsumerDroppedFrames - earlier.ConsumerDroppedFrames,
            KernelReceived = KernelReceived - earlier.KernelReceived,
            KernelDropped = KernelDropped - earlier.KernelDropped,
            InterfaceDropped = InterfaceDropped - earlier.InterfaceDropped,
        };
    }
}
