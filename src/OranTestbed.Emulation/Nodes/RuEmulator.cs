using OranTestbed.Emulation.Frames;
using OranTestbed.Emulation.Randomness;
using OranTestbed.Emulation.Reports;
using OranTestbed.Emulation.Scheduling;
using OranTestbed.Emulation.Timing;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Timing;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Nodes;

/// <summary>
/// The O-RU emulator. It consumes what the O-DU sends, decoding C-plane frames with <see cref="FrameDecoder"/>:
/// every C/U-plane message on one of its eAxC ids is classified early / on time / late against the profile's T2a
/// windows (<see cref="Counters"/>); each UL C-plane section (type 1, and type 3 for PRACH) is answered, symbol by
/// symbol, with UL U-plane sent the sampled delay after the symbol's air time, over the section's PRBs (clipped to
/// the carrier), fragmented by the product's MTU. A UL C-plane that arrives after its symbol's air time is too late to
/// answer that symbol; a repeated one (same ecpriSeqid on the eAxC) is answered once. Defects are drawn per symbol
/// burst (late bursts, wrong udCompHdr, PRBs beyond the carrier) and per received message (wrong eAxC split) from the
/// O-RU's defect stream.
/// </summary>
internal sealed class RuEmulator : NodeEgress
{
    private readonly FrameAddress _address;
    private readonly byte[] _ownMac;
    private readonly EaxcPlan _eaxc;
    private readonly EaxcPlan? _wrongEaxc;
    private readonly WrongEaxcSplitDefect? _wrongSplit;
    private readonly LateBurstDefect? _late;
    private readonly WrongUdCompHdrDefect? _wrongComp;
    private readonly PrbsBeyondCarrierDefect? _beyond;
    private readonly EmulationRandom _timing;
    private readonly EmulationRandom _iq;
    private readonly TimeSampler _delay;
    private readonly long _lateDelayNs;
    private readonly IqPayloads _payloads;
    private readonly IqPayloads? _wrongPayloads;
    private readonly bool _udCompHdr;
    private readonly int _maxPrbs;
    private readonly int _maxWrongPrbs;
    private readonly Dictionary<long, UPlaneBurstPlan> _plans = [];
    private readonly int[] _lateRemaining;
    private readonly short[] _lastUlSequence = new short[ushort.MaxValue + 1];

    // The message being decoded.
    private ushort _eaxcId;
    private byte _sequenceId;
    private bool _skipSections;
    private bool _unansweredByDefect;
    private int _frameId, _subframeId, _slotId, _symbol, _previousNumSymbol, _filterIndex, _numerology;
    private CPlaneSectionType _sectionType;
    private long _arrivalNs;
    private long _frameNumber;
    private long _tapNs;

    public RuEmulator(EmulationContext context)
        : base(context, context.Options.Ru, RandomStream.RuDefects)
    {
        var options = context.Options;
        var profile = context.Profile;
        _address = new FrameAddress(options.RuMac.AsSpan(), options.DuMac.AsSpan(), profile.VlanId,
            options.VlanPriority, profile.EcpriUdpPort, options.RuIpv4.AsSpan(), options.DuIpv4.AsSpan());
        _ownMac = [.. options.RuMac];
        _eaxc = new EaxcPlan(profile.EaxcBits, options.DuPortId, options.BandSectorId, options.CcId, context.Ports,
            options.Prach);
        _wrongSplit = Personality.Defect<WrongEaxcSplitDefect>();
        if (_wrongSplit is { } split)
        {
            _wrongEaxc = new EaxcPlan(split.EaxcBits, options.DuPortId, options.BandSectorId, options.CcId,
                context.Ports, options.Prach);
        }

        _late = Personality.Defect<LateBurstDefect>();
        _beyond = Personality.Defect<PrbsBeyondCarrierDefect>();
        var ul = profile.UplinkCompression;
        _udCompHdr = ul.UdCompHdrPresent;
        _wrongComp = _udCompHdr ? Personality.Defect<WrongUdCompHdrDefect>() : null;
        _timing = new EmulationRandom(options.Seed, RandomStream.RuTiming);
        _iq = new EmulationRandom(options.Seed, RandomStream.RuIqVariants);
        _payloads = IqPayloads.Create(ul.Static, context.CarrierPrbs, options.IqVariants,
            new EmulationRandom(options.Seed, RandomStream.RuIq));
        _maxPrbs = DuEmulator.MaxPrbsPerMessage(Personality.Settings, _address, ul.Static, _udCompHdr);
        if (_wrongComp is { } wrong)
        {
            _wrongPayloads = IqPayloads.Create(wrong.Compression, context.CarrierPrbs, options.IqVariants,
                new EmulationRandom(options.Seed, RandomStream.RuIq));
            _maxWrongPrbs = DuEmulator.MaxPrbsPerMessage(Personality.Settings, _address, wrong.Compression, true);
        }

        var carrierPlan = PlanFor(0, 0, context.CarrierPrbs, wrongCompression: false, extraPrbs: 0);
        long allowance = context.Ports * carrierPlan.FragmentCount
            * EmulationContext.WireNs(carrierPlan.LargestFrame, options.LinkRateMbps);
        var windows = new TransmitWindows(profile, context.T12, context.T34, 0, allowance);
        _delay = TimeSampler.Resolve(Personality.RuBehaviour.UlUPlaneDelay, windows.UlUPlane);
        _lateDelayNs = windows.UlUPlaneLateEdge + (_late?.BeyondNanoseconds ?? 0);
        _lateRemaining = new int[context.Ports];
        Counter = new ReceptionCounter(profile.DelayManagement);
        Windows = windows;
    }

