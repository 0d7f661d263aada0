using System.Collections.Immutable;
using OranTestbed.Fronthaul.Decoding;

namespace OranTestbed.Analysis.Rules;

/// <summary>
/// Every rule the analyzer can report, in a fixed order (the <see cref="Rule.Ordinal"/>). Ids are
/// <c>FAMILY-NAME</c>: <c>ECPRI</c> (eCPRI common header), <c>CPLANE</c>/<c>UPLANE</c> (O-RAN CUS planes, including
/// C/U-plane correlation), <c>TIMING</c> (air-time windows, frameId vs timestamp), <c>SEQ</c> (sequence per flow and
/// eCPRI fragments), <c>COMP</c> (IQ compression and samples), <c>PTP</c> (S-plane), <c>TDD</c> (traffic against the
/// profile's TDD slot pattern, see <c>Tdd/TddPatternChecker</c>), <c>ORU</c> (the capture against the configuration the
/// O-RU states over its M-plane, <c>analyze --oru-config</c>, see <c>OruConfig/OruConfigurationChecker</c>), and <c>FRAME</c> for the decoder's
/// own malformed-frame codes that no finer rule names (one per <see cref="DecodeErrorCode"/>; transport layers such as
/// IP and UDP fall here too). Ids are never renamed or reused; new rules are appended.
/// </summary>
/// <remarks>
/// Clauses cite O-RAN.WG4.CUS (C-plane §7, U-plane §6 as the readers do), eCPRI V2.0, IEEE 1588-2019, ITU-T
/// G.8275.1 and 3GPP TS 38.211 / 38.213 / 38.331. Static fields are initialised in text order, which gives the ordinals.
/// </remarks>
public static class RuleCatalogue
{
    private const string Cus = "O-RAN.WG4.CUS";
    private const string Ecpri = "eCPRI V2.0";
    private const string Delay = "O-RAN.WG4.CUS delay management (o-ran-delay-management)";
    private const string OruConfig = "O-RAN.WG4.MP o-ran-uplane-conf (the O-RU's configuration as read over its M-plane)";
    private const string Tdd = "3GPP TS 38.213 §11.1, TS 38.331 TDD-UL-DL-ConfigCommon; O-RAN.WG4.CUS dataDirection (C-plane §7.5.2.1, U-plane §6.3.3.1)";

    private static readonly List<Rule> Defined = [];

    // ── eCPRI common header ──────────────────────────────────────────────────────────────────────────────────
    public static readonly Rule EcpriRevision = Define("ECPRI-REVISION", RuleSeverity.Error,
        "eCPRI protocol revision is not 1", $"{Ecpri} §3.1.3.1.1");

    public static readonly Rule EcpriReserved = Define("ECPRI-RESERVED", RuleSeverity.Error,
        "reserved bits of the eCPRI common header are set", $"{Ecpri} §3.1.3.1.2");

    public static readonly Rule EcpriPayloadSize = Define("ECPRI-PAYLOAD-SIZE", RuleSeverity.Error,
        "eCPRI payload size disagrees with the bytes of the message", $"{Ecpri} §3.1.3.1.5");

    // ── C-plane ──────────────────────────────────────────────────────────────────────────────────────────────
    public static readonly Rule CPlanePayloadVersion = Define("CPLANE-PAYLOAD-VERSION", RuleSeverity.Error,
        "C-plane payloadVersion is not 1", $"{Cus} §7.5.2.2");

    public static readonly Rule CPlaneReserved = Define("CPLANE-RESERVED", RuleSeverity.Warning,
        "reserved bits of a C-plane common header or section are set", $"{Cus} §7.5.2, §7.5.3");

    public static readonly Rule CPlaneSectionCount = Define("CPLANE-SECTION-COUNT", RuleSeverity.Error,
        "numberOfSections disagrees with the sections the message carries", $"{Cus} §7.5.2 numberOfSections");

    public static readonly Rule CPlanePrbBeyondCarrier = Define("CPLANE-PRB-BEYOND-CARRIER", RuleSeverity.Error,
        "C-plane section addresses PRBs beyond the carrier width", $"{Cus} §7.5.3.4, §7.5.3.6");

