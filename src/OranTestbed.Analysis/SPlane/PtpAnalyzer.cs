using System.Collections.Immutable;
using System.Globalization;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;

namespace OranTestbed.Analysis.SPlane;

/// <summary>
/// The S-plane component of <see cref="FronthaulAnalyzer"/>: judges PTP per clock port and domain against ITU-T
/// G.8275.1 — message rates (Sync and Delay_Req 16/s, Announce 8/s), domainNumber 24..43, the grandmaster clockClass
/// and its changes, Ethernet multicast destination (01-1B-19-00-00-00 or 01-80-C2-00-00-0E; PTP over UDP is G.8275.2),
/// sequenceId gaps per port and message type, and two-step pairing of Sync with Follow_Up (same port, same
/// sequenceId).
/// <para>
/// Clocks live in a bounded table (<see cref="PtpAnalyzerOptions.MaxClocks"/>), allocated on first sight; the per
/// message path allocates nothing. Rates use the capture timestamps and are judged in <see cref="Build"/>.
/// </para>
/// Not thread-safe.
/// </summary>
public sealed class PtpAnalyzer
{
    /// <summary>G.8275.1 domainNumber range (default 24).</summary>
    public const int MinDomain = 24;
    public const int MaxDomain = 43;

    /// <summary>IEEE 1588-2019 flagField twoStepFlag (octet 0 bit 1).</summary>
    public const ushort TwoStepFlag = 0x0200;

    public const double SyncPerSecond = 16;
    public const double DelayReqPerSecond = 16;
    public const double AnnouncePerSecond = 8;

    private const ulong ForwardableMulticast = 0x011B_1900_0000;
    private const ulong NonForwardableMulticast = 0x0180_C200_000E;

    private readonly FindingCollector _findings;
    private readonly PtpAnalyzerOptions _options;
    private readonly PtpClockState[] _clocks;
    private int _clockCount;
    private int _lastHit;
    private long _messages;
    private long _untracked;
    private long _lastTimestamp = long.MinValue;

    // Delay_Req messages seen at the tap, awaiting the master's Delay_Resp (matched by domain, requestingPortIdentity
    // and sequenceId, IEEE 1588-2019 §11.3.2): a ring, newest overwriting oldest.
    private const int PendingDelayReqCapacity = 64;

    /// <summary>A repeated Delay_Req is looked for among the newest few (a repeat follows its original closely).</summary>
    private const int RepeatLookback = 4;
    private readonly PtpPortIdentity[] _requestPort = new PtpPortIdentity[PendingDelayReqCapacity];
    private readonly byte[] _requestDomain = new byte[PendingDelayReqCapacity];
    private readonly ushort[] _requestSequence = new ushort[PendingDelayReqCapacity];
    private readonly long[] _requestTime = new long[PendingDelayReqCapacity];
    private readonly long[] _requestCorrection = new long[PendingDelayReqCapacity];
    private readonly bool[] _requestOpen = new bool[PendingDelayReqCapacity];
    private int _requestNext;

