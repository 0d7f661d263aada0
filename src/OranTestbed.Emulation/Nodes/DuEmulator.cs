using OranTestbed.Emulation.Frames;
using OranTestbed.Emulation.Randomness;
using OranTestbed.Emulation.Scheduling;
using OranTestbed.Emulation.Timing;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Writing;
using OranTestbed.Plans.Personalities;

namespace OranTestbed.Emulation.Nodes;

/// <summary>
/// The O-DU emulator. Slot by slot, for every antenna port (one eAxC each), it schedules: a DL C-plane message
/// (section type 1, one section over the carrier and the slot's DL symbols) and the DL U-plane of each DL symbol
/// (fragmented by the product's MTU and PRBs per section), sent the sampled advance before their air time; a UL
/// C-plane message (section type 1 over the UL symbols); and once per radio frame, in the first all-UL slot, a PRACH
/// C-plane message (section type 3, filterIndex 3, 12 PRBs, 12 symbols) on the PRACH eAxC. The TDD pattern decides
/// the symbols. Defects are drawn per slot and eAxC (missing C-plane, wrong eAxC split, PRBs beyond the carrier) and
/// per symbol burst (late bursts, wrong udCompHdr) from the O-DU's defect stream.
/// </summary>
internal sealed class DuEmulator : NodeEgress
{
    public const int DlSectionId = 1;
    public const int UlSectionId = 2;
    public const int PrachSectionId = 3;
    public const int PrachPrbs = 12;
    public const int PrachSymbols = 12;

    /// <summary>filterIndex of the short PRACH formats A1..C2 (O-RAN.WG4.CUS §7.5.2.13, Table 7.5.2.13-1).</summary>
    public const int PrachFilterIndex = 3;

    private readonly FrameAddress _address;
    private readonly EaxcPlan _eaxc;
    private readonly EaxcPlan? _wrongEaxc;
    private readonly EmulationRandom _timing;
    private readonly EmulationRandom _iq;
    private readonly TimeSampler _dlCPlane;
    private readonly TimeSampler _ulCPlane;
    private readonly TimeSampler _dlUPlane;
    private readonly long _maxLeadNs;
    private readonly long _lateAdvanceNs;
    private readonly UPlaneBurstPlan _dlPlan;
    private readonly UPlaneBurstPlan? _wrongPlan;
    private readonly MissingCPlaneDefect? _missing;
    private readonly WrongEaxcSplitDefect? _wrongSplit;
    private readonly PrbsBeyondCarrierDefect? _beyond;
    private readonly LateBurstDefect? _late;
    private readonly WrongUdCompHdrDefect? _wrongComp;
    private readonly int[] _lateRemaining;
    private readonly long[] _symbolAir = new long[SlotSymbols.SymbolsPerSlot];
    private readonly byte _dlCompHdr;
    private readonly byte _ulCompHdr;
    private readonly int _frameStructure;
    private readonly int _prachFreqOffset;
    private long _nextSlot;
    private long _prachFrame = -1;
    private long _prachSlot = -1;

