using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Emulation.SPlane;

/// <summary>
/// A G.8275.1 master and slave seen at a tap whose clock is <see cref="TapOffsetNs"/> ahead of the master's
/// (θ = tap − master, as a function of the elapsed time): Syncs leave the master at T1 = S − θ − forward delay for
/// their tap time S; Delay_Reqs seen at the tap at R reach the master at T4 = R − θ + reverse delay. Timestamps are
/// written as the wire carries them: whole ns in the timestamp, the 2^-16 ns fraction in correctionField (Follow_Up
/// or one-step Sync: + fraction of T1; Delay_Resp: the Delay_Req's correctionField − fraction of T4, IEEE 1588-2019
/// §11.3.2 c). So the two-way TE is θ + (forward − reverse)/2 exactly when θ and the delays are multiples of 2^-16 ns.
/// The S-plane with a known answer: the time-error specs and the benchmark of the time-error pass are built on it.
/// </summary>
public sealed class TimeErrorTraffic
{
    public const long Second = 1_000_000_000;

    /// <summary>PTP (TAI) seconds of 2026-12-07: Unix 1,796,601,600 + 37.</summary>
    public const long StartTaiNs = 1_796_601_637L * Second;

    public static readonly PtpPortIdentity DefaultMaster = new(0x0011_22FF_FE33_4455, 1);
    public static readonly PtpPortIdentity DefaultSlave = new(0x0066_77FF_FE88_99AA, 1);
    private readonly List<(long UnixNanoseconds, byte[] Bytes)> _frames = [];

    public PtpPortIdentity Master { get; init; } = DefaultMaster;

    public PtpPortIdentity Slave { get; init; } = DefaultSlave;

    public byte Domain { get; init; } = 24;

    public bool TwoStep { get; init; } = true;

    /// <summary>The capture clock is UTC (TAI − <see cref="UtcOffset"/>), as a host clock is; false = a TAI PHC.</summary>
    public bool CaptureOnUtc { get; init; } = true;

    public short UtcOffset { get; init; } = 37;

    public bool PtpTimescale { get; init; } = true;

    public bool Announces { get; init; } = true;

    public double ForwardDelayNs { get; init; } = 1000;

    public double ReverseDelayNs { get; init; } = 1000;

    /// <summary>Residence time a transparent clock before the tap adds to the Sync's correctionField (part of the path).</summary>
    public double SyncResidenceNs { get; init; }

    /// <summary>correctionField the Delay_Req already carries at the tap (slave or a clock before the tap).</summary>
    public double DelayReqCorrectionNs { get; init; }

    public Func<double, double> TapOffsetNs { get; init; } = _ => 0;

    public long SyncInterval { get; init; } = Second / 16;

    public long DelayReqInterval { get; init; } = Second / 16;

    public long DelayReqPhase { get; init; } = 20_000_000;

    /// <summary>Follow_Up capture time after its Sync; negative = the Follow_Up is captured first (reordered).</summary>
    public long FollowUpLag { get; init; } = 10_000;

    public int FirstSequence { get; init; }

    public Func<int, bool> KeepFollowUp { get; init; } = _ => true;

    public Func<int, bool> KeepDelayResp { get; init; } = _ => true;

    public Func<int, bool> DuplicateSync { get; init; } = _ => false;

    /// <summary>The frames in capture order, each with its capture time in Unix nanoseconds.</summary>
    public IReadOnlyList<(long UnixNanoseconds, byte[] Bytes)> Frames => _frames;

    public TimeErrorTraffic Run(double seconds)
    {
        int syncs = (int)(seconds * Second / SyncInterval);
        for (int i = 0; i < syncs; i++)
        {
            long s = i * SyncInterval;
            Sync(s, (ushort)(FirstSequence + i), i);
        }

        int requests = (int)(((seconds * Second) - DelayReqPhase) / DelayReqInterval);
        for (int j = 0; j < requests; j++)
        {
            DelayExchange(DelayReqPhase + (j * DelayReqInterval), (ushort)(FirstSequence + j), j);
        }

        if (Announces)
        {
            for (long t = 1000; t < seconds * Second; t += Second / 8)
            {
                Announce(t, (ushort)(t / (Second / 8)));
            }
        }

        _frames.Sort((a, b) => a.UnixNanoseconds.CompareTo(b.UnixNanoseconds));
        return this;
    }