    public static readonly Rule CPlaneSlotRange = Define("CPLANE-SLOT-RANGE", RuleSeverity.Error,
        "C-plane subframeId >= 10 or slotId >= 2^numerology", $"{Cus} §7.5.2 slotId; 3GPP TS 38.211 §4.3.2");

    public static readonly Rule CPlaneSymbolRange = Define("CPLANE-SYMBOL-RANGE", RuleSeverity.Error,
        "C-plane startSymbolId, or startSymbolId + numSymbol, beyond the 14 symbols of a slot",
        $"{Cus} §7.5.2 startSymbolId, §7.5.3.7; 3GPP TS 38.211 §4.3.2");

    public static readonly Rule CPlaneUnanswered = Define("CPLANE-UNANSWERED", RuleSeverity.Error,
        "UL C-plane section not answered by UL U-plane data", $"{Cus} C-plane/U-plane coupling by eAxC, time and sectionId");

    // ── U-plane ──────────────────────────────────────────────────────────────────────────────────────────────
    public static readonly Rule UPlanePayloadVersion = Define("UPLANE-PAYLOAD-VERSION", RuleSeverity.Error,
        "U-plane payloadVersion is not 1", $"{Cus} §6.3.3.2");

    public static readonly Rule UPlanePrbBeyondCarrier = Define("UPLANE-PRB-BEYOND-CARRIER", RuleSeverity.Error,
        "U-plane section carries PRBs beyond the carrier width", $"{Cus} §6.3.3.11, §6.3.3.12");

    public static readonly Rule UPlaneSlotRange = Define("UPLANE-SLOT-RANGE", RuleSeverity.Error,
        "U-plane subframeId >= 10 or slotId >= 2^numerology", $"{Cus} §6.3.3.6; 3GPP TS 38.211 §4.3.2");

    public static readonly Rule UPlaneSymbolRange = Define("UPLANE-SYMBOL-RANGE", RuleSeverity.Error,
        "U-plane symbolId beyond the 14 symbols of a slot", $"{Cus} §6.3.3.7; 3GPP TS 38.211 §4.3.2");

    public static readonly Rule UPlaneOrphan = Define("UPLANE-ORPHAN", RuleSeverity.Error,
        "DL U-plane section not covered by a C-plane section (eAxC, slot, symbol, PRBs, sectionId)",
        $"{Cus} C-plane/U-plane coupling by eAxC, time and sectionId");

    // ── Compression and IQ ───────────────────────────────────────────────────────────────────────────────────
    public static readonly Rule CompProfileMismatch = Define("COMP-PROFILE-MISMATCH", RuleSeverity.Error,
        "udCompHdr differs from the compression agreed in the profile", $"{Cus} §6.3.3.13, §7.5.2.10; O-RAN.WG4.MP o-ran-uplane-conf");

    public static readonly Rule CompBfpExponentRange = Define("COMP-BFP-EXPONENT-RANGE", RuleSeverity.Error,
        "BFP exponent larger than 16 - udIqWidth (mantissas would exceed 16-bit samples)", $"{Cus} Annex A (block floating point)");

    public static readonly Rule CompIqClipping = Define("COMP-IQ-CLIPPING", RuleSeverity.Warning,
        "IQ samples at full scale (clipping)", $"{Cus} Annex A");

    // ── Timing ───────────────────────────────────────────────────────────────────────────────────────────────
    public static readonly Rule TimingFrameIdMismatch = Define("TIMING-FRAMEID-MISMATCH", RuleSeverity.Error,
        "frameId inconsistent with the packet timestamp (more than one window away from air time)",
        $"{Cus} §7.5.2 frameId; 3GPP TS 38.211 §4.3.1");

    public static readonly Rule TimingT2aCpDlEarly = Define("TIMING-T2A-CP-DL-EARLY", RuleSeverity.Error,
        "DL C-plane received at the O-RU before t_air - T2a_max_cp_dl", $"{Delay}: t2a-max-cp-dl");

    public static readonly Rule TimingT2aCpDlLate = Define("TIMING-T2A-CP-DL-LATE", RuleSeverity.Error,
        "DL C-plane received at the O-RU after t_air - T2a_min_cp_dl", $"{Delay}: t2a-min-cp-dl");

    public static readonly Rule TimingT2aCpUlEarly = Define("TIMING-T2A-CP-UL-EARLY", RuleSeverity.Error,
        "UL C-plane received at the O-RU before t_air - T2a_max_cp_ul", $"{Delay}: t2a-max-cp-ul");