    public TransmitWindows Windows { get; }

    public ReceptionCounter Counter { get; }

    public ReceptionCounters Counters => Counter.Build();

    /// <summary>
    /// Receives one frame at <paramref name="arrivalNs"/> (the O-RU's clock): frames it sent itself are ignored, PTP
    /// and others pass by, C-plane and U-plane are counted and UL C-plane answered. <paramref name="frameNumber"/> and
    /// <paramref name="tapNs"/> locate defect examples.
    /// </summary>
    public void Receive(ReadOnlySpan<byte> frame, long arrivalNs, long frameNumber, long tapNs)
    {
        if (frame.Length >= 12 && frame.Slice(6, 6).SequenceEqual(_ownMac))
        {
            return;
        }

        _arrivalNs = arrivalNs;
        _frameNumber = frameNumber;
        _tapNs = tapNs;
        var visitor = new RuFrameVisitor(this);
        FrameDecoder.Decode(frame, Context.DecodeOptions, ref visitor, out _);
    }

    /// <summary>
    /// A DL U-plane message whose air time the sender knows (the offline shortcut: the same classification as decoding
    /// its header, without decoding every U-plane frame).
    /// </summary>
    public void ObserveDownlinkUPlane(ushort eaxc, long airNs, long arrivalNs)
    {
        Counter.Received++;
        if (Recognise(eaxc))
        {
            Counter.Observe(cplane: false, downlink: true, arrivalNs - airNs, arrivalNs);
        }
    }

    protected override long Fill() => long.MaxValue; // an O-RU sends only in answer to C-plane

    protected override int WriteCPlane(in Burst burst, byte sequenceId, Span<byte> buffer) =>
        throw new InvalidOperationException("an O-RU sends no C-plane");

    internal void OnTransportHeader(ushort eaxc, byte sequenceId)
    {
        _eaxcId = eaxc;
        _sequenceId = sequenceId;
        _skipSections = true;
        _unansweredByDefect = false;
    }

    internal void OnCPlaneHeader(in CPlaneCommonHeader header)
    {
        Counter.Received++;
        bool answerable = header.SectionType is CPlaneSectionType.Normal or CPlaneSectionType.Prach;
        if (!Recognise(_eaxcId, out bool byDefect))
        {
            _unansweredByDefect = byDefect && !header.Downlink && answerable;
            return;
        }

        int mu = header.SectionType == CPlaneSectionType.Prach && header.SubcarrierSpacing <= SymbolTiming.MaxNumerology
            ? header.SubcarrierSpacing
            : Context.Numerology;
        if (Context.ClockFor(mu).Resolve(header.FrameId, header.SubframeId, header.SlotId, header.StartSymbolId,
                _arrivalNs, out var air) != AirTimeStatus.Ok)
        {
            Counter.Corrupt++;
            return;
        }

        Counter.Observe(cplane: true, header.Downlink, air.OffsetNs, _arrivalNs);
        if (header.Downlink || !answerable)
        {
            return;
        }

        ref short last = ref _lastUlSequence[_eaxcId];
        if (last == _sequenceId + 1)
        {
            return; // the same message again: answered already
        }

        last = (short)(_sequenceId + 1);
        _skipSections = false;
        _frameId = header.FrameId;
        _subframeId = header.SubframeId;
        _slotId = header.SlotId;
        _symbol = header.StartSymbolId;
        _previousNumSymbol = 0;
        _filterIndex = header.FilterIndex;
        _sectionType = header.SectionType;
        _numerology = mu;
    }

    internal void OnCPlaneSection(in CPlaneSection section)
    {
        if (_unansweredByDefect)
        {
            Ledger.Record(DefectKind.WrongEaxcSplit, 1, _frameNumber, _tapNs);
            return;
        }

        if (_skipSections)
        {
            return;
        }

        if (section.SymInc)
        {
            _symbol += _previousNumSymbol;
        }

        _previousNumSymbol = section.NumSymbol;
        bool prach = _sectionType == CPlaneSectionType.Prach;
        int start = section.StartPrbc;
        int count = section.EffectiveNumPrbc;
        if (!prach)
        {
            count = Math.Min(count, Context.CarrierPrbs - start);
        }

        if (count <= 0)
        {
            return;
        }

        var clock = Context.ClockFor(_numerology);
        int port = PortOf(_eaxcId);
        for (int s = _symbol; s < Math.Min(_symbol + section.NumSymbol, SlotSymbols.SymbolsPerSlot); s++)
        {
            if (clock.Resolve(_frameId, _subframeId, _slotId, s, _arrivalNs, out var air) != AirTimeStatus.Ok
                || air.OffsetNs > 0)
            {
                continue; // arrived after the symbol's air time: too late to answer it
            }

            ScheduleSymbol(section.SectionId, start, count, prach, port, s, air.TimeNs);
        }
    }