    private long Capture(long elapsed) => StartTaiNs + elapsed - (CaptureOnUtc ? UtcOffset * Second : 0);

    private void Sync(long elapsed, ushort sequenceId, int index)
    {
        double theta = TapOffsetNs(elapsed);
        var (t1, fraction) = Split(StartTaiNs + elapsed, -theta - ForwardDelayNs - SyncResidenceNs);
        long residence = Units(SyncResidenceNs);
        if (!TwoStep)
        {
            var oneStep = Header(Master, sequenceId, 0, -4, residence + fraction);
            Add(elapsed, (ref FrameWriter w) => w.WritePtpSync(oneStep, t1));
            return;
        }

        var sync = Header(Master, sequenceId, 0x0200, -4, residence);
        var rough = new PtpTimestamp(t1.Seconds, 0);
        Add(elapsed, (ref FrameWriter w) => w.WritePtpSync(sync, rough));
        if (DuplicateSync(index))
        {
            Add(elapsed + 1, (ref FrameWriter w) => w.WritePtpSync(sync, rough));
        }

        if (KeepFollowUp(index))
        {
            var followUp = Header(Master, sequenceId, 0, -4, fraction);
            Add(elapsed + FollowUpLag, (ref FrameWriter w) => w.WritePtpFollowUp(followUp, t1));
        }
    }

    private void DelayExchange(long elapsed, ushort sequenceId, int index)
    {
        double theta = TapOffsetNs(elapsed);
        long requestCorrection = Units(DelayReqCorrectionNs);
        var request = Header(Slave, sequenceId, 0, 0x7F, requestCorrection);
        Add(elapsed, (ref FrameWriter w) => w.WritePtpDelayReq(request, default));
        if (!KeepDelayResp(index))
        {
            return;
        }

        var (t4, fraction) = Split(StartTaiNs + elapsed, -theta + ReverseDelayNs);
        var response = Header(Master, sequenceId, 0, -4, requestCorrection - fraction);
        Add(elapsed + 100_000, (ref FrameWriter w) => w.WritePtpDelayResp(response, t4, Slave));
    }

    private void Announce(long elapsed, ushort sequenceId)
    {
        ushort flags = (ushort)(PtpTimescale ? 0x000C : 0);
        var header = Header(Master, sequenceId, flags, -3, 0);
        var announce = new PtpAnnounce
        {
            CurrentUtcOffset = UtcOffset,
            GrandmasterPriority1 = 128,
            ClockClass = 6,
            ClockAccuracy = 0x21,
            OffsetScaledLogVariance = 0x4E5D,
            GrandmasterPriority2 = 128,
            GrandmasterIdentity = Master.ClockIdentity,
            TimeSource = 0x20,
        };
        Add(elapsed, (ref FrameWriter w) => w.WritePtpAnnounce(header, announce));
    }

    /// <summary>
    /// TAI <paramref name="baseNs"/> + <paramref name="offsetNs"/> (rounded to 2^-16 ns) as whole ns since the PTP epoch
    /// and the 2^-16 ns fraction left over, 0..65535 (a double has no sub-ns left at 1.8e18 ns, hence the two parts).
    /// </summary>
    private static (PtpTimestamp, long) Split(long baseNs, double offsetNs)
    {
        Int128 units = ((Int128)baseNs << 16) + Units(offsetNs);
        long whole = (long)(units >> 16);
        long fraction = (long)(units - ((Int128)whole << 16));
        return (new PtpTimestamp((ulong)(whole / Second), (uint)(whole % Second)), fraction);
    }

    private static long Units(double ns) => (long)Math.Round(ns * 65536);

    private PtpHeader Header(PtpPortIdentity port, ushort sequenceId, ushort flags, sbyte logInterval, long correction) =>
        PtpFrame.Header(Domain, port, sequenceId, flags, logInterval, correction);

    private void Add(long elapsed, PtpFrame.Body body) => _frames.Add((Capture(elapsed), PtpFrame.Build(PtpFrame.NonForwardable, body)));
}