    public static readonly Rule TimingT2aCpUlLate = Define("TIMING-T2A-CP-UL-LATE", RuleSeverity.Error,
        "UL C-plane received at the O-RU after t_air - T2a_min_cp_ul", $"{Delay}: t2a-min-cp-ul");

    public static readonly Rule TimingT2aUpEarly = Define("TIMING-T2A-UP-EARLY", RuleSeverity.Error,
        "DL U-plane received at the O-RU before t_air - T2a_max_up", $"{Delay}: t2a-max-up");

    public static readonly Rule TimingT2aUpLate = Define("TIMING-T2A-UP-LATE", RuleSeverity.Error,
        "DL U-plane received at the O-RU after t_air - T2a_min_up", $"{Delay}: t2a-min-up");

    public static readonly Rule TimingTa3Early = Define("TIMING-TA3-EARLY", RuleSeverity.Error,
        "UL U-plane sent by the O-RU before t_air + Ta3_min", $"{Delay}: ta3-min");

    public static readonly Rule TimingTa3Late = Define("TIMING-TA3-LATE", RuleSeverity.Error,
        "UL U-plane sent by the O-RU after t_air + Ta3_max", $"{Delay}: ta3-max");

    public static readonly Rule TimingT1aCpDlEarly = Define("TIMING-T1A-CP-DL-EARLY", RuleSeverity.Error,
        "DL C-plane sent by the O-DU before t_air - T1a_max_cp_dl", $"{Delay}: t1a-max-cp-dl");

    public static readonly Rule TimingT1aCpDlLate = Define("TIMING-T1A-CP-DL-LATE", RuleSeverity.Error,
        "DL C-plane sent by the O-DU after t_air - T1a_min_cp_dl", $"{Delay}: t1a-min-cp-dl");

    public static readonly Rule TimingT1aCpUlEarly = Define("TIMING-T1A-CP-UL-EARLY", RuleSeverity.Error,
        "UL C-plane sent by the O-DU before t_air - T1a_max_cp_ul", $"{Delay}: t1a-max-cp-ul");

    public static readonly Rule TimingT1aCpUlLate = Define("TIMING-T1A-CP-UL-LATE", RuleSeverity.Error,
        "UL C-plane sent by the O-DU after t_air - T1a_min_cp_ul", $"{Delay}: t1a-min-cp-ul");

    public static readonly Rule TimingT1aUpEarly = Define("TIMING-T1A-UP-EARLY", RuleSeverity.Error,
        "DL U-plane sent by the O-DU before t_air - T1a_max_up", $"{Delay}: t1a-max-up");

    public static readonly Rule TimingT1aUpLate = Define("TIMING-T1A-UP-LATE", RuleSeverity.Error,
        "DL U-plane sent by the O-DU after t_air - T1a_min_up", $"{Delay}: t1a-min-up");

    public static readonly Rule TimingTa4Early = Define("TIMING-TA4-EARLY", RuleSeverity.Error,
        "UL U-plane received at the O-DU before t_air + Ta4_min", $"{Delay}: ta4-min");

    public static readonly Rule TimingTa4Late = Define("TIMING-TA4-LATE", RuleSeverity.Error,
        "UL U-plane received at the O-DU after t_air + Ta4_max", $"{Delay}: ta4-max");

    // ── Sequence and eCPRI fragments ─────────────────────────────────────────────────────────────────────────
    public static readonly Rule SeqLost = Define("SEQ-LOST", RuleSeverity.Error,
        "messages missing from a flow's sequence (eAxC x plane x direction)", $"{Ecpri} §3.2.4.1; {Cus} §5.1.3.1.7");

    public static readonly Rule SeqDuplicate = Define("SEQ-DUPLICATE", RuleSeverity.Error,
        "message repeats a sequence id already received on its flow", $"{Ecpri} §3.2.4.1; {Cus} §5.1.3.1.7");

    public static readonly Rule SeqOutOfOrder = Define("SEQ-OUT-OF-ORDER", RuleSeverity.Warning,
        "message arrived after a later sequence id of its flow", $"{Ecpri} §3.2.4.1; {Cus} §5.1.3.1.7");

