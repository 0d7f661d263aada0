using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Tests.Support;
using OranTestbed.Emulation.SPlane;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Writing;

namespace OranTestbed.Analysis.Tests.SPlane;

/// <summary>
/// Builds PTP frames at exact capture timestamps (Ethernet, EtherType 0x88F7, PtpMessageWriter) and runs them, in time
/// order, through a <see cref="FronthaulAnalyzer"/>.
/// </summary>
public sealed class PtpTraffic
{
    public const long Second = 1_000_000_000;
    public const long Interval16 = Second / 16;
    public const long Interval8 = Second / 8;

    public static readonly byte[] NonForwardable = PtpFrame.NonForwardable;
    public static readonly byte[] Forwardable = PtpFrame.Forwardable;
    public static readonly PtpPortIdentity Master = new(0x0011_22FF_FE33_4455, 1);
    public static readonly PtpPortIdentity Slave = new(0x0066_77FF_FE88_99AA, 1);

    private readonly List<(long Timestamp, byte[] Frame)> _frames = [];

    public byte Domain { get; set; } = 24;

    public byte[] Destination { get; set; } = NonForwardable;

    /// <summary>G.8275.1 traffic for <paramref name="seconds"/>: two-step Sync + Follow_Up and Announce from the master,
    /// Delay_Req from the slave answered by Delay_Resp, at 16/8/16 per second.</summary>
    public static PtpTraffic Conformant(int seconds, byte clockClass = 248)
    {
        var stream = new PtpTraffic();
        stream.Syncs(0, Interval16, (16 * seconds) + 1);
        stream.Announces(1000, Interval8, (8 * seconds) + 1, _ => clockClass);
        stream.DelayExchanges(20_000_000, Interval16, (16 * seconds) + 1);
        return stream;
    }

    public PtpTraffic Syncs(long start, long interval, int count, int firstSequence = 0, Func<int, bool>? keep = null,
        bool followUps = true)
    {
        for (int i = 0; i < count; i++)
        {
            if (keep is null || keep(i))
            {
                Sync(start + (i * interval), (ushort)(firstSequence + i), followUp: followUps);
            }
        }

        return this;
    }

    public PtpTraffic Sync(long timestamp, ushort sequenceId, bool twoStep = true, bool followUp = true)
    {
        var header = Header(Master, sequenceId, twoStep ? (ushort)0x0200 : (ushort)0, -4);
        Add(timestamp, (ref FrameWriter w) => w.WritePtpSync(header, default));
        if (twoStep && followUp)
        {
            FollowUp(timestamp + 10_000, sequenceId);
        }

        return this;
    }

    public PtpTraffic FollowUp(long timestamp, ushort sequenceId)
    {
        var header = Header(Master, sequenceId, 0, -4);
        Add(timestamp, (ref FrameWriter w) => w.WritePtpFollowUp(header, new PtpTimestamp(1, 2)));
        return this;
    }

    public PtpTraffic Announces(long start, long interval, int count, Func<int, byte> clockClass)
    {
        for (int i = 0; i < count; i++)
        {
            var header = Header(Master, (ushort)i, 0, -3);
            var announce = new PtpAnnounce
            {
                GrandmasterPriority1 = 128,
                ClockClass = clockClass(i),
                ClockAccuracy = 0xFE,
                OffsetScaledLogVariance = 0xFFFF,
                GrandmasterPriority2 = 128,
                GrandmasterIdentity = Master.ClockIdentity,
                TimeSource = 0xA0,
            };
            Add(start + (i * interval), (ref FrameWriter w) => w.WritePtpAnnounce(header, announce));
        }

        return this;
    }

    public PtpTraffic DelayExchanges(long start, long interval, int count)
    {
        for (int i = 0; i < count; i++)
        {
            long t = start + (i * interval);
            var request = Header(Slave, (ushort)i, 0, 0x7F);
            var response = Header(Master, (ushort)i, 0, -4);
            Add(t, (ref FrameWriter w) => w.WritePtpDelayReq(request, default));
            Add(t + 100_000, (ref FrameWriter w) => w.WritePtpDelayResp(response, new PtpTimestamp(1, 3), Slave));
        }

        return this;
    }

    public AnalysisReport Analyze()
    {
        var analyzer = new FronthaulAnalyzer(Support.Analyze.Options, 1);
        long number = 0;
        foreach (var (timestamp, frame) in _frames.OrderBy(f => f.Timestamp))
        {
            analyzer.Process(frame, timestamp, ++number);
        }

        return analyzer.BuildReport();
    }

    private PtpHeader Header(PtpPortIdentity port, ushort sequenceId, ushort flags, sbyte logInterval) =>
        PtpFrame.Header(Domain, port, sequenceId, flags, logInterval);

    private void Add(long timestamp, PtpFrame.Body body) => _frames.Add((timestamp, PtpFrame.Build(Destination, body)));
}
