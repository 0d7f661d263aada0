using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis.Tdd;

/// <summary>
/// Judges every C-plane and U-plane message against the profile's TDD slot pattern (<see cref="TddPattern"/>):
/// DL in a U slot is <see cref="RuleCatalogue.TddDlInUlSlot"/>, UL in a D slot <see cref="RuleCatalogue.TddUlInDlSlot"/>,
/// and in an S slot DL symbols after its DL part or UL symbols before its UL part are
/// <see cref="RuleCatalogue.TddSymbolOutsideSplit"/> (guard symbols carry neither). F (flexible) slots take either
/// direction. Each rule is recorded at most once per message, in the message's frame.
/// <para>
/// <b>Where in the pattern.</b> The pattern repeats from the start of every even radio frame: its period divides 20 ms
/// (3GPP TS 38.213 §11.1; TS 38.331 TDD-UL-DL-ConfigCommon, referenceSubcarrierSpacing = the carrier's), so the slot
/// number since frame 0, <c>((frameId·10 + subframeId)·2^µ + slotId)</c>, taken modulo the period gives the letter.
/// frameId is the SFN modulo 256, a multiple of two frames, so its wrap keeps the phase. The emulator
/// (<c>SlotSymbols</c>) places its traffic the same way.
/// </para>
/// <para>
/// <b>Symbols.</b> A U-plane message is at its symbolId. A C-plane section addresses numSymbol symbols from the
/// message's current symbol (startSymbolId, advanced by the previous section's numSymbol when symInc = 1, as the C/U
/// correlation reads it); symbols beyond the slot are left to the range rules.
/// </para>
/// <para>
/// <b>Section types.</b> Types 1 and 5 are judged by their dataDirection. Type 3 (PRACH and mixed numerology) is judged
/// by its dataDirection on the carrier's slot grid when its frameStructure numerology is the carrier's, or a long-preamble
/// PRACH code (12..15) whose slot O-DUs address on the carrier's grid (as the timing windows do); another numerology has
/// its own slot grid and is not judged. A PRACH (filterIndex ≠ 0, C-plane and U-plane) is judged at slot level only: it
/// must not lie in a D slot, and in an S slot it is taken to lie in the UL part, since a PRACH occasion's symbols follow
/// the preamble format's own grid (TS 38.211 §5.3.2, its cyclic prefix and sequence lengths), not the carrier's
/// symbols. Types 0 (unused resource blocks), 4 (slot configuration), 6 (channel information) and 7 (LAA) carry no
/// data of their slot's direction and are not judged.
/// </para>
/// Not thread-safe: one per analyzer; allocates nothing per message.
/// </summary>
internal sealed class TddPatternChecker
{
    private const int SubframesPerFrame = 10;

    /// <summary>frameStructure SCS codes 12..15: the long PRACH preambles (1.25, 3.75, 5, 7.5 kHz; O-RAN.WG4.CUS §7.5.2 frameStructure).</summary>
    private const int LongPreambleScs = 12;

    private readonly FindingCollector _findings;
    private readonly TddPattern _pattern;
    private readonly int _numerology;
    private readonly int _symbolsPerSlot;
    private readonly int _specialDlSymbols;
    private readonly int _specialUlStart;

    // The C-plane message being decoded: its sections are judged when the slot is S.
    private bool _judgeSections;
    private bool _downlink;
    private int _symbol;
    private int _previousNumSymbol;
    private bool _recorded;
    private long _frameNumber;

