using System.Collections.Immutable;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.Correlation;

/// <summary>
/// C/U-plane correlation (issue 3 §3): every DL U-plane section must be covered by a DL C-plane section, every UL
/// C-plane section must be answered by UL U-plane; orphans both ways are findings (<see cref="RuleCatalogue.UPlaneOrphan"/>,
/// <see cref="RuleCatalogue.CPlaneUnanswered"/>, example = the U-plane resp. C-plane frame).
/// <para>
/// <b>Memory.</b> Per eAxC and direction (<see cref="CorrelationFlow"/>, allocated on first sight) the C-plane sections
/// of the recent slots, keyed by (frameId, subframeId, slotId). A slot entry lives for <see cref="HorizonNs"/> (default
/// 10 ms) of packet time after its first C-plane message, and at most <c>slotsPerFlow</c> (default 64) entries are kept
/// per flow (the oldest is judged and dropped first); a slot keeps at most <c>sectionsPerSlot</c> (default 32) sections,
/// the others are counted in <see cref="CorrelationReport.SectionOverflow"/> and make the slot's unmatched U-plane and
/// its dropped sections "not evaluated" instead of orphans. Nothing is allocated per message once every flow was seen.
/// </para>
/// <para>
/// <b>Coverage (DL).</b> A DL U-plane section (eAxC, frameId, subframeId, slotId, symbolId, sectionId, PRBs) is covered
/// by a stored DL C-plane section of the same eAxC and slot when: the sectionIds are equal, or either is 4095 (no
/// coupling by sectionId: PRBs and symbol only); the symbol is one the C-plane section addresses; and every U-plane PRB
/// is one of the C-plane section's PRBs (startPrbc + k·(rb ? 2 : 1), k &lt; numPrbc; numPrbc 0 = the carrier).
/// </para>
/// <para>
/// <b>Symbols.</b> A C-plane section addresses numSymbol symbols from the message's current symbol, which starts at
/// startSymbolId; a section with symInc = 1 first advances the current symbol by the numSymbol of the preceding section
/// (our reading of O-RAN.WG4.CUS §7.5.3.5). Symbols beyond 13 are ignored here (CPLANE-SYMBOL-RANGE reports them).
/// </para>
/// <para>
/// <b>Answers (UL).</b> Section types 1, 3 (PRACH, its U-plane judged the same way on its own PRB grid) and 5 are
/// expected to be answered; 0, 6 and 7 carry no U-plane. A UL U-plane section answers symbol s of a stored UL C-plane
/// section of the same eAxC and slot when the sectionIds match (4095 as above), s is addressed and the PRB ranges
/// overlap. PRB completeness is not checked: any U-plane for a symbol answers it. When a slot entry is judged (its
/// horizon passed in packet time, or it is pushed out of the ring), a section with any addressed symbol unanswered is
/// an orphan (UL C-plane not answered), else answered.
/// </para>
/// <para>
/// <b>End of input.</b> <see cref="Build"/> judges the pending slots whose horizon ended before the last timestamp seen;
/// the sections of slots within <see cref="HorizonNs"/> of the end of the capture could still be answered after it, so
/// they are "not evaluated", never orphans.
/// </para>
/// <para>
/// <b>Start of input.</b> The mirror image: a capture rarely starts on a slot boundary, so the C-plane of the first slots'
/// DL U-plane may have been sent before the first captured frame. A DL U-plane section whose slot has no stored C-plane
/// and whose message came within <see cref="CaptureStartAllowanceNs"/> of the first C-plane or U-plane message is "not
/// evaluated" (counted in <see cref="CorrelationCounts.DlNotEvaluatedAtStart"/>), never an orphan. The allowance is the
/// longest time a DL C-plane message can precede a U-plane message of its slot: one slot (the U-plane of the last
/// symbol) plus the largest DL C-plane advance, the profile's T1a_max_cp_dl / T2a_max_cp_dl when it gives them
/// (<see cref="CaptureStartAllowanceFor"/>), else <see cref="DefaultCaptureStartAllowanceNs"/>. A slot whose C-plane
/// came in several messages of which only the later ones were captured is still judged (an O-DU normally sends a
/// slot's C-plane for one eAxC and direction in one message).
/// </para>
/// Not thread-safe: one per analyzer.
/// </summary>
internal sealed class CUPlaneCorrelator
{
    public const long DefaultHorizonNs = 10_000_000;