    public DuEmulator(EmulationContext context)
        : base(context, context.Options.Du, RandomStream.DuDefects)
    {
        var options = context.Options;
        var profile = context.Profile;
        var settings = Personality.Settings;
        _address = new FrameAddress(options.DuMac.AsSpan(), options.RuMac.AsSpan(), profile.VlanId,
            options.VlanPriority, profile.EcpriUdpPort, options.DuIpv4.AsSpan(), options.RuIpv4.AsSpan());
        _eaxc = new EaxcPlan(profile.EaxcBits, options.DuPortId, options.BandSectorId, options.CcId, context.Ports,
            options.Prach);
        _timing = new EmulationRandom(options.Seed, RandomStream.DuTiming);
        _iq = new EmulationRandom(options.Seed, RandomStream.DuIqVariants);
        _missing = Personality.Defect<MissingCPlaneDefect>();
        _wrongSplit = Personality.Defect<WrongEaxcSplitDefect>();
        _beyond = Personality.Defect<PrbsBeyondCarrierDefect>();
        _late = Personality.Defect<LateBurstDefect>();
        _wrongComp = Personality.Defect<WrongUdCompHdrDefect>();
        if (_wrongSplit is { } split)
        {
            _wrongEaxc = new EaxcPlan(split.EaxcBits, options.DuPortId, options.BandSectorId, options.CcId,
                context.Ports, options.Prach);
        }

        var dl = profile.DownlinkCompression;
        var payloads = IqPayloads.Create(dl.Static, context.CarrierPrbs, options.IqVariants,
            new EmulationRandom(options.Seed, RandomStream.DuIq));
        _dlPlan = UPlaneBurstPlan.Build(_address, true, 0, payloads, dl.UdCompHdrPresent,
            PrbFragment.Split(0, context.CarrierPrbs, MaxPrbsPerMessage(settings, _address, dl.Static, dl.UdCompHdrPresent),
                context.CarrierPrbs), 0);
        if (_wrongComp is { } wrong && dl.UdCompHdrPresent)
        {
            var wrongPayloads = IqPayloads.Create(wrong.Compression, context.CarrierPrbs, options.IqVariants,
                new EmulationRandom(options.Seed, RandomStream.DuIq));
            _wrongPlan = UPlaneBurstPlan.Build(_address, true, 0, wrongPayloads, true,
                PrbFragment.Split(0, context.CarrierPrbs, MaxPrbsPerMessage(settings, _address, wrong.Compression, true),
                    context.CarrierPrbs), 0);
        }

        // The last frame of a burst of all ports waits behind the others at line rate.
        long allowance = context.Ports * _dlPlan.FragmentCount
            * EmulationContext.WireNs(_dlPlan.LargestFrame, options.LinkRateMbps);
        var windows = new TransmitWindows(profile, context.T12, context.T34, allowance, 0);
        var behaviour = Personality.DuBehaviour;
        _dlCPlane = TimeSampler.Resolve(behaviour.DlCPlaneAdvance, windows.DlCPlane);
        _ulCPlane = TimeSampler.Resolve(behaviour.UlCPlaneAdvance, windows.UlCPlane);
        _dlUPlane = TimeSampler.Resolve(behaviour.DlUPlaneAdvance, windows.DlUPlane);
        _lateAdvanceNs = windows.DlUPlaneLateEdge - (_late?.BeyondNanoseconds ?? 0);
        _maxLeadNs = Math.Max(Math.Max(_dlCPlane.MaxNs, _ulCPlane.MaxNs), _dlUPlane.MaxNs) + 1;
        _lateRemaining = new int[context.Ports];
        _dlCompHdr = dl.Static.Raw;
        _ulCompHdr = profile.UplinkCompression.Static.Raw;
        _frameStructure = (FftCode(context.CarrierPrbs) << 4) | context.Numerology;
        // PRACH at PRBs 0..11: its centre (subcarrier 72) from the carrier centre, in half subcarriers.
        _prachFreqOffset = (72 - (6 * context.CarrierPrbs)) * 2;
        _nextSlot = context.FirstSlot;
        Windows = windows;
    }

    public TransmitWindows Windows { get; }

    public EaxcPlan Eaxc => _eaxc;

    /// <summary>PRBs of one U-plane message for the product's MTU and PRBs-per-section limit.</summary>
    public static int MaxPrbsPerMessage(ProductSettings settings, FrameAddress address,
        Fronthaul.Compression.UdCompHdr compression, bool udCompHdr)
    {
        // eCPRI header 4 + eAxC/seqId 4 + common header 4 + section header 4 (+ udCompHdr 2), and IP/UDP if used.
        int overhead = 16 + (udCompHdr ? 2 : 0) + address.MtuOverhead;
        int prbs = (settings.Mtu - overhead) / Fronthaul.Compression.IqCompression.PrbSize(compression);
        return Math.Max(1, Math.Min(prbs, settings.MaxPrbsPerSection));
    }

    protected override long Fill()
    {
        long end = Context.FirstSlot + Context.SlotCount;
        while (_nextSlot < end && (Queue.Count == 0 || Queue.Min.DesiredNs >= Horizon()))
        {
            ScheduleSlot(_nextSlot++);
        }

        return _nextSlot < end ? Horizon() : long.MaxValue;
    }

    // Nothing of slot _nextSlot or later wants to leave before its start minus the largest advance.
    private long Horizon() => Context.SlotAir(_nextSlot, 0) - _maxLeadNs;