    public static readonly Rule SeqFragmentIncomplete = Define("SEQ-FRAGMENT-INCOMPLETE", RuleSeverity.Error,
        "eCPRI radio-transport fragments of a message incomplete (subsequence gap or no E=1 fragment)",
        $"{Ecpri} §3.2.4.1; {Cus} §5.1.3.1.7");

    // ── S-plane (PTP, ITU-T G.8275.1 profile) ───────────────────────────────────────────────────────────────
    public static readonly Rule PtpSyncRate = Define("PTP-SYNC-RATE", RuleSeverity.Error,
        "Sync rate differs from 16 per second", "ITU-T G.8275.1 message rates (logSyncInterval -4)");

    public static readonly Rule PtpDelayReqRate = Define("PTP-DELAY-REQ-RATE", RuleSeverity.Error,
        "Delay_Req rate differs from 16 per second", "ITU-T G.8275.1 message rates (logMinDelayReqInterval -4)");

    public static readonly Rule PtpAnnounceRate = Define("PTP-ANNOUNCE-RATE", RuleSeverity.Error,
        "Announce rate differs from 8 per second", "ITU-T G.8275.1 message rates (logAnnounceInterval -3)");

    public static readonly Rule PtpDomain = Define("PTP-DOMAIN", RuleSeverity.Error,
        "domainNumber outside 24..43", "ITU-T G.8275.1 domainNumber range; IEEE 1588-2019 §7.1");

    public static readonly Rule PtpClockClassChange = Define("PTP-CLOCK-CLASS-CHANGE", RuleSeverity.Warning,
        "grandmaster clockClass changed during the capture", "ITU-T G.8275.1 clockClass; IEEE 1588-2019 §7.6.2.5");

    public static readonly Rule PtpMulticastAddress = Define("PTP-MULTICAST-ADDRESS", RuleSeverity.Error,
        "PTP frame not sent to 01-1B-19-00-00-00 or 01-80-C2-00-00-0E", "ITU-T G.8275.1 Ethernet multicast addresses");

    public static readonly Rule PtpSequenceGap = Define("PTP-SEQUENCE-GAP", RuleSeverity.Error,
        "PTP sequenceId gap per clock port and message type", "IEEE 1588-2019 §7.3.7");

    public static readonly Rule PtpSyncWithoutFollowUp = Define("PTP-SYNC-WITHOUT-FOLLOW-UP", RuleSeverity.Error,
        "two-step Sync not followed by its Follow_Up", "IEEE 1588-2019 §9.5.10, §11.3");

    // ── Decoder malformed-frame codes (one per DecodeErrorCode) ─────────────────────────────────────────────
    public static readonly Rule FrameTruncated = Define("FRAME-TRUNCATED", RuleSeverity.Error,
        "frame ends inside a field", "Fronthaul decoder: truncated");

    public static readonly Rule FrameLengthMismatch = Define("FRAME-LENGTH-MISMATCH", RuleSeverity.Error,
        "a length field disagrees with the bytes that carry it", "Fronthaul decoder: length-mismatch");

    public static readonly Rule FrameReservedValueSet = Define("FRAME-RESERVED-VALUE-SET", RuleSeverity.Error,
        "a field the specification reserves is not zero and the frame cannot be read past it",
        "Fronthaul decoder: reserved-value-set");

    public static readonly Rule FrameUnknownType = Define("FRAME-UNKNOWN-TYPE", RuleSeverity.Error,
        "unknown message, section, extension or compression type", "Fronthaul decoder: unknown-type");

    public static readonly Rule FrameSectionOverrunsPayload = Define("FRAME-SECTION-OVERRUNS-PAYLOAD", RuleSeverity.Error,
        "a section needs more bytes than its message has left (often a wrong compression or udCompHdr setting)",
        "Fronthaul decoder: section-overruns-payload");

    public static readonly Rule FrameExtensionLengthZero = Define("FRAME-EXTENSION-LENGTH-ZERO", RuleSeverity.Error,
        "a section extension declares extLen 0 (reserved)", $"{Cus} section extensions, extLen");

    public static readonly Rule FrameExtensionOverruns = Define("FRAME-EXTENSION-OVERRUNS", RuleSeverity.Error,
        "a section extension declares more bytes than its section has left", $"{Cus} section extensions, extLen");

