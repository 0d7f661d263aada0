using OranTestbed.Emulation.Randomness;
using OranTestbed.Emulation.Reports;
using OranTestbed.Fronthaul.Ethernet;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Nodes;

/// <summary>
/// The O-DU as LLS-C1 grandmaster (ITU-T G.8275.1): two-step Sync 16/s, each followed 20 µs later by its Follow_Up,
/// and Announce 8/s, untagged L2 multicast to 01-1B-19-00-00-00, domain 24, clockClass 6 (locked, GNSS), PTP
/// timestamps on TAI. It starts one radio frame before the fronthaul (a grandmaster runs before the radio does): first
/// an Announce, then Sync 1 ms later. The clock-class-degradation defect makes it advertise a degraded class for a while.
/// </summary>
internal sealed class PtpGrandmaster
{
    public const byte Domain = 24;
    public const long SyncIntervalNs = 62_500_000;
    public const long AnnounceIntervalNs = 125_000_000;
    public const long FollowUpDelayNs = 20_000;

    /// <summary>How long before the first slot the grandmaster starts.</summary>
    public const long LeadNs = 10_000_000;

    private static readonly byte[] Multicast = [0x01, 0x1B, 0x19, 0x00, 0x00, 0x00];

    private readonly byte[] _mac;
    private readonly ulong _identity;
    private readonly TimeScale _scale;
    private readonly long _endNs;
    private readonly ClockClassDegradationDefect? _degradation;
    private readonly EmulationRandom _random;
    private readonly DefectLedger _ledger;
    private readonly byte[] _buffer = new byte[128];
    private long _nextSync;
    private long _nextFollowUp = long.MaxValue;
    private long _followUpOrigin;
    private long _nextAnnounce;
    private ushort _syncSequence;
    private ushort _announceSequence;
    private long _degradedUntil = long.MinValue;
    private int _lastAnnouncedClass = -1;

    public PtpGrandmaster(EmulationContext context, DefectLedger ledger)
    {
        var options = context.Options;
        _mac = [.. options.DuMac];

        // EUI-64 from the MAC (IEEE 1588-2019 §7.5.2.2.2): OUI, FF FE, the rest.
        _identity = ((ulong)_mac[0] << 56) | ((ulong)_mac[1] << 48) | ((ulong)_mac[2] << 40) | (0xFFFEUL << 24)
            | ((ulong)_mac[3] << 16) | ((ulong)_mac[4] << 8) | _mac[5];
        _scale = context.TimeScale;
        _endNs = context.EndNs;
        _degradation = options.Du.Defect<ClockClassDegradationDefect>();
        _random = new EmulationRandom(options.Seed, RandomStream.Ptp);
        _ledger = ledger;
        _nextAnnounce = context.StartNs - LeadNs;
        _nextSync = _nextAnnounce + 1_000_000;
        Enabled = options.Ptp;
    }

    public bool Enabled { get; }

    public long MessagesSent { get; private set; }

    /// <summary>The send time of the next message, or false when the emulation's time is over.</summary>
    public bool TryPeek(out long sendNs)
    {
        sendNs = Math.Min(_nextFollowUp, Math.Min(_nextSync, _nextAnnounce));
        return Enabled && (sendNs < _endNs || _nextFollowUp != long.MaxValue);
    }

    public ReadOnlySpan<byte> Emit(long frameNumber, long tapOffsetNs, out long sendNs)
    {
        MessagesSent++;
        var frame = new FrameWriter(_buffer);
        frame.WriteEthernetHeader(Multicast, _mac, [], EthernetFields.TypePtp);
        if (_nextFollowUp <= _nextSync && _nextFollowUp <= _nextAnnounce)
        {
            sendNs = _nextFollowUp;
            frame.WritePtpFollowUp(Header((ushort)(_syncSequence - 1), -4, 2), Timestamp(_followUpOrigin));
            _nextFollowUp = long.MaxValue;
        }
        else if (_nextSync <= _nextAnnounce)
        {
            sendNs = _nextSync;
            frame.WritePtpSync(Header(_syncSequence++, -4, 0) with { FlagField = 0x0200 }, Timestamp(sendNs));
            _followUpOrigin = sendNs;
            _nextFollowUp = sendNs + FollowUpDelayNs;
            _nextSync += SyncIntervalNs;
        }
        else
        {
            sendNs = _nextAnnounce;
            byte clockClass = ClockClassAt(sendNs);
            if (_lastAnnouncedClass >= 0 && clockClass != _lastAnnouncedClass)
            {
                _ledger.Record(DefectKind.ClockClassDegradation, 1, frameNumber, sendNs + tapOffsetNs);
            }

            _lastAnnouncedClass = clockClass;
            frame.WritePtpAnnounce(Header(_announceSequence++, -3, 5), new PtpAnnounce
            {
                OriginTimestamp = Timestamp(sendNs),
                CurrentUtcOffset = 37,
                GrandmasterPriority1 = 128,
                ClockClass = clockClass,
                ClockAccuracy = clockClass == ClockClassDegradationDefect.LockedClockClass ? (byte)0x21 : (byte)0xFE,
                OffsetScaledLogVariance = 0x4E5D,
                GrandmasterPriority2 = 128,
                GrandmasterIdentity = _identity,
                StepsRemoved = 0,
                TimeSource = 0x20,
            });
            _nextAnnounce += AnnounceIntervalNs;
        }

        return _buffer.AsSpan(0, frame.Finish());
    }

    private byte ClockClassAt(long sendNs)
    {
        if (_degradation is not { } d)
        {
            return ClockClassDegradationDefect.LockedClockClass;
        }

        if (sendNs < _degradedUntil)
        {
            return d.ClockClass;
        }

        if (_random.Chance(d.Rate))
        {
            _degradedUntil = sendNs + d.HoldNanoseconds;
            _ledger.Event(DefectKind.ClockClassDegradation);
            return d.ClockClass;
        }

        return ClockClassDegradationDefect.LockedClockClass;
    }

    private PtpHeader Header(ushort sequenceId, sbyte logInterval, byte controlField) => PtpHeader.V2 with
    {
        DomainNumber = Domain,
        SourcePortIdentity = new PtpPortIdentity(_identity, 1),
        SequenceId = sequenceId,
        ControlField = controlField,
        LogMessageInterval = logInterval,
    };

    private PtpTimestamp Timestamp(long ns)
    {
        long tai = TimeScales.Convert(ns, _scale, TimeScale.Tai);
        return new PtpTimestamp((ulong)(tai / 1_000_000_000L), (uint)(tai % 1_000_000_000L));
    }
}
