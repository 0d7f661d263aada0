using SharpPcap;

namespace OranTestbed.Capture.Live;

/// <summary>How to open a live interface. Defaults suit a fronthaul link: whole frames, a large kernel ring, 10 ms
/// delivery latency.</summary>
public sealed record LiveCaptureOptions
{
    public const int DefaultKernelBufferBytes = 128 << 20;

    /// <summary>The interface name as the kernel knows it (<c>ip link</c>), e.g. <c>ens1f0</c> or a veth end.</summary>
    public required string Interface { get; init; }

    /// <summary>
    /// A network namespace to capture in: a name under <c>/run/netns</c> (as <c>ip netns add</c> creates it) or an
    /// absolute path to a namespace file (<c>/proc/PID/ns/net</c>). Only the capture thread enters it (setns), the
    /// process stays where it is. Null: the process's own namespace.
    /// </summary>
    public string? NetworkNamespace { get; init; }

    /// <summary>A BPF expression (pcap-filter(7)) compiled into the kernel socket; null or empty keeps every frame.</summary>
    public string? Filter { get; init; }

    public bool Promiscuous { get; init; } = true;

    /// <summary>Bytes kept per frame (pcap snaplen); frames longer than this arrive snapped.</summary>
    public int SnapLength { get; init; } = 65_535;

    /// <summary>
    /// The kernel ring (<c>pcap_set_buffer_size</c>): how much traffic can queue while the capture thread is
    /// descheduled. Memory is locked in the kernel for the capture's lifetime.
    /// </summary>
    public int KernelBufferBytes { get; init; } = DefaultKernelBufferBytes;

    /// <summary>
    /// Longest time a captured frame waits before its batch is handed over, and how often the capture thread wakes
    /// when idle (also the TPACKET_V3 block timeout). Bounds stop latency too.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// libpcap immediate mode (TPACKET_V2: one wake-up per frame). Off by default: on Linux 6.x over veth it read
    /// several times slower than TPACKET_V3 blocks and lost frames under load (measured, see the Live tests);
    /// <see cref="FlushInterval"/> already bounds the latency of V3 blocks.
    /// </summary>
    public bool Immediate { get; init; }

    /// <summary>The clock libpcap stamps frames with (<c>pcap_set_tstamp_type</c>); null keeps the default (host).
    /// <c>Adapter</c> needs a NIC with hardware timestamps.</summary>
    public TimestampType? TimestampType { get; init; }

    /// <summary>Bytes of frame data per batch; at least <see cref="SnapLength"/>.</summary>
    public int BatchBytes { get; init; } = 1 << 20;

    public int MaxFramesPerBatch { get; init; } = 4096;

    /// <summary>
    /// Batches that may wait in the channel for the consumer. When it is full, the capture thread drops the batch it
    /// has just filled and counts its frames in <see cref="CaptureHealth.ConsumerDroppedFrames"/>: it never blocks,
    /// so a slow consumer cannot turn into silent kernel drops.
    /// </summary>
    public int BatchQueueCapacity { get; init; } = 64;

    /// <summary>Batches a consumer may hold (read but not yet disposed) beyond the queue before frames are dropped.</summary>
    public int BatchesHeldByConsumer { get; init; } = 4;

    /// <summary>How often the kernel counters (pcap_stats) are read and a summary is logged.</summary>
    public TimeSpan StatisticsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuse interfaces whose link type is not Ethernet, the only one the analyser decodes.</summary>
    public bool RequireEthernet { get; init; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Interface);
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapLength, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(KernelBufferBytes, 1 << 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchBytes, SnapLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFramesPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchQueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(BatchesHeldByConsumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushInterval, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(StatisticsInterval, TimeSpan.FromMilliseconds(10));
    }
}
