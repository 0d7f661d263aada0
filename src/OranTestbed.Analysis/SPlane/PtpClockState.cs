using OranTestbed.Fronthaul.Ptp;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// What <see cref="PtpAnalyzer"/> keeps for one clock port in one domain. Allocated once, on the clock's first message;
/// nothing per message after that.
/// </summary>
internal sealed class PtpClockState(PtpPortIdentity port, byte domain, int maxChanges)
{
    /// <summary>Two-step Syncs awaiting their Follow_Up; ptp4l sends it right after, so a few slots suffice.</summary>
    public const int PendingCapacity = 8;

    public PtpPortIdentity Port { get; } = port;

    public byte Domain { get; } = domain;

    /// <summary>Indexed by the 4-bit messageType.</summary>
    public PtpMessageStats[] Stats { get; } = new PtpMessageStats[16];

    public long Messages { get; set; }

    public bool HasAnnounce { get; set; }

    public ulong Grandmaster { get; set; }

    public byte ClockClass { get; set; }

    public PtpClockClassChange[] Changes { get; } = new PtpClockClassChange[maxChanges];

    public long ChangeCount { get; set; }

    public ushort[] PendingSequence { get; } = new ushort[PendingCapacity];

    public long[] PendingFrame { get; } = new long[PendingCapacity];

    public long[] PendingTimestamp { get; } = new long[PendingCapacity];

    public int PendingCount { get; set; }

    /// <summary>True once a Sync or Follow_Up was seen: a Follow_Up before any is the capture starting between the two.</summary>
    public bool SeenSyncOrFollowUp { get; set; }

    public long UnpairedSync { get; set; }

    public long UnpairedFollowUp { get; set; }

    /// <summary>Time-error samples of a master port; created on its first Sync, Follow_Up, Delay_Resp or Announce.</summary>
    public TimeErrorState? TimeError { get; set; }

    public bool Matches(in PtpPortIdentity port, byte domain) => Domain == domain && Port == port;

    public void RemovePendingUpTo(int count)
    {
        int left = PendingCount - count;
        Array.Copy(PendingSequence, count, PendingSequence, 0, left);
        Array.Copy(PendingFrame, count, PendingFrame, 0, left);
        Array.Copy(PendingTimestamp, count, PendingTimestamp, 0, left);
        PendingCount = left;
    }
}