    /// <summary>
    /// The largest DL C-plane advance assumed when the profile gives none: 2 ms, above every T1a_max_cp_dl and
    /// T2a_max_cp_dl of the shipped profiles and the WG4 IOT profiles (the widest, n28 at µ = 0, is 1.12 ms).
    /// </summary>
    public const long DefaultMaxCPlaneAdvanceNs = 2_000_000;

    /// <summary>The capture-start allowance without a profile: the longest slot (1 ms, µ = 0) plus <see cref="DefaultMaxCPlaneAdvanceNs"/>.</summary>
    public const long DefaultCaptureStartAllowanceNs = 1_000_000 + DefaultMaxCPlaneAdvanceNs;
    public const int DefaultSlotsPerFlow = 64;
    public const int DefaultSectionsPerSlot = 32;

    /// <summary>sectionId meaning "no coupling by sectionId".</summary>
    public const int UncoupledSectionId = 4095;

    private const int SymbolsPerSlot = 14;
    private const int SymbolMask = (1 << SymbolsPerSlot) - 1;
    private const long SweepIntervalNs = 100_000;
    private const int PageBits = 8;
    private const int PageSize = 1 << PageBits;

    private readonly FindingCollector _findings;
    private readonly int _slotsPerFlow;
    private readonly int _sectionsPerSlot;

    // [direction: 0 = UL, 1 = DL][eAxC page][eAxC & 0xFF]
    private readonly CorrelationFlow?[]?[][] _pages =
        [new CorrelationFlow?[]?[(ushort.MaxValue + 1) >> PageBits], new CorrelationFlow?[]?[(ushort.MaxValue + 1) >> PageBits]];

    private readonly List<CorrelationFlow> _flows = [];
    private long _overflow;
    private long _latestNs = long.MinValue;
    private long _firstNs = long.MinValue;
    private long _lastSweepNs = long.MinValue;

    // The message being decoded.
    private CorrelationFlow? _flow;
    private int _slot = -1;
    private int _symbol;
    private int _previousNumSymbol;
    private long _frameNumber;
    private long _messageNs;