    private void ScheduleSlot(long slot)
    {
        var symbols = SlotSymbols.Of(Context.Profile, slot);
        long frame = Math.DivRem(slot, Context.SlotsPerFrame, out long inFrame);
        byte frameId = (byte)(frame & 0xFF);
        byte subframe = (byte)(inFrame / Context.SlotsPerSubframe);
        byte slotId = (byte)(inFrame % Context.SlotsPerSubframe);
        for (int s = 0; s < SlotSymbols.SymbolsPerSlot; s++)
        {
            _symbolAir[s] = Context.Clock.SymbolStart(frame, subframe, slotId, s);
        }

        bool prach = _eaxc.HasPrach && IsPrachSlot(slot, frame, symbols);
        for (int port = 0; port < Context.Ports; port++)
        {
            ushort carrier = _eaxc.Carrier(port);
            bool unrecognised = false;
            if (_wrongSplit is not null && _wrongEaxc is not null && Defects.Chance(_wrongSplit.Rate))
            {
                ushort wrong = _wrongEaxc.Carrier(port);
                if (wrong != carrier)
                {
                    carrier = wrong;
                    unrecognised = !_eaxc.Recognises(wrong); // the O-RU reads it with the profile's split
                    Ledger.Event(DefectKind.WrongEaxcSplit);
                }
            }

            var template = new Burst { FrameId = frameId, SubframeId = subframe, SlotId = slotId, Eaxc = carrier };
            if (symbols.DlCount > 0)
            {
                ScheduleDownlink(template, symbols, port);
            }

            if (symbols.UlCount > 0)
            {
                var ul = template;
                ul.Kind = BurstKind.UlCPlane;
                ul.Symbol = (byte)symbols.UlStart;
                ul.NumSymbol = (byte)symbols.UlCount;
                ul.SectionId = UlSectionId;
                ul.StartPrb = 0;
                ul.NumPrb = (short)Context.CarrierPrbs;
                ul.AirNs = _symbolAir[symbols.UlStart];
                ul.DesiredNs = ul.AirNs - _ulCPlane.Sample(_timing);
                ul.Flags = unrecognised ? BurstFlags.Unrecognised : BurstFlags.None;
                Queue.Push(ul);
            }

            if (prach)
            {
                var p = template;
                p.Kind = BurstKind.PrachCPlane;
                p.Eaxc = _eaxc.Prach(port);
                p.Symbol = 0;
                p.NumSymbol = PrachSymbols;
                p.SectionId = PrachSectionId;
                p.StartPrb = 0;
                p.NumPrb = PrachPrbs;
                p.AirNs = _symbolAir[0];
                p.DesiredNs = p.AirNs - _ulCPlane.Sample(_timing);
                Queue.Push(p);
            }
        }
    }

    private void ScheduleDownlink(Burst template, SlotSymbols symbols, int port)
    {
        bool orphan = _missing is not null && Defects.Chance(_missing.Rate);
        if (orphan)
        {
            Ledger.Event(DefectKind.MissingCPlane);
        }
        else
        {
            var c = template;
            c.Kind = BurstKind.DlCPlane;
            c.Flags = BurstFlags.Downlink;
            c.Symbol = (byte)symbols.DlStart;
            c.NumSymbol = (byte)symbols.DlCount;
            c.SectionId = DlSectionId;
            c.StartPrb = 0;
            c.NumPrb = (short)Context.CarrierPrbs;
            c.AirNs = _symbolAir[symbols.DlStart];
            c.DesiredNs = c.AirNs - _dlCPlane.Sample(_timing);
            if (_beyond is not null && Defects.Chance(_beyond.Rate))
            {
                c.Flags |= BurstFlags.BeyondCarrier;
                c.ExtraPrbs = (byte)_beyond.ExtraPrbs;
                Ledger.Event(DefectKind.PrbsBeyondCarrier);
            }

            Queue.Push(c);
        }

        for (int s = symbols.DlStart; s < symbols.DlStart + symbols.DlCount; s++)
        {
            var u = template;
            u.Kind = BurstKind.UPlane;
            u.Flags = BurstFlags.Downlink | (orphan ? BurstFlags.Orphan : BurstFlags.None);
            u.Symbol = (byte)s;
            u.SectionId = DlSectionId;
            u.AirNs = _symbolAir[s];
            u.Variant = (byte)_iq.Next(Context.Options.IqVariants);
            u.Plan = _dlPlan;
            long advance = _dlUPlane.Sample(_timing);
            if (_late is not null && (_lateRemaining[port] > 0 || Defects.Chance(_late.Rate)))
            {
                if (_lateRemaining[port] == 0)
                {
                    _lateRemaining[port] = _late.Length;
                    Ledger.Event(DefectKind.LateBursts);
                }

                _lateRemaining[port]--;
                advance = _lateAdvanceNs;
                u.Flags |= BurstFlags.Late;
            }

            if (_wrongPlan is not null && Defects.Chance(_wrongComp!.Rate))
            {
                u.Plan = _wrongPlan;
                u.Flags |= BurstFlags.WrongCompression;
                Ledger.Event(DefectKind.WrongUdCompHdr);
            }

            u.DesiredNs = u.AirNs - advance;
            Queue.Push(u);
        }
    }