    public PtpAnalyzer(FindingCollector findings, PtpAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _findings = findings;
        _options = options ?? PtpAnalyzerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxClocks);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxClockClassChanges);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinimumMessages, 2);
        _clocks = new PtpClockState[_options.MaxClocks];
    }

    public PtpAnalyzerOptions Options => _options;

    /// <summary>The profile's S-plane time-error limits; null = the time error is reported, not judged.</summary>
    public TimeErrorLimits? TimeErrorLimits { get; set; }

    /// <summary>
    /// Checks the transport of a PTP frame: UDP/IP is G.8275.2 (<see cref="RuleCatalogue.PtpUdpTransport"/>), an
    /// Ethernet destination other than the two G.8275.1 multicast addresses breaks
    /// <see cref="RuleCatalogue.PtpMulticastAddress"/>. Call only for <see cref="FronthaulTransportKind.Ptp"/>.
    /// </summary>
    public void ObserveTransport(in FronthaulTransport transport, long frameNumber)
    {
        if (transport.IsUdp)
        {
            _findings.Record(RuleCatalogue.PtpUdpTransport, frameNumber);
            return;
        }

        var destination = transport.Ethernet.Destination;
        ulong mac = ((ulong)destination[0] << 40) | ((ulong)destination[1] << 32) | ((ulong)destination[2] << 24)
            | ((ulong)destination[3] << 16) | ((ulong)destination[4] << 8) | destination[5];
        if (mac is not (ForwardableMulticast or NonForwardableMulticast))
        {
            _findings.Record(RuleCatalogue.PtpMulticastAddress, frameNumber);
        }
    }

    /// <summary>Observes one decoded PTP message captured at <paramref name="timestampNanoseconds"/>.</summary>
    public void Observe(in PtpMessage message, long timestampNanoseconds, long frameNumber)
    {
        _messages++;
        _lastTimestamp = Math.Max(_lastTimestamp, timestampNanoseconds);
        byte domain = message.DomainNumber;
        if (domain is < MinDomain or > MaxDomain)
        {
            _findings.Record(RuleCatalogue.PtpDomain, frameNumber);
        }

        var clock = Find(message.SourcePortIdentity, domain);
        if (clock is null)
        {
            _untracked++;
            return;
        }

        clock.Messages++;
        var type = message.MessageType;
        ushort sequenceId = message.SequenceId;
        ObserveSequence(ref clock.Stats[(int)type], type, sequenceId, timestampNanoseconds, frameNumber);
        switch (type)
        {
            case PtpMessageType.Sync:
                clock.SeenSyncOrFollowUp = true;
                if ((message.FlagField & TwoStepFlag) != 0)
                {
                    AddPendingSync(clock, sequenceId, timestampNanoseconds, frameNumber);
                }

                TimeErrorSync(clock, message, sequenceId, timestampNanoseconds, frameNumber);
                break;
            case PtpMessageType.FollowUp:
                PairFollowUp(clock, sequenceId, frameNumber);
                TimeErrorFollowUp(clock, message, sequenceId, frameNumber);
                break;
            case PtpMessageType.DelayReq:
                OpenDelayRequest(message, domain, sequenceId, timestampNanoseconds);
                break;
            case PtpMessageType.DelayResp:
                TimeErrorDelayResp(clock, message, domain, sequenceId, frameNumber);
                break;
            case PtpMessageType.Announce when message.TryGetAnnounce(out var announce):
                ObserveAnnounce(clock, announce, timestampNanoseconds, frameNumber);
                var te = clock.TimeError ??= new TimeErrorState();
                te.HasAnnounce = true;
                te.AnnounceFlags = message.FlagField;
                te.CurrentUtcOffset = announce.CurrentUtcOffset;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Closes the traffic so far (two-step Syncs still waiting are unpaired, except the newest within
    /// <see cref="PtpAnalyzerOptions.PairingGraceNanoseconds"/> of the end), judges the rates and returns the report.
    /// Findings go to the collector, so call it once, at the end.
    /// </summary>
    public PtpReport Build()
    {
        if (_messages == 0)
        {
            return PtpReport.Empty with { TimeErrorLimits = TimeErrorLimits };
        }

        var clocks = ImmutableArray.CreateBuilder<PtpClockReport>(_clockCount);
        bool anyEvaluated = false;
        for (int i = 0; i < _clockCount; i++)
        {
            var clock = _clocks[i];
            FlushPending(clock);
            var rates = new PtpRates(
                Rate(clock, PtpMessageType.Sync, SyncPerSecond, _options.RateTolerance, RuleCatalogue.PtpSyncRate),
                Rate(clock, PtpMessageType.FollowUp, null, 0, null),
                Rate(clock, PtpMessageType.DelayReq, DelayReqPerSecond, _options.DelayReqRateTolerance,
                    RuleCatalogue.PtpDelayReqRate),
                Rate(clock, PtpMessageType.DelayResp, null, 0, null),
                Rate(clock, PtpMessageType.Announce, AnnouncePerSecond, _options.RateTolerance,
                    RuleCatalogue.PtpAnnounceRate));
            anyEvaluated |= rates.Sync.Evaluated || rates.DelayReq.Evaluated || rates.Announce.Evaluated;
            long gaps = 0, missing = 0;
            foreach (var stats in clock.Stats)
            {
                gaps += stats.Gaps;
                missing += stats.Missing;
            }

            int kept = (int)Math.Min(clock.ChangeCount, clock.Changes.Length);
            var timeError = TimeErrorAnalysis.Build(clock.TimeError, TimeErrorLimits);
            RecordTimeErrorFindings(timeError);
            clocks.Add(new PtpClockReport(clock.Port, clock.Domain, clock.Messages,
                clock.HasAnnounce ? clock.Grandmaster : null, clock.HasAnnounce ? clock.ClockClass : null,
                clock.ChangeCount, [.. clock.Changes.AsSpan(0, kept)], rates, gaps, missing, clock.UnpairedSync,
                clock.UnpairedFollowUp) { TimeError = timeError });
        }

        string? reason = anyEvaluated
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"no clock sent Sync, Delay_Req or Announce {_options.MinimumMessages} times over at least {_options.MinimumSpanNanoseconds / 1e9} s");
        return new PtpReport(_messages, _untracked, clocks.MoveToImmutable(), anyEvaluated, reason)
        {
            TimeErrorLimits = TimeErrorLimits,
        };
    }

    /// <summary>A failed check or mask point of an evaluated time error becomes a finding of its PTP-TE-* rule.</summary>
    private void RecordTimeErrorFindings(TimeErrorReport timeError)
    {
        foreach (var check in timeError.Checks)
        {
            if (!check.Pass)
            {
                _findings.Record(check.RuleId == RuleCatalogue.PtpTimeErrorCte.Id
                    ? RuleCatalogue.PtpTimeErrorCte
                    : RuleCatalogue.PtpTimeErrorMaxAbs, timeError.WorstFrame);
            }
        }

        if (timeError.MtieMask is { Pass: false })
        {
            _findings.Record(RuleCatalogue.PtpTimeErrorMtieMask, timeError.LastFrame);
        }

        if (timeError.TdevMask is { Pass: false })
        {
            _findings.Record(RuleCatalogue.PtpTimeErrorTdevMask, timeError.LastFrame);
        }
    }

    // ── Time error (issue 17): one-way samples at the tap, O(1) per message ─────────────────────────────────────

    /// <summary>
    /// A Sync: one-step, its forward sample now (originTimestamp + correctionField, IEEE 1588-2019 §11.3.2 a); two-step,
    /// held for its Follow_Up (preciseOriginTimestamp + correctionField of Sync and Follow_Up, §11.3.2 b), or paired with
    /// a Follow_Up that came first.
    /// </summary>
    private static void TimeErrorSync(PtpClockState clock, in PtpMessage message, ushort sequenceId, long timestamp,
        long frameNumber)
    {
        var te = clock.TimeError ??= new TimeErrorState();
        te.LogSyncInterval = message.LogMessageInterval;
        long correction = message.CorrectionField;
        if ((message.FlagField & TwoStepFlag) == 0)
        {
            if (te.LastCompletedSequence == sequenceId)
            {
                te.Duplicates++;
                return;
            }

            message.TryGetTimestamp(out var origin);
            AddForward(te, timestamp, TimeErrorState.Units(origin) + correction, frameNumber, sequenceId);
            return;
        }

        if (te.FollowUps.TryTake(sequenceId, out var precise, out long followUpCorrection))
        {
            AddForward(te, timestamp, precise + correction + followUpCorrection, frameNumber, sequenceId);
            return;
        }

        if (te.Syncs.Contains(sequenceId) || te.LastCompletedSequence == sequenceId)
        {
            te.Duplicates++;
            return;
        }

        if (te.Syncs.Add(sequenceId, timestamp, correction))
        {
            te.SyncsWithoutFollowUp++;
        }
    }

    private static void TimeErrorFollowUp(PtpClockState clock, in PtpMessage message, ushort sequenceId, long frameNumber)
    {
        var te = clock.TimeError ??= new TimeErrorState();
        message.TryGetTimestamp(out var precise);
        Int128 origin = TimeErrorState.Units(precise);
        long correction = message.CorrectionField;
        if (te.Syncs.TryTake(sequenceId, out var tapTime, out long syncCorrection))
        {
            AddForward(te, (long)tapTime, origin + syncCorrection + correction, frameNumber, sequenceId);
            return;
        }

        if (te.LastCompletedSequence == sequenceId)
        {
            te.Duplicates++;
            return;
        }

        if (te.FollowUps.Add(sequenceId, origin, correction))
        {
            te.FollowUpsWithoutSync++;
        }
    }

    private static void AddForward(TimeErrorState te, long tapTimestamp, Int128 masterUnits, long frameNumber,
        ushort sequenceId)
    {
        te.LastCompletedSequence = sequenceId;
        Int128 value = ((Int128)tapTimestamp << 16) - masterUnits;
        if (value > long.MaxValue || value < long.MinValue)
        {
            te.OutOfRange++;
            return;
        }

        te.Forward.Add(tapTimestamp, (long)value, frameNumber);
    }

    private void OpenDelayRequest(in PtpMessage message, byte domain, ushort sequenceId, long timestamp)
    {
        var port = message.SourcePortIdentity;
        int slot = _requestNext;
        for (int k = 0, newest = slot; k < RepeatLookback; k++)
        {
            newest = newest == 0 ? PendingDelayReqCapacity - 1 : newest - 1;
            if (_requestOpen[newest] && _requestSequence[newest] == sequenceId && _requestDomain[newest] == domain
                && _requestPort[newest].ClockIdentity == port.ClockIdentity
                && _requestPort[newest].PortNumber == port.PortNumber)
            {
                return; // a repeat: the first copy's tap time stands
            }
        }

        _requestNext = (slot + 1) % PendingDelayReqCapacity;
        _requestPort[slot] = port;
        _requestDomain[slot] = domain;
        _requestSequence[slot] = sequenceId;
        _requestTime[slot] = timestamp;
        _requestCorrection[slot] = message.CorrectionField;
        _requestOpen[slot] = true;
    }

    /// <summary>
    /// A Delay_Resp: the reverse sample of its Delay_Req. t4 = receiveTimestamp − correctionField of Delay_Resp (IEEE
    /// 1588-2019 §11.3.2 c: the master copies the Delay_Req's correctionField and transparent clocks add residence time
    /// to it); the part of it the Delay_Req already carried at the tap (set by the slave or a clock before the tap) is
    /// not on the tap-to-master path, so reverse = (receiveTimestamp − (cf(Delay_Resp) − cf(Delay_Req at the tap))) −
    /// t_tap(Delay_Req).
    /// </summary>
    private void TimeErrorDelayResp(PtpClockState clock, in PtpMessage message, byte domain, ushort sequenceId,
        long frameNumber)
    {
        var te = clock.TimeError ??= new TimeErrorState();
        if (!message.TryGetRequestingPortIdentity(out var requester) || !message.TryGetTimestamp(out var receive))
        {
            return;
        }

        int slot = _requestNext;
        for (int k = 0; k < PendingDelayReqCapacity; k++)
        {
            slot = slot == 0 ? PendingDelayReqCapacity - 1 : slot - 1; // newest first
            if (!_requestOpen[slot] || _requestSequence[slot] != sequenceId || _requestDomain[slot] != domain
                || _requestPort[slot].ClockIdentity != requester.ClockIdentity
                || _requestPort[slot].PortNumber != requester.PortNumber)
            {
                continue;
            }

            _requestOpen[slot] = false;
            long tap = _requestTime[slot];
            Int128 t4 = TimeErrorState.Units(receive) - (message.CorrectionField - (Int128)_requestCorrection[slot]);
            Int128 value = t4 - ((Int128)tap << 16);
            if (value > long.MaxValue || value < long.MinValue)
            {
                te.OutOfRange++;
                return;
            }

            te.Reverse.Add(tap, (long)value, frameNumber);
            return;
        }

        te.DelayRespWithoutRequest++;
    }

    private PtpClockState? Find(in PtpPortIdentity port, byte domain)
    {
        if (_clockCount > 0 && _clocks[_lastHit].Matches(port, domain))
        {
            return _clocks[_lastHit];
        }

        for (int i = 0; i < _clockCount; i++)
        {
            if (_clocks[i].Matches(port, domain))
            {
                _lastHit = i;
                return _clocks[i];
            }
        }

        if (_clockCount == _clocks.Length)
        {
            return null;
        }

        _lastHit = _clockCount;
        var clock = new PtpClockState(port, domain, _options.MaxClockClassChanges);
        _clocks[_clockCount++] = clock;
        return clock;
    }

    private void ObserveSequence(ref PtpMessageStats stats, PtpMessageType type, ushort sequenceId, long timestamp,
        long frameNumber)
    {
        if (stats.Count == 0)
        {
            stats.FirstTimestamp = timestamp;
        }
        else if (type is PtpMessageType.Sync or PtpMessageType.FollowUp or PtpMessageType.DelayReq
                 or PtpMessageType.Announce)
        {
            int step = (ushort)(sequenceId - stats.LastSequenceId);
            if (step != 1)
            {
                // Forward jumps lose step - 1 messages; repeats and backward steps are gaps without a count of lost.
                stats.Gaps++;
                stats.Missing += step is > 1 and < 0x8000 ? step - 1 : 0;
                _findings.Record(RuleCatalogue.PtpSequenceGap, frameNumber);
            }
        }

        stats.Count++;
        stats.LastTimestamp = timestamp;
        stats.LastFrame = frameNumber;
        stats.LastSequenceId = sequenceId;
    }

    private void AddPendingSync(PtpClockState clock, ushort sequenceId, long timestamp, long frameNumber)
    {
        if (clock.PendingCount == PtpClockState.PendingCapacity)
        {
            Unpaired(clock, 0);
            clock.RemovePendingUpTo(1);
        }

        int slot = clock.PendingCount++;
        clock.PendingSequence[slot] = sequenceId;
        clock.PendingFrame[slot] = frameNumber;
        clock.PendingTimestamp[slot] = timestamp;
    }

    private void PairFollowUp(PtpClockState clock, ushort sequenceId, long frameNumber)
    {
        bool first = !clock.SeenSyncOrFollowUp;
        clock.SeenSyncOrFollowUp = true;
        for (int i = 0; i < clock.PendingCount; i++)
        {
            if (clock.PendingSequence[i] != sequenceId)
            {
                continue;
            }

            // Older Syncs still waiting were passed over: their Follow_Up will not come.
            for (int stale = 0; stale < i; stale++)
            {
                Unpaired(clock, stale);
            }

            clock.RemovePendingUpTo(i + 1);
            return;
        }

        if (!first)
        {
            clock.UnpairedFollowUp++;
            _findings.Record(RuleCatalogue.PtpFollowUpWithoutSync, frameNumber);
        }
    }

    private void FlushPending(PtpClockState clock)
    {
        int judged = clock.PendingCount;
        if (judged > 0 && _lastTimestamp - clock.PendingTimestamp[judged - 1] < _options.PairingGraceNanoseconds)
        {
            judged--; // the capture ended between the newest Sync and its Follow_Up
        }

        for (int i = 0; i < judged; i++)
        {
            Unpaired(clock, i);
        }

        clock.PendingCount = 0;
    }

    private void Unpaired(PtpClockState clock, int index)
    {
        clock.UnpairedSync++;
        _findings.Record(RuleCatalogue.PtpSyncWithoutFollowUp, clock.PendingFrame[index]);
    }

    private void ObserveAnnounce(PtpClockState clock, in PtpAnnounce announce, long timestamp, long frameNumber)
    {
        if (clock.HasAnnounce && announce.ClockClass != clock.ClockClass)
        {
            if (clock.ChangeCount < clock.Changes.Length)
            {
                clock.Changes[clock.ChangeCount] =
                    new PtpClockClassChange(clock.ClockClass, announce.ClockClass, timestamp, frameNumber);
            }

            clock.ChangeCount++;
            _findings.Record(RuleCatalogue.PtpClockClassChange, frameNumber);
        }

        clock.HasAnnounce = true;
        clock.Grandmaster = announce.GrandmasterIdentity;
        clock.ClockClass = announce.ClockClass;
    }

    private PtpRate Rate(PtpClockState clock, PtpMessageType type, double? expected, double tolerance, Rule? rule)
    {
        var stats = clock.Stats[(int)type];
        long span = stats.LastTimestamp - stats.FirstTimestamp;
        double? perSecond = stats.Count >= 2 && span > 0 ? (stats.Count - 1) / (span / 1e9) : null;
        if (expected is not { } wanted || rule is null)
        {
            return new PtpRate(stats.Count, perSecond, null, false, "G.8275.1 fixes no rate for this message");
        }

        if (stats.Count == 0)
        {
            return new PtpRate(0, null, wanted, false, "not sent by this port");
        }

        if (stats.Count < _options.MinimumMessages || span < _options.MinimumSpanNanoseconds || perSecond is null)
        {
            return new PtpRate(stats.Count, perSecond, wanted, false, string.Create(CultureInfo.InvariantCulture,
                $"{stats.Count} messages over {span / 1e9:0.###} s: fewer than {_options.MinimumMessages} or less than {_options.MinimumSpanNanoseconds / 1e9} s"));
        }

        bool outside = Math.Abs(perSecond.Value - wanted) > tolerance * wanted;
        if (outside)
        {
            _findings.Record(rule, stats.LastFrame);
        }

        return new PtpRate(stats.Count, perSecond, wanted, true, null) { OutOfTolerance = outside };
    }
}