    public CUPlaneCorrelator(FindingCollector findings, long horizonNs = DefaultHorizonNs,
        int slotsPerFlow = DefaultSlotsPerFlow, int sectionsPerSlot = DefaultSectionsPerSlot)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotsPerFlow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sectionsPerSlot);
        _findings = findings;
        HorizonNs = horizonNs;
        _slotsPerFlow = slotsPerFlow;
        _sectionsPerSlot = sectionsPerSlot;
    }

    /// <summary>How long (packet time) a slot's C-plane sections are kept after its first C-plane message.</summary>
    public long HorizonNs { get; }

    /// <summary>
    /// How long after the first C-plane or U-plane message a DL U-plane section without any C-plane of its slot is
    /// "not evaluated" rather than an orphan (see the class remarks); <see cref="DefaultCaptureStartAllowanceNs"/> unless
    /// set, e.g. to <see cref="CaptureStartAllowanceFor"/> of the profile.
    /// </summary>
    public long CaptureStartAllowanceNs
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultCaptureStartAllowanceNs;

    /// <summary>
    /// The capture-start allowance for <paramref name="profile"/>: one slot of its numerology plus its largest DL C-plane
    /// advance (T1a_max_cp_dl or T2a_max_cp_dl, whichever is larger; <see cref="DefaultMaxCPlaneAdvanceNs"/> when it
    /// gives neither).
    /// </summary>
    public static long CaptureStartAllowanceFor(FronthaulProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var delays = profile.DelayManagement;
        long slotNs = 1_000_000L >> profile.Carrier.Numerology;
        long advance = Math.Max(delays.Get(DelayParameter.T1aMaxCpDl) ?? 0, delays.Get(DelayParameter.T2aMaxCpDl) ?? 0);
        return slotNs + (advance > 0 ? advance : DefaultMaxCPlaneAdvanceNs);
    }

    /// <summary>Forgets the current message (called as every eCPRI message begins and ends).</summary>
    public void ResetMessage()
    {
        _flow = null;
        _slot = -1;
    }

    /// <summary>A C-plane message: its sections follow through <see cref="OnCPlaneSection"/>.</summary>
    public void OnCPlaneHeader(ushort eaxc, bool downlink, CPlaneSectionType sectionType, int frameId, int subframeId,
        int slotId, int startSymbolId, long timestampNs, long frameNumber)
    {
        ResetMessage();
        Advance(timestampNs);
        if (sectionType is not (CPlaneSectionType.Normal or CPlaneSectionType.Prach or CPlaneSectionType.UeScheduling))
        {
            return; // no U-plane data belongs to ST0, ST6, ST7
        }

        var flow = FlowOf(eaxc, downlink);
        int key = KeyOf(frameId, subframeId, slotId);
        int slot = flow.Find(key);
        if (slot < 0)
        {
            if (flow.Full)
            {
                Judge(flow, flow.Head);
                flow.RemoveHead();
            }

            slot = flow.Append(key, timestampNs);
        }

        _flow = flow;
        _slot = slot;
        _symbol = startSymbolId;
        _previousNumSymbol = 0;
        _frameNumber = frameNumber;
    }

    public void OnCPlaneSection(int sectionId, bool symInc, int startPrbc, int effectiveNumPrbc, bool rb, int numSymbol)
    {
        if (_flow is not { } flow || _slot < 0)
        {
            return;
        }

        if (symInc)
        {
            _symbol += _previousNumSymbol;
        }

        _previousNumSymbol = numSymbol;
        int expected = SymbolsFrom(_symbol, numSymbol);
        if (expected == 0 || effectiveNumPrbc <= 0)
        {
            return; // addresses nothing to correlate (range rules report the fields)
        }

        var section = new CorrelationSection
        {
            SectionId = sectionId, StartPrb = startPrbc, NumPrb = effectiveNumPrbc, Rb = rb, Expected = expected,
            Frame = _frameNumber,
        };
        if (!flow.Downlink)
        {
            flow.UlCplaneSections++;
        }

        if (!flow.TryAdd(_slot, section))
        {
            _overflow++;
            if (!flow.Downlink)
            {
                flow.UlNotEvaluated++;
            }
        }
    }

    /// <summary>A U-plane message: its sections follow through <see cref="OnUPlaneSection"/>.</summary>
    public void OnUPlaneHeader(ushort eaxc, bool downlink, int frameId, int subframeId, int slotId, int symbolId,
        long timestampNs, long frameNumber)
    {
        ResetMessage();
        Advance(timestampNs);
        var flow = FlowOf(eaxc, downlink);
        _flow = flow;
        _slot = flow.Find(KeyOf(frameId, subframeId, slotId));
        _symbol = symbolId;
        _frameNumber = frameNumber;
        _messageNs = timestampNs;
    }

    public void OnUPlaneSection(int sectionId, int startPrb, int numPrb, bool rb)
    {
        if (_flow is not { } flow)
        {
            return;
        }

        int symbolBit = (uint)_symbol < SymbolsPerSlot ? 1 << _symbol : 0;
        if (flow.Downlink)
        {
            Cover(flow, sectionId, startPrb, numPrb, rb, symbolBit);
        }
        else if (_slot >= 0 && symbolBit != 0)
        {
            Answer(flow, sectionId, startPrb, numPrb, rb, symbolBit);
        }
    }

    /// <summary>
    /// Judges the pending UL slots whose horizon ended by the last timestamp seen, counts the others as not evaluated
    /// (see the class remarks) and gives the report. Call once, at the end.
    /// </summary>
    public CorrelationReport Build()
    {
        long end = _latestNs;
        foreach (var flow in _flows)
        {
            while (flow.Live > 0)
            {
                int head = flow.Head;
                if (!flow.Downlink)
                {
                    if (flow.TimeOf(head) + HorizonNs <= end)
                    {
                        Judge(flow, head);
                    }
                    else
                    {
                        flow.UlNotEvaluated += flow.CountOf(head);
                    }
                }

                flow.RemoveHead();
            }
        }

        var sorted = new List<ushort>();
        foreach (var flow in _flows)
        {
            if (!sorted.Contains(flow.Eaxc))
            {
                sorted.Add(flow.Eaxc);
            }
        }

        sorted.Sort();
        var perEaxc = ImmutableArray.CreateBuilder<EaxcCorrelationReport>(sorted.Count);
        var totals = CorrelationCounts.Zero;
        foreach (ushort eaxc in sorted)
        {
            var counts = CorrelationCounts.Zero;
            foreach (var flow in _flows)
            {
                if (flow.Eaxc == eaxc)
                {
                    counts = Add(counts, flow.Counts());
                }
            }

            perEaxc.Add(new EaxcCorrelationReport(eaxc, counts));
            totals = Add(totals, counts);
        }

        return new CorrelationReport(totals, perEaxc.MoveToImmutable(), _overflow, HorizonNs)
        {
            CaptureStartAllowanceNs = CaptureStartAllowanceNs,
        };
    }

    private static CorrelationCounts Add(CorrelationCounts a, CorrelationCounts b) => new(
        a.DlUplaneSections + b.DlUplaneSections, a.DlCovered + b.DlCovered, a.DlOrphans + b.DlOrphans,
        a.DlNotEvaluated + b.DlNotEvaluated, a.UlCplaneSections + b.UlCplaneSections, a.UlAnswered + b.UlAnswered,
        a.UlOrphans + b.UlOrphans, a.UlNotEvaluated + b.UlNotEvaluated)
    {
        DlNotEvaluatedAtStart = a.DlNotEvaluatedAtStart + b.DlNotEvaluatedAtStart,
    };

    /// <summary>frameId (8 bits), subframeId (4), slotId (6) in one key.</summary>
    private static int KeyOf(int frameId, int subframeId, int slotId) => (frameId << 10) | (subframeId << 6) | slotId;

    /// <summary>The mask of symbols first..first+count−1 that lie within the slot.</summary>
    private static int SymbolsFrom(int first, int count)
    {
        if (count <= 0 || (uint)first >= SymbolsPerSlot)
        {
            return 0;
        }

        int last = Math.Min(first + count, SymbolsPerSlot);
        return ((1 << last) - 1) & ~((1 << first) - 1) & SymbolMask;
    }

    private static bool SectionIdsMatch(int cplane, int uplane) =>
        cplane == uplane || cplane == UncoupledSectionId || uplane == UncoupledSectionId;

    /// <summary>True when every U-plane PRB is one of the C-plane section's PRBs.</summary>
    private static bool PrbsInside(in CorrelationSection c, int startPrb, int numPrb, bool rb)
    {
        if (numPrb <= 0)
        {
            return false;
        }

        int cStep = c.Rb ? 2 : 1;
        int cLast = c.StartPrb + ((c.NumPrb - 1) * cStep);
        int uStep = rb ? 2 : 1;
        int uLast = startPrb + ((numPrb - 1) * uStep);
        if (startPrb < c.StartPrb || uLast > cLast)
        {
            return false;
        }

        // Every other PRB in the C-plane: the U-plane PRBs must all be on the same parity (so step 2, or just one PRB).
        return !c.Rb || (((startPrb - c.StartPrb) & 1) == 0 && (numPrb == 1 || rb));
    }

    private static bool PrbsOverlap(in CorrelationSection c, int startPrb, int numPrb, bool rb)
    {
        int cLast = c.StartPrb + ((c.NumPrb - 1) * (c.Rb ? 2 : 1));
        int uLast = startPrb + ((numPrb - 1) * (rb ? 2 : 1));
        return numPrb > 0 && startPrb <= cLast && uLast >= c.StartPrb;
    }

    private void Cover(CorrelationFlow flow, int sectionId, int startPrb, int numPrb, bool rb, int symbolBit)
    {
        flow.DlUplaneSections++;
        if (_slot >= 0 && symbolBit != 0)
        {
            int count = flow.CountOf(_slot);
            for (int i = 0; i < count; i++)
            {
                ref var c = ref flow.Section(_slot, i);
                if ((c.Expected & symbolBit) != 0 && SectionIdsMatch(c.SectionId, sectionId)
                    && PrbsInside(c, startPrb, numPrb, rb))
                {
                    flow.DlCovered++;
                    return;
                }
            }

            if (flow.DroppedOf(_slot) > 0)
            {
                flow.DlNotEvaluated++; // the covering section may be among those not stored
                return;
            }
        }
        else if (_slot < 0 && _messageNs - _firstNs < CaptureStartAllowanceNs)
        {
            flow.DlNotEvaluated++; // its C-plane may precede the capture (see the class remarks)
            flow.DlNotEvaluatedAtStart++;
            return;
        }

        flow.DlOrphans++;
        _findings.Record(RuleCatalogue.UPlaneOrphan, _frameNumber);
    }

    private void Answer(CorrelationFlow flow, int sectionId, int startPrb, int numPrb, bool rb, int symbolBit)
    {
        int count = flow.CountOf(_slot);
        for (int i = 0; i < count; i++)
        {
            ref var c = ref flow.Section(_slot, i);
            if ((c.Expected & symbolBit) != 0 && SectionIdsMatch(c.SectionId, sectionId)
                && PrbsOverlap(c, startPrb, numPrb, rb))
            {
                c.Answered |= symbolBit;
            }
        }
    }

    /// <summary>Counts every stored section of a UL slot as answered or orphan (DL slots need no judgement).</summary>
    private void Judge(CorrelationFlow flow, int slot)
    {
        if (flow.Downlink)
        {
            return;
        }

        int count = flow.CountOf(slot);
        for (int i = 0; i < count; i++)
        {
            ref var c = ref flow.Section(slot, i);
            if ((c.Answered & c.Expected) == c.Expected)
            {
                flow.UlAnswered++;
            }
            else
            {
                flow.UlOrphans++;
                _findings.Record(RuleCatalogue.CPlaneUnanswered, c.Frame);
            }
        }
    }

    /// <summary>Moves packet time on and, every <see cref="SweepIntervalNs"/>, retires the slots past their horizon.</summary>
    private void Advance(long timestampNs)
    {
        if (_firstNs == long.MinValue)
        {
            _firstNs = timestampNs;
        }

        if (timestampNs <= _latestNs)
        {
            return;
        }

        _latestNs = timestampNs;
        if (_lastSweepNs != long.MinValue && timestampNs - _lastSweepNs < SweepIntervalNs)
        {
            return;
        }

        _lastSweepNs = timestampNs;
        foreach (var flow in _flows)
        {
            while (flow.Live > 0 && flow.TimeOf(flow.Head) + HorizonNs <= timestampNs)
            {
                Judge(flow, flow.Head);
                flow.RemoveHead();
            }
        }
    }

    private CorrelationFlow FlowOf(ushort eaxc, bool downlink)
    {
        var pages = _pages[downlink ? 1 : 0];
        var page = pages[eaxc >> PageBits] ??= new CorrelationFlow?[PageSize];
        ref var flow = ref page[eaxc & (PageSize - 1)];
        if (flow is null)
        {
            flow = new CorrelationFlow(eaxc, downlink, _slotsPerFlow, _sectionsPerSlot);
            _flows.Add(flow);
        }

        return flow;
    }
}