    /// <summary>The PRACH occasion: the first all-UL slot of each radio frame.</summary>
    private bool IsPrachSlot(long slot, long frame, SlotSymbols symbols)
    {
        if (!symbols.AllUplink)
        {
            return false;
        }

        if (frame != _prachFrame)
        {
            _prachFrame = frame;
            _prachSlot = -1;
            for (long s = frame * Context.SlotsPerFrame; s < (frame + 1) * Context.SlotsPerFrame; s++)
            {
                if (SlotSymbols.Of(Context.Profile, s).AllUplink)
                {
                    _prachSlot = s;
                    break;
                }
            }
        }

        return slot == _prachSlot;
    }

    protected override int WriteCPlane(in Burst burst, byte sequenceId, Span<byte> buffer)
    {
        var frame = new FrameWriter(buffer);
        int ip = _address.Begin(ref frame);
        int ecpri = frame.BeginEcpri(EcpriFields.TypeRealTimeControl);
        frame.WriteOranTransportHeader(new EaxcId(burst.Eaxc), sequenceId);
        Span<byte> body = stackalloc byte[64];
        var c = new CPlaneWriter(body);
        bool prach = burst.Kind == BurstKind.PrachCPlane;
        bool extra = burst.Is(BurstFlags.BeyondCarrier);
        c.WriteHeader(new CPlaneHeaderValues
        {
            Downlink = burst.Kind == BurstKind.DlCPlane,
            FilterIndex = prach ? PrachFilterIndex : 0,
            FrameId = burst.FrameId,
            SubframeId = burst.SubframeId,
            SlotId = burst.SlotId,
            StartSymbolId = burst.Symbol,
            NumberOfSections = extra ? 2 : 1,
            SectionType = prach ? 3 : 1,
            FrameStructure = _frameStructure,
            UdCompHdr = burst.Kind == BurstKind.DlCPlane ? _dlCompHdr : _ulCompHdr,
        });
        c.WriteSection(new CPlaneSectionValues
        {
            SectionId = burst.SectionId,
            StartPrbc = burst.StartPrb,
            NumPrbc = burst.NumPrb > 255 ? 0 : burst.NumPrb,
            ReMask = 0x0FFF,
            NumSymbol = burst.NumSymbol,
            FreqOffset = prach ? _prachFreqOffset : 0,
        });
        if (extra)
        {
            c.WriteSection(new CPlaneSectionValues
            {
                SectionId = burst.SectionId,
                StartPrbc = Context.CarrierPrbs,
                NumPrbc = burst.ExtraPrbs,
                ReMask = 0x0FFF,
                NumSymbol = burst.NumSymbol,
            });
        }

        frame.WriteBytes(c.Written);
        frame.EndEcpri(ecpri);
        return FrameAddress.End(ref frame, ip);
    }

    /// <summary>frameStructure FFT code (O-RAN.WG4.CUS §7.5.2.13): the smallest FFT holding the carrier's subcarriers.</summary>
    private static int FftCode(int prbs)
    {
        int code = 7; // 128
        while ((128 << (code - 7)) < prbs * 12 && code < 12)
        {
            code++;
        }

        return code;
    }
}
