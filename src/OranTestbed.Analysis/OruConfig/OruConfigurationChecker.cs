using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Fronthaul.Compression;
using OranTestbed.Fronthaul.Profiles;

namespace OranTestbed.Analysis.OruConfig;

/// <summary>
/// Compares what the capture shows with what the O-RU states it is configured for (a profile written by
/// <c>oran-testbed mplane profile</c>, or any profile taken as the O-RU's statement), fed by
/// <see cref="FronthaulAnalyzer"/> from the decode it already does (no second decode):
/// <list type="bullet">
/// <item>compression per direction (<see cref="RuleCatalogue.OruConfigCompression"/>): the udCompHdr of every non-PRACH
/// U-plane section that carries one against the O-RU's method and iq-bitwidth. Sections without udCompHdr (static
/// compression) show no compression of their own: they are decoded as the analysis profile says, so the aspect is not
/// evaluated from them.</item>
/// <item>eAxC ids (<see cref="RuleCatalogue.OruConfigEaxc"/>): every C/U-plane message's eAxC id against the ids of the
/// O-RU's low-level endpoints (the profile's <c>eaxc-ids</c>; not evaluated when it has none).</item>
/// <item>numerology (<see cref="RuleCatalogue.OruConfigNumerology"/>): slotId of the carrier's C-plane (not ST0/ST3/ST7,
/// which state their own frame structure) and U-plane (filterIndex 0) messages below 2^µ of the O-RU's µ. A capture
/// at a lower numerology than the O-RU's fits in its slot grid and is not flagged.</item>
/// <item>PRB span (<see cref="RuleCatalogue.OruConfigPrbSpan"/>): the last PRB of every carrier C-plane and U-plane
/// section within the O-RU's carrier.</item>
/// </list>
/// State is fixed-size arrays and counters allocated in the constructor: the per-message calls allocate nothing.
/// </summary>
public sealed class OruConfigurationChecker
{
    private const int Downlink = 0;
    private const int Uplink = 1;
    private const int Widths = 17; // udIqWidth 0..16
    private const int Methods = 16; // udCompMeth is 4 bits
    private const int ExamplesListed = 8;

    private readonly FronthaulProfile _oru;
    private readonly FindingCollector _findings;
    private readonly UdCompHdr[] _oruCompression;
    private readonly ulong[]? _oruEaxc;
    private readonly int _oruSlots;
    private readonly int _oruPrbs;

    private readonly long[] _compressionSeen = new long[2 * Methods * Widths];
    private readonly long[] _compressionCompared = new long[2];
    private readonly long[] _compressionMismatched = new long[2];
    private readonly long[] _uplaneSections = new long[2];
    private readonly ulong[] _eaxcSeen = new ulong[65536 / 64];
    private long _eaxcCompared, _eaxcMismatched;
    private int _maxSlot = -1;
    private long _slotCompared, _slotMismatched;
    private int _firstPrb = int.MaxValue, _lastPrb = -1;
    private long _prbCompared, _prbMismatched;

    public OruConfigurationChecker(FronthaulProfile oru, FindingCollector findings)
    {
        ArgumentNullException.ThrowIfNull(oru);
        ArgumentNullException.ThrowIfNull(findings);
        _oru = oru;
        _findings = findings;
        _oruCompression = [oru.DownlinkCompression.Static, oru.UplinkCompression.Static];
        if (!oru.EaxcIds.IsEmpty)
        {
            _oruEaxc = new ulong[65536 / 64];
            foreach (ushort id in oru.EaxcIds)
            {
                _oruEaxc[id >> 6] |= 1UL << (id & 63);
            }
        }

        _oruSlots = 1 << oru.Carrier.Numerology;
        _oruPrbs = oru.Carrier.Prbs;
    }

    /// <summary>A C-plane or U-plane message on <paramref name="eaxc"/>; <paramref name="slotId"/> is judged when the
    /// message follows the carrier's slot grid (<paramref name="carrierGrid"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnMessage(ushort eaxc, bool carrierGrid, int slotId, long frameNumber)
    {
        _eaxcSeen[eaxc >> 6] |= 1UL << (eaxc & 63);
        if (_oruEaxc is not null)
        {
            _eaxcCompared++;
            if ((_oruEaxc[eaxc >> 6] & (1UL << (eaxc & 63))) == 0)
            {
                _eaxcMismatched++;
                _findings.Record(RuleCatalogue.OruConfigEaxc, frameNumber);
            }
        }

        if (!carrierGrid)
        {
            return;
        }

        _slotCompared++;
        _maxSlot = Math.Max(_maxSlot, slotId);
        if (slotId >= _oruSlots)
        {
            _slotMismatched++;
            _findings.Record(RuleCatalogue.OruConfigNumerology, frameNumber);
        }
    }