    public static readonly Rule FrameInvalidValue = Define("FRAME-INVALID-VALUE", RuleSeverity.Error,
        "a field holds a value outside its legal range", "Fronthaul decoder: invalid-value");

    public static readonly Rule FrameIpFragment = Define("FRAME-IP-FRAGMENT", RuleSeverity.Warning,
        "IP fragment: fronthaul over fragmented IP is not reassembled or judged", "RFC 791 §2.3; RFC 8200 §4.5");

    // ── S-plane, appended (ids after the first PTP block keep the earlier ordinals stable) ──────────────────
    public static readonly Rule PtpFollowUpWithoutSync = Define("PTP-FOLLOW-UP-WITHOUT-SYNC", RuleSeverity.Error,
        "Follow_Up without a two-step Sync of the same sequenceId from the same port", "IEEE 1588-2019 §9.5.10, §11.3");

    public static readonly Rule PtpUdpTransport = Define("PTP-UDP-TRANSPORT", RuleSeverity.Error,
        "PTP over UDP/IP (G.8275.2) where G.8275.1 requires Ethernet (EtherType 0x88F7)",
        "ITU-T G.8275.1 (IEEE 1588 Annex F transport); ITU-T G.8275.2");

    // ── TDD slot pattern, appended ─────────────────────────────────────────────────────────────────────────
    public static readonly Rule TddDlInUlSlot = Define("TDD-DL-IN-UL-SLOT", RuleSeverity.Error,
        "DL C-plane or DL U-plane in a slot the profile's TDD pattern declares uplink (U)", Tdd);

    public static readonly Rule TddUlInDlSlot = Define("TDD-UL-IN-DL-SLOT", RuleSeverity.Error,
        "UL C-plane (PRACH included) or UL U-plane in a slot the profile's TDD pattern declares downlink (D)", Tdd);

    public static readonly Rule TddSymbolOutsideSplit = Define("TDD-SYMBOL-OUTSIDE-SPLIT", RuleSeverity.Error,
        "DL symbols after the special slot's DL symbols, or UL symbols before its UL symbols (S slot)",
        $"{Tdd} (TDD-UL-DL-Pattern nrofDownlinkSymbols, nrofUplinkSymbols)");

    // ── The capture against the O-RU's stated configuration (analyze --oru-config), appended ──────────────────
    public static readonly Rule OruConfigCompression = Define("ORU-CONFIG-COMPRESSION", RuleSeverity.Error,
        "U-plane udCompHdr (method, udIqWidth) differs from the compression the O-RU states for the direction",
        $"{OruConfig} compression (compression-method, iq-bitwidth); {Cus} §6.3.3.13");

    public static readonly Rule OruConfigEaxc = Define("ORU-CONFIG-EAXC", RuleSeverity.Error,
        "C/U-plane traffic on an eAxC id the O-RU has no low-level endpoint for",
        $"{OruConfig} low-level-tx/rx-endpoints e-axcid/eaxc-id; {Cus} §5.1.3.1.6");

    public static readonly Rule OruConfigNumerology = Define("ORU-CONFIG-NUMEROLOGY", RuleSeverity.Error,
        "C/U-plane slotId beyond the slots of the numerology the O-RU states (slotId >= 2^µ)",
        $"{OruConfig} frame-structure (SCS); {Cus} §7.5.2 slotId; 3GPP TS 38.211 §4.3.2");

    public static readonly Rule OruConfigPrbSpan = Define("ORU-CONFIG-PRB-SPAN", RuleSeverity.Error,
        "C/U-plane section addresses PRBs beyond the carrier width the O-RU states",
        $"{OruConfig} number-of-prb-per-scs; {Cus} §7.5.3.4, §6.3.3.11");

    // ── S-plane time error at the tap against the profile's s-plane limits (issue 17), appended ─────────────────
    public static readonly Rule PtpTimeErrorMaxAbs = Define("PTP-TE-MAX-ABS", RuleSeverity.Error,
        "max|TE| of the two-way time error at the tap (or max|TE_L| after the 0.1 Hz low-pass) above the profile's limit",
        "ITU-T G.8273.2 §7.1 (max|TE|, class D max|TE_L|); ITU-T G.8271.1 §7.3 network limit (1.1 µs at reference point C); ITU-T G.8260 Appendix I");

