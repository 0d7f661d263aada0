namespace OranTestbed.Fronthaul.Ptp;

/// <summary>
/// The Announce body after originTimestamp (IEEE 1588-2019 §13.5): UTC offset, grandmaster priorities and clock
/// quality (§5.3.7), identity, steps removed and time source (§7.6.2.8).
/// </summary>
public readonly record struct PtpAnnounce
{
    public PtpTimestamp OriginTimestamp { get; init; }
    public short CurrentUtcOffset { get; init; }
    public byte GrandmasterPriority1 { get; init; }
    public byte ClockClass { get; init; }
    public byte ClockAccuracy { get; init; }
    public ushort OffsetScaledLogVariance { get; init; }
    public byte GrandmasterPriority2 { get; init; }
    public ulong GrandmasterIdentity { get; init; }
    public ushort StepsRemoved { get; init; }
    public byte TimeSource { get; init; }
}