    /// <summary>A C-plane or U-plane section on the carrier's PRB grid: PRBs from <paramref name="startPrb"/>, every
    /// one or (<paramref name="everyOther"/>) every other one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnSection(int startPrb, int numPrb, bool everyOther, long frameNumber)
    {
        if (numPrb <= 0)
        {
            return;
        }

        int last = startPrb + ((numPrb - 1) * (everyOther ? 2 : 1));
        _prbCompared++;
        _firstPrb = Math.Min(_firstPrb, startPrb);
        _lastPrb = Math.Max(_lastPrb, last);
        if (last >= _oruPrbs)
        {
            _prbMismatched++;
            _findings.Record(RuleCatalogue.OruConfigPrbSpan, frameNumber);
        }
    }

    /// <summary>A non-PRACH U-plane section; <paramref name="hasUdCompHdr"/> says whether it carries its compression.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnUPlaneSection(bool downlink, bool hasUdCompHdr, UdCompHdr compression, long frameNumber)
    {
        int direction = downlink ? Downlink : Uplink;
        _uplaneSections[direction]++;
        if (!hasUdCompHdr)
        {
            return;
        }

        int method = (int)compression.Method & (Methods - 1);
        int width = Math.Clamp(compression.IqWidth, 0, Widths - 1);
        _compressionSeen[(((direction * Methods) + method) * Widths) + width]++;
        _compressionCompared[direction]++;
        var stated = _oruCompression[direction];
        if (compression.Method != stated.Method || compression.IqWidth != stated.IqWidth)
        {
            _compressionMismatched[direction]++;
            _findings.Record(RuleCatalogue.OruConfigCompression, frameNumber);
        }
    }

    /// <summary>The comparison, aspect by aspect, with the examples of <paramref name="findings"/> (the collector's
    /// findings at the end of the analysis).</summary>
    public OruConfigurationReport Build(ImmutableArray<Finding> findings)
    {
        var aspects = ImmutableArray.CreateBuilder<OruConfigurationAspect>();
        aspects.Add(CompressionAspect(Downlink, findings));
        aspects.Add(CompressionAspect(Uplink, findings));
        aspects.Add(EaxcAspect(findings));
        aspects.Add(NumerologyAspect(findings));
        aspects.Add(PrbAspect(findings));
        return new OruConfigurationReport(true, _oru.Name, _oru.Source, aspects.ToImmutable());
    }

    private OruConfigurationAspect CompressionAspect(int direction, ImmutableArray<Finding> findings)
    {
        string dir = direction == Downlink ? "DL" : "UL";
        var stated = direction == Downlink ? _oru.DownlinkCompression : _oru.UplinkCompression;
        string says = Invariant($"{Compression(stated.Static.Method, stated.Static.IqWidth)}, {(stated.UdCompHdrPresent ? "dynamic (udCompHdr in sections)" : "static")}");
        if (_compressionCompared[direction] == 0)
        {
            string why = _uplaneSections[direction] == 0
                ? $"no {dir} U-plane section in the capture"
                : Invariant($"none of the {_uplaneSections[direction]} {dir} U-plane sections carries udCompHdr (static compression: they show no compression of their own)");
            return NotEvaluated($"compression {dir}", RuleCatalogue.OruConfigCompression, says, why);
        }

        var shows = new StringBuilder("udCompHdr ");
        bool first = true;
        for (int method = 0; method < Methods; method++)
        {
            for (int width = 0; width < Widths; width++)
            {
                long count = _compressionSeen[(((direction * Methods) + method) * Widths) + width];
                if (count > 0)
                {
                    shows.Append(first ? "" : ", ").Append(Invariant($"{Compression((CompressionMethod)method, width)} in {count} section(s)"));
                    first = false;
                }
            }
        }

        return Judged($"compression {dir}", RuleCatalogue.OruConfigCompression, says, shows.ToString(),
            _compressionCompared[direction], _compressionMismatched[direction], findings);
    }