    public static readonly Rule PtpTimeErrorCte = Define("PTP-TE-CTE", RuleSeverity.Error,
        "constant time error (moving average over the cTE window, 1000 s or the capture) above the profile's limit",
        "ITU-T G.8273.2 §7.1 (cTE averaged over 1000 s); ITU-T G.8260 Appendix I");

    public static readonly Rule PtpTimeErrorMtieMask = Define("PTP-TE-MTIE-MASK", RuleSeverity.Error,
        "MTIE of the 0.1 Hz low-pass filtered dynamic time error (dTE_L) above the mask at an observation interval",
        "ITU-T G.8273.2 §7.1 (dTE_L MTIE); ITU-T G.8260 Appendix I / G.810 §4.5.2 (MTIE)");

    public static readonly Rule PtpTimeErrorTdevMask = Define("PTP-TE-TDEV-MASK", RuleSeverity.Error,
        "TDEV of the 0.1 Hz low-pass filtered dynamic time error (dTE_L) above the mask at an observation interval",
        "ITU-T G.8273.2 §7.1 (dTE_L TDEV); ITU-T G.8260 Appendix I / G.810 §4.5.3 (TDEV)");

    /// <summary>Every rule, in ordinal order.</summary>
    public static readonly ImmutableArray<Rule> All = [.. Defined];

    // Indexed by DecodeErrorCode: the rule for a malformed frame that no field-specific rule names.
    private static readonly Rule[] ByDecodeErrorCode =
    [
        FrameInvalidValue, // None never reaches here; kept so the index equals the code.
        FrameTruncated,
        FrameLengthMismatch,
        FrameReservedValueSet,
        FrameUnknownType,
        FrameSectionOverrunsPayload,
        FrameExtensionLengthZero,
        FrameExtensionOverruns,
        FrameInvalidValue,
    ];

    /// <summary>Number of rules; per-rule arrays have this length.</summary>
    public static int Count => All.Length;

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static Rule? Find(string id)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The rule a malformed frame breaks: a field-specific rule when the issue names one (eCPRI revision, reserved
    /// bits and payload size; C-plane section count vs content), else the <c>FRAME-</c> rule of the error's code.
    /// Compares the error's literal field name; allocates nothing.
    /// </summary>
    public static Rule ForDecodeError(in DecodeError error)
    {
        if (!error.IsError)
        {
            throw new ArgumentException("not an error", nameof(error));
        }

        string field = error.Field;
        if (string.Equals(field, "ecpri.revision", StringComparison.Ordinal))
        {
            return EcpriRevision;
        }

        if (string.Equals(field, "ecpri.reserved", StringComparison.Ordinal))
        {
            return EcpriReserved;
        }

        if (string.Equals(field, "ecpri.payloadSize", StringComparison.Ordinal))
        {
            return EcpriPayloadSize;
        }

        if (string.Equals(field, "cplane.numberOfSections", StringComparison.Ordinal))
        {
            return CPlaneSectionCount;
        }

        int code = (int)error.Code;
        return (uint)code < (uint)ByDecodeErrorCode.Length ? ByDecodeErrorCode[code] : FrameInvalidValue;
    }

    /// <summary>The generic <c>FRAME-</c> rule of a decoder error code (not <see cref="DecodeErrorCode.None"/>).</summary>
    public static Rule ForDecodeErrorCode(DecodeErrorCode code)
    {
        if (code == DecodeErrorCode.None || (int)code >= ByDecodeErrorCode.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "no rule for this decode error code");
        }

        return ByDecodeErrorCode[(int)code];
    }

    /// <summary>True for the rules <see cref="ForDecodeError"/> gives: a malformed frame, judged against the profile's
    /// <c>malformed</c> threshold as a share of the frames.</summary>
    public static bool IsDecodeErrorRule(Rule rule) =>
        Array.IndexOf(ByDecodeErrorCode, rule) >= 0
        || rule == EcpriRevision || rule == EcpriReserved || rule == EcpriPayloadSize || rule == CPlaneSectionCount;

    private static Rule Define(string id, RuleSeverity severity, string description, string clause)
    {
        var rule = new Rule(Defined.Count, id, severity, description, clause);
        Defined.Add(rule);
        return rule;
    }
}