    public TddPatternChecker(TddPattern pattern, Carrier carrier, FindingCollector findings)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(carrier);
        ArgumentNullException.ThrowIfNull(findings);
        _pattern = pattern;
        _findings = findings;
        _numerology = carrier.Numerology;
        _symbolsPerSlot = carrier.SymbolsPerSlot;
        var special = pattern.Special ?? new SpecialSlotSplit(0, _symbolsPerSlot, 0);
        _specialDlSymbols = special.Downlink;
        _specialUlStart = _symbolsPerSlot - special.Uplink;
    }

    /// <summary>The checker for <paramref name="profile"/>, or null when it is FDD (no pattern to judge).</summary>
    public static TddPatternChecker? For(FronthaulProfile profile, FindingCollector findings) =>
        profile.TddPattern is { } pattern ? new TddPatternChecker(pattern, profile.Carrier, findings) : null;

    /// <summary>A C-plane message (every one the analyzer reads); its sections follow through <see cref="OnCPlaneSection"/>.</summary>
    public void OnCPlaneHeader(in CPlaneCommonHeader header, long frameNumber)
    {
        _judgeSections = false;
        bool prach = header.FilterIndex != 0;
        switch (header.SectionType)
        {
            case CPlaneSectionType.Normal or CPlaneSectionType.UeScheduling:
                break;
            case CPlaneSectionType.Prach
                when header.SubcarrierSpacing == _numerology || (prach && header.SubcarrierSpacing >= LongPreambleScs):
                break;
            default:
                return; // see the class remarks
        }

        char slot = SlotOf(header.FrameId, header.SubframeId, header.SlotId);
        if (JudgeSlot(slot, header.Downlink, frameNumber) || slot != 'S' || prach)
        {
            return;
        }

        _judgeSections = true;
        _downlink = header.Downlink;
        _symbol = header.StartSymbolId;
        _previousNumSymbol = 0;
        _recorded = false;
        _frameNumber = frameNumber;
    }

    /// <summary>A section of the current C-plane message (judged only in an S slot).</summary>
    public void OnCPlaneSection(bool symInc, int numSymbol)
    {
        if (!_judgeSections)
        {
            return;
        }

        if (symInc)
        {
            _symbol += _previousNumSymbol;
        }

        _previousNumSymbol = numSymbol;
        int first = _symbol;
        int end = Math.Min(first + numSymbol, _symbolsPerSlot);
        if (_recorded || numSymbol <= 0 || first >= _symbolsPerSlot)
        {
            return;
        }

        bool outside = _downlink ? end > _specialDlSymbols : first < _specialUlStart;
        if (outside)
        {
            _recorded = true;
            _findings.Record(RuleCatalogue.TddSymbolOutsideSplit, _frameNumber);
        }
    }

    /// <summary>A U-plane message; a PRACH one (filterIndex ≠ 0) is judged at slot level only.</summary>
    public void OnUPlaneHeader(UPlaneHeader header, long frameNumber)
    {
        _judgeSections = false;
        char slot = SlotOf(header.FrameId, header.SubframeId, header.SlotId);
        bool downlink = header.IsDownlink;
        int symbol = header.SymbolId;
        if (JudgeSlot(slot, downlink, frameNumber) || slot != 'S' || header.FilterIndex != 0 || symbol >= _symbolsPerSlot)
        {
            return;
        }

        if (downlink ? symbol >= _specialDlSymbols : symbol < _specialUlStart)
        {
            _findings.Record(RuleCatalogue.TddSymbolOutsideSplit, frameNumber);
        }
    }

    /// <summary>The pattern letter of a slot, or '\0' when the timing fields are out of range (the range rules say so).</summary>
    private char SlotOf(int frameId, int subframeId, int slotId)
    {
        if ((uint)subframeId >= SubframesPerFrame || (uint)slotId >= 1u << _numerology)
        {
            return '\0';
        }

        long slot = ((((long)frameId * SubframesPerFrame) + subframeId) << _numerology) + slotId;
        return _pattern.SlotAt(slot);
    }

    /// <summary>Records the direction rule when the whole slot has the other direction; true when it did.</summary>
    private bool JudgeSlot(char slot, bool downlink, long frameNumber)
    {
        if (downlink && slot == 'U')
        {
            _findings.Record(RuleCatalogue.TddDlInUlSlot, frameNumber);
            return true;
        }

        if (!downlink && slot == 'D')
        {
            _findings.Record(RuleCatalogue.TddUlInDlSlot, frameNumber);
            return true;
        }

        return false;
    }
}