    private OruConfigurationAspect EaxcAspect(ImmutableArray<Finding> findings)
    {
        string shows = "eAxC " + Ids(_eaxcSeen);
        if (_oruEaxc is null)
        {
            return NotEvaluated("eAxC ids", RuleCatalogue.OruConfigEaxc, "nothing (the profile has no eaxc-ids)",
                "the O-RU's configuration does not list its endpoints' eAxC ids", shows);
        }

        string says = "endpoints for eAxC " + Ids(_oruEaxc);
        if (_eaxcCompared == 0)
        {
            return NotEvaluated("eAxC ids", RuleCatalogue.OruConfigEaxc, says, "no C-plane or U-plane message in the capture");
        }

        if (_eaxcMismatched > 0)
        {
            var unknown = new ulong[_eaxcSeen.Length];
            for (int i = 0; i < unknown.Length; i++)
            {
                unknown[i] = _eaxcSeen[i] & ~_oruEaxc[i];
            }

            shows += "; without an O-RU endpoint: eAxC " + Ids(unknown);
        }

        return Judged("eAxC ids", RuleCatalogue.OruConfigEaxc, says, shows, _eaxcCompared, _eaxcMismatched, findings);
    }

    private OruConfigurationAspect NumerologyAspect(ImmutableArray<Finding> findings)
    {
        var carrier = _oru.Carrier;
        string says = Invariant($"µ {carrier.Numerology} ({carrier.SubcarrierSpacingKHz} kHz, slotId 0..{_oruSlots - 1})");
        if (_slotCompared == 0)
        {
            return NotEvaluated("numerology", RuleCatalogue.OruConfigNumerology, says,
                "no C-plane or U-plane message on the carrier's slot grid in the capture");
        }

        int needed = _maxSlot <= 0 ? 0 : BitOperations.Log2((uint)_maxSlot) + 1;
        string shows = Invariant($"slotId 0..{_maxSlot} (needs µ ≥ {needed})");
        return Judged("numerology", RuleCatalogue.OruConfigNumerology, says, shows, _slotCompared, _slotMismatched, findings);
    }

    private OruConfigurationAspect PrbAspect(ImmutableArray<Finding> findings)
    {
        string says = Invariant($"{_oruPrbs} PRBs (0..{_oruPrbs - 1})");
        if (_prbCompared == 0)
        {
            return NotEvaluated("PRB span", RuleCatalogue.OruConfigPrbSpan, says, "no C-plane or U-plane section on the carrier in the capture");
        }

        return Judged("PRB span", RuleCatalogue.OruConfigPrbSpan, says, Invariant($"PRBs {_firstPrb}..{_lastPrb}"),
            _prbCompared, _prbMismatched, findings);
    }

    private static OruConfigurationAspect Judged(string name, Rule rule, string says, string shows, long compared,
        long mismatched, ImmutableArray<Finding> findings)
    {
        var examples = findings.FirstOrDefault(f => f.Rule == rule)?.Examples ?? [];
        return new OruConfigurationAspect(name, rule, says, Invariant($"{shows} ({mismatched} of {compared} disagree)"),
            mismatched > 0 ? Verdict.Fail : Verdict.Pass, compared, mismatched, mismatched > 0 ? examples : []);
    }

    private static OruConfigurationAspect NotEvaluated(string name, Rule rule, string says, string reason, string shows = "nothing to compare") =>
        new(name, rule, says, shows, Verdict.NotSet, 0, 0, [], reason);

    private static string Compression(CompressionMethod method, int width) =>
        method == CompressionMethod.None ? "no compression" : Invariant($"{CompressionMethodNames.Name(method)} {width}-bit");

    /// <summary>The ids set in <paramref name="bitmap"/>, ascending; at most <see cref="ExamplesListed"/> named.</summary>
    private static string Ids(ulong[] bitmap)
    {
        var text = new StringBuilder();
        int count = 0;
        for (int word = 0; word < bitmap.Length; word++)
        {
            ulong bits = bitmap[word];
            while (bits != 0)
            {
                int id = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (count < ExamplesListed)
                {
                    text.Append(count == 0 ? "" : ", ").Append(id.ToString(CultureInfo.InvariantCulture));
                }

                count++;
            }
        }

        if (count > ExamplesListed)
        {
            text.Append(Invariant($", … ({count} ids)"));
        }

        return count == 0 ? "none" : text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