    internal void OnUPlaneHeader(Fronthaul.UPlane.UPlaneHeader header)
    {
        if (!header.IsDownlink)
        {
            return;
        }

        Counter.Received++;
        if (!Recognise(_eaxcId))
        {
            return;
        }

        if (Context.Clock.Resolve(header.FrameId, header.SubframeId, header.SlotId, header.SymbolId, _arrivalNs,
                out var air) != AirTimeStatus.Ok)
        {
            Counter.Corrupt++;
            return;
        }

        Counter.Observe(cplane: false, downlink: true, air.OffsetNs, _arrivalNs);
    }

    internal void OnDecodeError() => Counter.Corrupt++;

    private void ScheduleSymbol(int sectionId, int start, int count, bool prach, int port, int symbol, long airNs)
    {
        var burst = new Burst
        {
            Kind = BurstKind.UPlane,
            Flags = prach ? BurstFlags.Prach : BurstFlags.None,
            Eaxc = _eaxcId,
            FrameId = (byte)_frameId,
            SubframeId = (byte)_subframeId,
            SlotId = (byte)_slotId,
            Symbol = (byte)symbol,
            SectionId = (short)sectionId,
            AirNs = airNs,
            Variant = (byte)_iq.Next(Context.Options.IqVariants),
        };
        long delay = _delay.Sample(_timing);
        bool wrongCompression = false;
        int extra = 0;
        if (!prach)
        {
            if (_late is not null && (_lateRemaining[port] > 0 || Defects.Chance(_late.Rate)))
            {
                if (_lateRemaining[port] == 0)
                {
                    _lateRemaining[port] = _late.Length;
                    Ledger.Event(DefectKind.LateBursts);
                }

                _lateRemaining[port]--;
                delay = _lateDelayNs;
                burst.Flags |= BurstFlags.Late;
            }

            if (_wrongComp is not null && Defects.Chance(_wrongComp.Rate))
            {
                wrongCompression = true;
                burst.Flags |= BurstFlags.WrongCompression;
                Ledger.Event(DefectKind.WrongUdCompHdr);
            }

            if (_beyond is not null && Defects.Chance(_beyond.Rate))
            {
                extra = _beyond.ExtraPrbs;
                burst.Flags |= BurstFlags.BeyondCarrier;
                Ledger.Event(DefectKind.PrbsBeyondCarrier);
            }
        }

        burst.Plan = PlanFor(prach ? DuEmulator.PrachFilterIndex : _filterIndex, start, count, wrongCompression, extra);
        burst.DesiredNs = airNs + delay;
        Queue.Push(burst);
    }

    private UPlaneBurstPlan PlanFor(int filterIndex, int start, int count, bool wrongCompression, int extraPrbs)
    {
        long key = ((long)filterIndex << 40) | ((long)start << 28) | ((long)count << 16) | ((long)extraPrbs << 8)
            | (wrongCompression ? 1L : 0L);
        if (!_plans.TryGetValue(key, out var plan))
        {
            var payloads = wrongCompression ? _wrongPayloads! : _payloads;
            int max = wrongCompression ? _maxWrongPrbs : _maxPrbs;
            plan = UPlaneBurstPlan.Build(_address, false, filterIndex, payloads, _udCompHdr,
                PrbFragment.Split(start, count, max, Context.CarrierPrbs), extraPrbs);
            _plans.Add(key, plan);
        }

        return plan;
    }

    private int PortOf(ushort eaxc) =>
        new Fronthaul.Ecpri.EaxcId(eaxc).RuPort(Context.Profile.EaxcBits) % Context.Ports;

    private bool Recognise(ushort eaxc) => Recognise(eaxc, out _);

    /// <summary>True when the eAxC is one of the O-RU's; with the wrong-split defect the O-RU may read it wrongly.</summary>
    private bool Recognise(ushort eaxc, out bool byDefect)
    {
        byDefect = false;
        if (!_eaxc.Recognises(eaxc))
        {
            Counter.UnknownEaxc++;
            return false;
        }

        if (_wrongEaxc is not null && !_wrongEaxc.Recognises(eaxc) && Defects.Chance(_wrongSplit!.Rate))
        {
            Counter.UnknownEaxc++;
            Ledger.Event(DefectKind.WrongEaxcSplit);
            byDefect = true;
            return false;
        }

        return true;
    }
}
