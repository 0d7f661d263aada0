using System.Globalization;
using System.Text.Json;

namespace OranTestbed.Cli.Tests.Support;

/// <summary>How a JSON value becomes what tshark 4.0.17 prints for the mapped field.</summary>
internal enum Conv
{
    /// <summary>The integer as is (tshark's BASE_HEX output is normalised to decimal before comparing).</summary>
    Plain,

    /// <summary>The JSON string, compared character for character (frame.time_epoch).</summary>
    Text,

    /// <summary>Not in the JSON: reserved bits our writers write as 0. Emitted so a field name shared with a mapped
    /// value (reserved8) keeps its occurrence order.</summary>
    Zero,

    /// <summary>4.0 returns freqOffset as the unsigned 24-bit field value (−1008 → 16776208).</summary>
    Unsigned24,

    /// <summary>An FT_UINT64 holding a signed value: the two's-complement bits (ecpri.compval).</summary>
    UInt64,

    /// <summary>ptp.v2.correction.ns: correctionField &gt;&gt; 16 as FT_UINT64.</summary>
    CorrectionNs,

    /// <summary>ptp.v2.correction.subns: the low 16 bits of correctionField / 2^16 (FT_DOUBLE).</summary>
    CorrectionSubNs,

    /// <summary>A clock identity: our JSON prints "0x" + 16 hex digits, tshark the same FT_UINT64 BASE_HEX.</summary>
    ClockId,

    /// <summary>Bit <see cref="Row.Arg"/> of the integer (ptp.v2.flags.*).</summary>
    Bit,

    /// <summary>The c_eaxc_id string "du:bs:cc:ru" in hex digits, from the eAxC object.</summary>
    EaxcString,

    /// <summary>ST0 has no ef in 4.0: bytes 6-7 are one reserved16 = ef &lt;&lt; 15 | reserved(15) (written 0).</summary>
    EfAsReserved16,

    /// <summary>ST6's ciCompHdr byte, which 4.0 shows as reserved8: ciIqWidth(4) | ciCompMeth(3) | ciCompOpt(1).</summary>
    CiCompHdrByte,

    /// <summary>The number of elements of a JSON array (U-plane numberOfSections, which 4.0 counts).</summary>
    Count,
}

/// <summary>One row of the mapping: in JSON objects of <paramref name="Scope"/>, <paramref name="Json"/> (a dotted
/// path relative to that object) is what tshark 4.0.17 shows as <paramref name="Field"/>.</summary>
internal sealed record Row(string Scope, string Field, string Json, Conv Conv = Conv.Plain, int Arg = 0);

/// <summary>A value tshark should print: an exact integer/text, or a float with the exact value it approximates.</summary>
internal readonly record struct Expected(string Text, double? Exact = null, bool Float32Rounded = false)
{
    public static Expected Of(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A float tshark computes exactly (power-of-two scale) and prints with 6 significant digits.</summary>
    public static Expected Float(double exact) => new(exact.ToString("R", CultureInfo.InvariantCulture), exact);

    /// <summary>A float tshark computes in float32 with a non-power-of-two divisor (x / 32767): one float32
    /// rounding more than <see cref="Float"/>.</summary>
    public static Expected Float32(double exact) => new(exact.ToString("R", CultureInfo.InvariantCulture), exact, true);
}

/// <summary>
/// THE table from our <c>decode --format jsonl --iq</c> output to tshark 4.0.17's <c>-T fields</c> output, and the
/// walker that applies it to one JSON frame. Rows are in tshark's document order within each scope, so a field that
/// several scopes share (ef, beamId, reserved8, exponent, priority, symbolMask) gets its occurrences in tshark's
/// order. The 4.0.17 quirks are modelled here, each where it applies, never by loosening a comparison:
/// <list type="bullet">
/// <item>BASE_HEX fields print 0x..; the comparison normalises tshark's text to decimal (never our side).</item>
/// <item>U-plane: 4.0 names symbolId <c>startSymbolId</c>, counts sections for <c>numberOfSections</c>, shows a
///   section's udCompHdr but sizes IQ from its preferences (so our captures only use the preference's compression),
///   scales every sample, also uncompressed, as value / 2^(w−1+15) in float32, printed with 6 significant digits.</item>
/// <item>C-plane: ST0 sections have no ef (reserved16) and ST0 extensions are not parsed; ST3 freqOffset is
///   unsigned 24-bit; ST6 shows ciCompHdr as reserved8 and samples as int16/32767 for <c>num_bf_antennas</c>
///   antennas; ST7 nothing after sectionType.</item>
/// <item>SE1: weights fill extLen·4 − 3 bytes (padding decoded as zero weights), value m / 2^(w−1) · 2^exponent.
///   SE11: per bundle exponent, beamId, the <c>num_weights_per_bundle</c> preference, weights (method 0: int16 / 32767).
///   SE12: every pair up to extLen (padding pairs 0,0). SE5, SE13 and undecoded types: ef, extType, extLen only.</item>
/// <item>PTP: correction.ns is the integer part as FT_UINT64.</item>
/// <item>eCPRI: compval is FT_UINT64 (two's complement).</item>
/// </list>
/// </summary>
internal static class Tshark40JsonView
{
    public static readonly IReadOnlyList<Row> Table =
    [
        new("frame", "frame.number", "frame"),
        new("frame", "frame.time_epoch", "time", Conv.Text),
        new("frame", "frame.len", "len"),

        new("ecpri", "ecpri.revision", "revision"),
        new("ecpri", "ecpri.cbit", "concatenation"),
        new("ecpri", "ecpri.type", "messageType"),
        new("ecpri", "ecpri.size", "payloadSize"),
        new("ecpri.oran", "oran_fh_cus.du_port_id", "eAxC.duPort"),
        new("ecpri.oran", "oran_fh_cus.bandsector_id", "eAxC.bandSector"),
        new("ecpri.oran", "oran_fh_cus.cc_id", "eAxC.cc"),
        new("ecpri.oran", "oran_fh_cus.ru_port_id", "eAxC.ruPort"),
        new("ecpri.oran", "oran_fh_cus.c_eaxc_id", "eAxC", Conv.EaxcString),
        new("ecpri.oran", "oran_fh_cus.sequence_id", "seqId"),
        new("ecpri.oran", "oran_fh_cus.e_bit", "eBit"),
        new("ecpri.oran", "oran_fh_cus.subsequence_id", "subSeqId"),
        new("oneWayDelay", "ecpri.measurementid", "measurementId"),
        new("oneWayDelay", "ecpri.actiontype", "actionType"),
        new("oneWayDelay", "ecpri.sec", "timestamp.seconds"),
        new("oneWayDelay", "ecpri.nanosec", "timestamp.nanoseconds"),
        new("oneWayDelay", "ecpri.compval", "compensationValue", Conv.UInt64),
        new("remoteReset", "ecpri.resetid", "resetId"),
        new("remoteReset", "ecpri.resetcode", "resetCodeOp"),
        new("eventIndication", "ecpri.eventid", "eventId"),
        new("eventIndication", "ecpri.eventtype", "eventType"),
        new("eventIndication", "ecpri.seqnum", "sequenceNumber"),
        new("eventIndication", "ecpri.numberfaultnotif", "numberOfFaultsNotif"),
        new("eventElement", "ecpri.elementid", "elementId"),
        new("eventElement", "ecpri.raisecease", "raiseCease"),
        new("eventElement", "ecpri.faultnotif", "faultNotif"),
        new("eventElement", "ecpri.addinfo", "additionalInformation"),

        new("cplane", "oran_fh_cus.data_direction", "dataDirection"),
        new("cplane", "oran_fh_cus.payloadVersion", "payloadVersion"),
        new("cplane", "oran_fh_cus.filterIndex", "filterIndex"),
        new("cplane", "oran_fh_cus.frameId", "frameId"),
        new("cplane", "oran_fh_cus.subframe_id", "subframeId"),
        new("cplane", "oran_fh_cus.slotId", "slotId"),
        new("cplane", "oran_fh_cus.startSymbolId", "startSymbolId"),
        new("cplane", "oran_fh_cus.numberOfSections", "numberOfSections"),
        new("cplane", "oran_fh_cus.sectionType", "sectionType"),
        new("cplane.st0", "oran_fh_cus.timeOffset", "timeOffset"),
        new("cplane.st0", "oran_fh_cus.frameStructure.fft", "frameStructure.fftSize"),
        new("cplane.st0", "oran_fh_cus.frameStructure.spacing", "frameStructure.subcarrierSpacing"),
        new("cplane.st0", "oran_fh_cus.cpLength", "cpLength"),
        new("cplane.st0", "oran_fh_cus.reserved8", "", Conv.Zero),
        new("cplane.st1", "oran_fh_cus.udCompHdrWidth", "udCompHdr.udIqWidth"),
        new("cplane.st1", "oran_fh_cus.udCompHdrMeth", "udCompHdr.udCompMeth"),
        new("cplane.st1", "oran_fh_cus.reserved8", "", Conv.Zero),
        new("cplane.st3", "oran_fh_cus.timeOffset", "timeOffset"),
        new("cplane.st3", "oran_fh_cus.frameStructure.fft", "frameStructure.fftSize"),
        new("cplane.st3", "oran_fh_cus.frameStructure.spacing", "frameStructure.subcarrierSpacing"),
        new("cplane.st3", "oran_fh_cus.cpLength", "cpLength"),
        new("cplane.st3", "oran_fh_cus.udCompHdrWidth", "udCompHdr.udIqWidth"),
        new("cplane.st3", "oran_fh_cus.udCompHdrMeth", "udCompHdr.udCompMeth"),
        new("cplane.st5", "oran_fh_cus.udCompHdrWidth", "udCompHdr.udIqWidth"),
        new("cplane.st5", "oran_fh_cus.udCompHdrMeth", "udCompHdr.udCompMeth"),
        new("cplane.st5", "oran_fh_cus.reserved8", "", Conv.Zero),
        new("cplane.st6", "oran_fh_cus.numberOfUEs", "numberOfUEs"),
        new("cplane.st6", "oran_fh_cus.reserved8", "ciCompHdr", Conv.CiCompHdrByte),

        new("section.st0", "oran_fh_cus.sectionId", "sectionId"),
        new("section.st0", "oran_fh_cus.rb", "rb"),
        new("section.st0", "oran_fh_cus.symInc", "symInc"),
        new("section.st0", "oran_fh_cus.startPrbc", "startPrbc"),
        new("section.st0", "oran_fh_cus.numPrbc", "numPrbc"),
        new("section.st0", "oran_fh_cus.reMask", "reMask"),
        new("section.st0", "oran_fh_cus.numSymbol", "numSymbol"),
        new("section.st0", "oran_fh_cus.reserved16", "ef", Conv.EfAsReserved16),
        new("section.st1", "oran_fh_cus.sectionId", "sectionId"),
        new("section.st1", "oran_fh_cus.rb", "rb"),
        new("section.st1", "oran_fh_cus.symInc", "symInc"),
        new("section.st1", "oran_fh_cus.startPrbc", "startPrbc"),
        new("section.st1", "oran_fh_cus.numPrbc", "numPrbc"),
        new("section.st1", "oran_fh_cus.reMask", "reMask"),
        new("section.st1", "oran_fh_cus.numSymbol", "numSymbol"),
        new("section.st1", "oran_fh_cus.ef", "ef"),
        new("section.st1", "oran_fh_cus.beamId", "beamId"),
        new("section.st3", "oran_fh_cus.sectionId", "sectionId"),
        new("section.st3", "oran_fh_cus.rb", "rb"),
        new("section.st3", "oran_fh_cus.symInc", "symInc"),
        new("section.st3", "oran_fh_cus.startPrbc", "startPrbc"),
        new("section.st3", "oran_fh_cus.numPrbc", "numPrbc"),
        new("section.st3", "oran_fh_cus.reMask", "reMask"),
        new("section.st3", "oran_fh_cus.numSymbol", "numSymbol"),
        new("section.st3", "oran_fh_cus.ef", "ef"),
        new("section.st3", "oran_fh_cus.beamId", "beamId"),
        new("section.st3", "oran_fh_cus.freqOffset", "freqOffset", Conv.Unsigned24),
        new("section.st3", "oran_fh_cus.reserved8", "", Conv.Zero),
        new("section.st5", "oran_fh_cus.sectionId", "sectionId"),
        new("section.st5", "oran_fh_cus.rb", "rb"),
        new("section.st5", "oran_fh_cus.symInc", "symInc"),
        new("section.st5", "oran_fh_cus.startPrbc", "startPrbc"),
        new("section.st5", "oran_fh_cus.numPrbc", "numPrbc"),
        new("section.st5", "oran_fh_cus.reMask", "reMask"),
        new("section.st5", "oran_fh_cus.numSymbol", "numSymbol"),
        new("section.st5", "oran_fh_cus.ef", "ef"),
        new("section.st5", "oran_fh_cus.ueId", "ueId"),
        new("section.st6", "oran_fh_cus.ef", "ef"),
        new("section.st6", "oran_fh_cus.ueId", "ueId"),
        new("section.st6", "oran_fh_cus.regularizationFactor", "regularizationFactor"),
        new("section.st6", "oran_fh_cus.reserved4", "", Conv.Zero),
        new("section.st6", "oran_fh_cus.rb", "rb"),
        new("section.st6", "oran_fh_cus.symInc", "symInc"),
        new("section.st6", "oran_fh_cus.startPrbc", "startPrbc"),
        new("section.st6", "oran_fh_cus.numPrbc", "numPrbc"),
        // then per PRB (numPrbc, 0 not widened) and antenna: ciISample, ciQSample = int16 / 32767 (walker).

        new("ext", "oran_fh_cus.ef", "ef"),
        new("ext", "oran_fh_cus.extType", "extType"),
        new("ext", "oran_fh_cus.extLen", "extLen"),
        new("ext.1", "oran_fh_cus.bfwCompHdr_iqWidth", "bfwCompHdr.bfwIqWidth"),
        new("ext.1", "oran_fh_cus.bfwCompHdr_compMeth", "bfwCompHdr.bfwCompMeth"),
        // then exponent (bfwCompMeth 1) and bfwI/bfwQ over extLen·4 − 3 bytes (walker).
        new("ext.4", "oran_fh_cus.csf", "csf"),
        new("ext.4", "oran_fh_cus.modcompscaler", "modCompScaler"),
        new("ext.6", "oran_fh_cus.repetition", "repetition"),
        new("ext.6", "oran_fh_cus.rbgSize", "rbgSize"),
        new("ext.6", "oran_fh_cus.rbgMask", "rbgMask"),
        new("ext.6", "oran_fh_cus.priority", "priority"),
        new("ext.6", "oran_fh_cus.symbolMask", "symbolMask"),
        new("ext.10", "oran_fh_cus.beamGroupType", "beamGroupType"),
        new("ext.10", "oran_fh_cus.numPortc", "numPortc"),
        // beamGroupType 0/1: reserved8 (Zero); type 2: beamId per beamIds[] entry (walker).
        new("ext.11", "oran_fh_cus.disableBFWs", "disableBFWs"),
        new("ext.11", "oran_fh_cus.rad", "RAD"),
        new("ext.11", "oran_fh_cus.numBundPrbs", "numBundPrb"),
        // then bfwCompHdr (weights enabled), per bundle [exponent] beamId num_weights_per_bundle bfwI/bfwQ (walker).
        new("ext.12", "oran_fh_cus.priority", "priority"),
        new("ext.12", "oran_fh_cus.symbolMask", "symbolMask"),
        // then offStartPrb/numPrb for every pair up to extLen, padding pairs (0, 0) included (walker).

        new("uplane", "oran_fh_cus.data_direction", "dataDirection"),
        new("uplane", "oran_fh_cus.payloadVersion", "payloadVersion"),
        new("uplane", "oran_fh_cus.filterIndex", "filterIndex"),
        new("uplane", "oran_fh_cus.frameId", "frameId"),
        new("uplane", "oran_fh_cus.subframe_id", "subframeId"),
        new("uplane", "oran_fh_cus.slotId", "slotId"),
        new("uplane", "oran_fh_cus.startSymbolId", "symbolId"),
        new("uplane", "oran_fh_cus.numberOfSections", "sections", Conv.Count),
        new("uplane.section", "oran_fh_cus.sectionId", "sectionId"),
        new("uplane.section", "oran_fh_cus.rb", "rb"),
        new("uplane.section", "oran_fh_cus.symInc", "symInc"),
        new("uplane.section", "oran_fh_cus.startPrbu", "startPrbu"),
        new("uplane.section", "oran_fh_cus.numPrbu", "numPrbu"),
        new("uplane.udCompHdr", "oran_fh_cus.udCompHdrWidth", "udIqWidth"),
        new("uplane.udCompHdr", "oran_fh_cus.udCompHdrMeth", "udCompMeth"),
        new("uplane.udCompHdr", "oran_fh_cus.reserved8", "", Conv.Zero),
        // then per PRB: exponent (BFP) and iSample/qSample = sample / 2^(w−1+15) (walker).

        new("ptp", "ptp.v2.majorsdoid", "majorSdoId"),
        new("ptp", "ptp.v2.messagetype", "messageType"),
        new("ptp", "ptp.v2.versionptp", "versionPTP"),
        new("ptp", "ptp.v2.minorversionptp", "minorVersionPTP"),
        new("ptp", "ptp.v2.messagelength", "messageLength"),
        new("ptp", "ptp.v2.domainnumber", "domainNumber"),
        new("ptp", "ptp.v2.minorsdoid", "minorSdoId"),
        new("ptp", "ptp.v2.flags", "flagField"),
        new("ptp", "ptp.v2.flags.security", "flagField", Conv.Bit, 15),
        new("ptp", "ptp.v2.flags.specific2", "flagField", Conv.Bit, 14),
        new("ptp", "ptp.v2.flags.specific1", "flagField", Conv.Bit, 13),
        new("ptp", "ptp.v2.flags.unicast", "flagField", Conv.Bit, 10),
        new("ptp", "ptp.v2.flags.twostep", "flagField", Conv.Bit, 9),
        new("ptp", "ptp.v2.flags.alternatemaster", "flagField", Conv.Bit, 8),
        new("ptp", "ptp.v2.flags.synchronizationUncertain", "flagField", Conv.Bit, 6),
        new("ptp", "ptp.v2.flags.frequencytraceable", "flagField", Conv.Bit, 5),
        new("ptp", "ptp.v2.flags.timetraceable", "flagField", Conv.Bit, 4),
        new("ptp", "ptp.v2.flags.timescale", "flagField", Conv.Bit, 3),
        new("ptp", "ptp.v2.flags.utcreasonable", "flagField", Conv.Bit, 2),
        new("ptp", "ptp.v2.flags.li59", "flagField", Conv.Bit, 1),
        new("ptp", "ptp.v2.flags.li61", "flagField", Conv.Bit, 0),
        new("ptp", "ptp.v2.correction.ns", "correctionField", Conv.CorrectionNs),
        new("ptp", "ptp.v2.correction.subns", "correctionField", Conv.CorrectionSubNs),
        new("ptp", "ptp.v2.messagetypespecific", "messageTypeSpecific"),
        new("ptp", "ptp.v2.clockidentity", "sourcePortIdentity.clockIdentity", Conv.ClockId),
        new("ptp", "ptp.v2.sourceportid", "sourcePortIdentity.portNumber"),
        new("ptp", "ptp.v2.sequenceid", "sequenceId"),
        new("ptp", "ptp.v2.controlfield", "controlField"),
        new("ptp", "ptp.v2.logmessageperiod", "logMessageInterval"),
        new("ptp.0", "ptp.v2.sdr.origintimestamp.seconds", "originTimestamp.seconds"),
        new("ptp.0", "ptp.v2.sdr.origintimestamp.nanoseconds", "originTimestamp.nanoseconds"),
        new("ptp.1", "ptp.v2.sdr.origintimestamp.seconds", "originTimestamp.seconds"),
        new("ptp.1", "ptp.v2.sdr.origintimestamp.nanoseconds", "originTimestamp.nanoseconds"),
        new("ptp.2", "ptp.v2.pdrq.origintimestamp.seconds", "originTimestamp.seconds"),
        new("ptp.2", "ptp.v2.pdrq.origintimestamp.nanoseconds", "originTimestamp.nanoseconds"),
        new("ptp.3", "ptp.v2.pdrs.requestreceipttimestamp.seconds", "requestReceiptTimestamp.seconds"),
        new("ptp.3", "ptp.v2.pdrs.requestreceipttimestamp.nanoseconds", "requestReceiptTimestamp.nanoseconds"),
        new("ptp.3", "ptp.v2.pdrs.requestingportidentity", "requestingPortIdentity.clockIdentity", Conv.ClockId),
        new("ptp.3", "ptp.v2.pdrs.requestingsourceportid", "requestingPortIdentity.portNumber"),
        new("ptp.8", "ptp.v2.fu.preciseorigintimestamp.seconds", "preciseOriginTimestamp.seconds"),
        new("ptp.8", "ptp.v2.fu.preciseorigintimestamp.nanoseconds", "preciseOriginTimestamp.nanoseconds"),
        new("ptp.9", "ptp.v2.dr.receivetimestamp.seconds", "receiveTimestamp.seconds"),
        new("ptp.9", "ptp.v2.dr.receivetimestamp.nanoseconds", "receiveTimestamp.nanoseconds"),
        new("ptp.9", "ptp.v2.dr.requestingsourceportidentity", "requestingPortIdentity.clockIdentity", Conv.ClockId),
        new("ptp.9", "ptp.v2.dr.requestingsourceportid", "requestingPortIdentity.portNumber"),
        new("ptp.10", "ptp.v2.pdfu.responseorigintimestamp.seconds", "responseOriginTimestamp.seconds"),
        new("ptp.10", "ptp.v2.pdfu.responseorigintimestamp.nanoseconds", "responseOriginTimestamp.nanoseconds"),
        new("ptp.10", "ptp.v2.pdfu.requestingportidentity", "requestingPortIdentity.clockIdentity", Conv.ClockId),
        new("ptp.10", "ptp.v2.pdfu.requestingsourceportid", "requestingPortIdentity.portNumber"),
        new("ptp.11", "ptp.v2.an.origintimestamp.seconds", "originTimestamp.seconds"),
        new("ptp.11", "ptp.v2.an.origintimestamp.nanoseconds", "originTimestamp.nanoseconds"),
        new("ptp.11", "ptp.v2.an.origincurrentutcoffset", "currentUtcOffset"),
        new("ptp.11", "ptp.v2.an.priority1", "grandmasterPriority1"),
        new("ptp.11", "ptp.v2.an.grandmasterclockclass", "grandmasterClockClass"),
        new("ptp.11", "ptp.v2.an.grandmasterclockaccuracy", "grandmasterClockAccuracy"),
        new("ptp.11", "ptp.v2.an.grandmasterclockvariance", "grandmasterClockVariance"),
        new("ptp.11", "ptp.v2.an.priority2", "grandmasterPriority2"),
        new("ptp.11", "ptp.v2.an.grandmasterclockidentity", "grandmasterIdentity", Conv.ClockId),
        new("ptp.11", "ptp.v2.an.localstepsremoved", "stepsRemoved"),
        new("ptp.11", "ptp.v2.timesource", "timeSource"),
    ];

    /// <summary>Fields the walker emits outside <see cref="Table"/> (arrays and per-PRB values; see the remarks there).</summary>
    public static readonly IReadOnlyList<string> WalkerFields =
    [
        "vlan.id", "ieee8021ad.id", "oran_fh_cus.exponent", "oran_fh_cus.iSample", "oran_fh_cus.qSample",
        "oran_fh_cus.bfwI", "oran_fh_cus.bfwQ", "oran_fh_cus.ciISample", "oran_fh_cus.ciQSample",
        "oran_fh_cus.beamId", "oran_fh_cus.reserved8", "oran_fh_cus.bfwCompHdr_iqWidth",
        "oran_fh_cus.bfwCompHdr_compMeth", "oran_fh_cus.num_weights_per_bundle", "oran_fh_cus.offStartPrb",
        "oran_fh_cus.numPrb", "oran_fh_cus.reserved4",
    ];

    /// <summary>
    /// Fields tshark 4.0.17 emits for our captures that have no counterpart in the JSON contract, each with why.
    /// The completeness check fails on any emitted field that is neither here nor compared.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotRendered = new Dictionary<string, string>
    {
        ["ecpri.header"] = "subtree label",
        ["ecpri.payload"] = "raw payload bytes",
        ["ecpri.reserved"] = "reserved bits of the common header",
        ["ecpri.timestamp"] = "the 10 raw timestamp bytes (sec/nanosec compared)",
        ["ecpri.data"] = "type 5 dummy bytes / type 6 vendor bytes: not in the contract",
        ["ecpri.element"] = "subtree of an event element (its fields compared)",
        ["oran_fh_cus.refa"] = "derived label frame-subframe-slot",
        ["oran_fh_cus.slot-within-frame"] = "derived",
        ["oran_fh_cus.iq_user_data"] = "raw PRB bytes (decoded samples compared)",
        ["oran_fh_cus.extension"] = "subtree label",
        ["oran_fh_cus.bfw"] = "subtree label of a weight pair",
        ["oran_fh_cus.prb"] = "subtree label of a PRB",
        ["oran_fh_cus.ciSample"] = "subtree label of an ST6 sample pair",
        ["oran_fh_cus.offStartPrb_numPrb"] = "subtree label of an SE12 pair",
        ["oran_fh_cus.extlen_wrong"] = "4.0's extLen expert (its message is checked with the other expert infos)",
        ["vlan.priority"] = "PCP: the contract's vlan array has ids only",
        ["vlan.dei"] = "DEI: the contract's vlan array has ids only",
        ["vlan.etype"] = "inner EtherType",
        ["ieee8021ad.priority"] = "PCP: the contract's vlan array has ids only",
        ["ieee8021ad.dei"] = "DEI: the contract's vlan array has ids only",
        ["ieee8021ah.etype"] = "inner EtherType",
        ["ptp.v2.clockidentity_manuf"] = "OUI name lookup",
        ["ptp.v2.fu.preciseorigintimestamp.32bit"] = "4.0 convenience field (low 32 bits of seconds)",
        ["ptp.v2.sig.targetportidentity"] = "Signaling body: not rendered by FrameJsonWriter",
        ["ptp.v2.sig.targetportid"] = "Signaling body: not rendered by FrameJsonWriter",
    };

    /// <summary>Every field the comparison asks tshark for.</summary>
    public static IReadOnlyList<string> ComparedFields { get; } =
        Table.Select(r => r.Field).Concat(WalkerFields).Distinct(StringComparer.Ordinal).ToList();

    private static readonly string[] EaxcParts = ["duPort", "bandSector", "cc", "ruPort"];

    private static readonly ILookup<string, Row> RowsByScope = Table.ToLookup(r => r.Scope, StringComparer.Ordinal);

    /// <summary>tshark preferences our walker must know: IQ width per direction, BF antennas, weights per bundle.</summary>
    internal sealed record Settings(int DownlinkIqWidth, int UplinkIqWidth, bool OuterTagIsSTag = false,
        int BfAntennas = 32, int WeightsPerBundle = 32);

    /// <summary>What tshark 4.0.17 should print for one JSON frame: field → occurrences in document order.</summary>
    public static Dictionary<string, List<Expected>> Of(JsonElement frame, Settings settings)
    {
        var view = new Dictionary<string, List<Expected>>(StringComparer.Ordinal);
        void Add(string field, Expected value)
        {
            if (!view.TryGetValue(field, out var list))
            {
                view[field] = list = [];
            }

            list.Add(value);
        }

        void Emit(string scope, JsonElement element)
        {
            foreach (var row in RowsByScope[scope])
            {
                Add(row.Field, Convert(row, element));
            }
        }

        Emit("frame", frame);
        var vlans = frame.GetProperty("vlan").EnumerateArray().Select(v => v.GetInt64()).ToList();
        for (int i = 0; i < vlans.Count; i++)
        {
            // The JSON has no TPIDs: the capture tells whether the outer tag is an 802.1ad S-tag (0x88A8), which 4.0
            // dissects as ieee8021ad; 0x8100 tags are vlan.
            Add(i == 0 && settings.OuterTagIsSTag && vlans.Count > 1 ? "ieee8021ad.id" : "vlan.id", Expected.Of(vlans[i]));
        }

        if (frame.TryGetProperty("ecpri", out var ecpri))
        {
            Emit("ecpri", ecpri);
            if (ecpri.TryGetProperty("eAxC", out _))
            {
                Emit("ecpri.oran", ecpri);
            }

            foreach (var scope in new[] { "oneWayDelay", "remoteReset", "eventIndication" })
            {
                if (ecpri.TryGetProperty(scope, out var body))
                {
                    Emit(scope, body);
                    if (body.TryGetProperty("elements", out var elements))
                    {
                        foreach (var element in elements.EnumerateArray())
                        {
                            Emit("eventElement", element);
                        }
                    }
                }
            }
        }

        if (frame.TryGetProperty("cplane", out var cplane))
        {
            WalkCPlane(cplane, settings, Emit, Add);
        }

        if (frame.TryGetProperty("uplane", out var uplane))
        {
            Emit("uplane", uplane);
            bool downlink = uplane.GetProperty("dataDirection").GetInt32() == 1;
            int width = downlink ? settings.DownlinkIqWidth : settings.UplinkIqWidth;
            double scale = Math.Pow(2, width - 1 + 15);
            foreach (var section in uplane.GetProperty("sections").EnumerateArray())
            {
                Emit("uplane.section", section);
                var hdr = section.GetProperty("udCompHdr");
                if (hdr.ValueKind != JsonValueKind.Null)
                {
                    Emit("uplane.udCompHdr", hdr);
                }

                Assert.That(section.TryGetProperty("samples", out var samples), Is.True, "decode must run with --iq");
                var values = samples.EnumerateArray().Select(v => v.GetInt64()).ToList();
                var exponents = section.TryGetProperty("exponents", out var e)
                    ? e.EnumerateArray().Select(x => x.GetInt64()).ToList()
                    : null;
                for (int prb = 0; prb < values.Count / 24; prb++)
                {
                    if (exponents is not null)
                    {
                        // udCompParam = reserved(4) | exponent(4); the JSON keeps the exponent, our writer zeroes the rest.
                        Add("oran_fh_cus.reserved4", Expected.Of(0));
                        Add("oran_fh_cus.exponent", Expected.Of(exponents[prb]));
                    }

                    for (int k = 0; k < 12; k++)
                    {
                        Add("oran_fh_cus.iSample", Expected.Float(values[(prb * 24) + (2 * k)] / scale));
                        Add("oran_fh_cus.qSample", Expected.Float(values[(prb * 24) + (2 * k) + 1] / scale));
                    }
                }
            }
        }

        if (frame.TryGetProperty("ptp", out var ptp))
        {
            Emit("ptp", ptp);
            Emit("ptp." + ptp.GetProperty("messageType").GetInt32().ToString(CultureInfo.InvariantCulture), ptp);
        }

        return view;
    }

    private static void WalkCPlane(JsonElement cplane, Settings settings, Action<string, JsonElement> emit,
        Action<string, Expected> add)
    {
        emit("cplane", cplane);
        int type = cplane.GetProperty("sectionType").GetInt32();
        string st = type.ToString(CultureInfo.InvariantCulture);
        emit("cplane.st" + st, cplane);
        if (!cplane.TryGetProperty("sections", out var sections))
        {
            return; // ST7: 4.0 shows nothing after sectionType.
        }

        foreach (var section in sections.EnumerateArray())
        {
            emit("section.st" + st, section);
            if (type == 6)
            {
                // 4.0: numPrbc PRBs (0 not widened) × num_bf_antennas, 16-bit I/Q, int16 / 32767, no ciCompParam.
                var prbs = section.GetProperty("ciPrbs").EnumerateArray().ToList();
                Assert.That(prbs, Has.Count.EqualTo(section.GetProperty("numPrbc").GetInt32()), "ST6 numPrbc 0 is not modelled");
                foreach (var prb in prbs)
                {
                    var samples = prb.GetProperty("samples").EnumerateArray().Select(v => v.GetInt64()).ToList();
                    Assert.That(samples, Has.Count.EqualTo(2 * settings.BfAntennas));
                    for (int a = 0; a < settings.BfAntennas; a++)
                    {
                        add("oran_fh_cus.ciISample", Expected.Float32((short)samples[2 * a] / 32767.0));
                        add("oran_fh_cus.ciQSample", Expected.Float32((short)samples[(2 * a) + 1] / 32767.0));
                    }
                }
            }

            if (type == 0)
            {
                continue; // 4.0 does not parse ST0 extensions (no ef).
            }

            int numPrbc = section.GetProperty("numPrbc").GetInt32();
            foreach (var extension in section.GetProperty("extensions").EnumerateArray())
            {
                emit("ext", extension);
                int extType = extension.GetProperty("extType").GetInt32();
                emit("ext." + extType.ToString(CultureInfo.InvariantCulture), extension);
                switch (extType)
                {
                    case 1:
                        WalkBeamformingWeights(extension, add);
                        break;
                    case 10:
                        WalkPortGrouping(extension, add);
                        break;
                    case 11:
                        WalkFlexibleWeights(extension, numPrbc, settings, add);
                        break;
                    case 12:
                        WalkPrbRanges(extension, add);
                        break;
                }
            }
        }
    }

    private static void WalkBeamformingWeights(JsonElement extension, Action<string, Expected> add)
    {
        int rawWidth = extension.GetProperty("bfwCompHdr").GetProperty("bfwIqWidth").GetInt32();
        int width = rawWidth == 0 ? 16 : rawWidth;
        int method = extension.GetProperty("bfwCompHdr").GetProperty("bfwCompMeth").GetInt32();
        Assert.That(method, Is.AnyOf(0, 1), "only bfwCompMeth 0 and 1 are modelled for 4.0");
        int exponent = 0;
        if (method == 1)
        {
            exponent = extension.GetProperty("exponent").GetInt32();
            add("oran_fh_cus.exponent", Expected.Of(exponent));
        }

        var weights = extension.GetProperty("weights").EnumerateArray().Select(v => v.GetInt64()).ToList();
        int extLen = extension.GetProperty("extLen").GetInt32();
        int pairs = ((extLen * 4) - 3) * 8 / (2 * width);
        double scale = Math.Pow(2, exponent) / (1 << (width - 1));
        for (int i = 0; i < pairs; i++)
        {
            // Beyond our L weights 4.0 decodes the zero padding as weights.
            long wi = 2 * i < weights.Count ? weights[2 * i] : 0;
            long wq = (2 * i) + 1 < weights.Count ? weights[(2 * i) + 1] : 0;
            add("oran_fh_cus.bfwI", Expected.Float(wi * scale));
            add("oran_fh_cus.bfwQ", Expected.Float(wq * scale));
        }
    }

    private static void WalkPortGrouping(JsonElement extension, Action<string, Expected> add)
    {
        int type = extension.GetProperty("beamGroupType").GetInt32();
        Assert.That(type, Is.AnyOf(0, 1, 2), "beamGroupType 3 is not modelled for 4.0");
        if (type <= 1)
        {
            add("oran_fh_cus.reserved8", Expected.Of(0));
        }

        foreach (var beamId in extension.GetProperty("beamIds").EnumerateArray())
        {
            add("oran_fh_cus.beamId", Expected.Of(beamId.GetInt64()));
        }
    }

    private static void WalkFlexibleWeights(JsonElement extension, int numPrbc, Settings settings,
        Action<string, Expected> add)
    {
        bool disabled = extension.GetProperty("disableBFWs").GetInt32() == 1;
        int method = 0;
        int width = 16;
        if (!disabled)
        {
            var hdr = extension.GetProperty("bfwCompHdr");
            int rawWidth = hdr.GetProperty("bfwIqWidth").GetInt32();
            width = rawWidth == 0 ? 16 : rawWidth;
            method = hdr.GetProperty("bfwCompMeth").GetInt32();
            add("oran_fh_cus.bfwCompHdr_iqWidth", Expected.Of(rawWidth));
            add("oran_fh_cus.bfwCompHdr_compMeth", Expected.Of(method));
        }

        var bundles = extension.GetProperty("bundles").EnumerateArray().ToList();
        int numBundPrb = extension.GetProperty("numBundPrb").GetInt32();
        Assert.That(bundles, Has.Count.EqualTo((numPrbc + numBundPrb - 1) / numBundPrb), "4.0 bundle count");
        foreach (var bundle in bundles)
        {
            if (disabled)
            {
                add("oran_fh_cus.beamId", Expected.Of(bundle.GetProperty("beamId").GetInt64()));
                continue;
            }

            int exponent = 0;
            if (method == 1)
            {
                exponent = bundle.GetProperty("exponent").GetInt32();
                add("oran_fh_cus.exponent", Expected.Of(exponent));
            }

            add("oran_fh_cus.beamId", Expected.Of(bundle.GetProperty("beamId").GetInt64()));
            add("oran_fh_cus.num_weights_per_bundle", Expected.Of(settings.WeightsPerBundle));
            var weights = bundle.GetProperty("weights").EnumerateArray().Select(v => v.GetInt64()).ToList();
            foreach (var (w, k) in weights.Select((w, k) => (w, k)))
            {
                // 4.0 decompress_value: method 0 reinterprets the raw bits as int16 (no sign extension below 16 bits).
                double value = method == 0
                    ? (short)(w & ((1L << width) - 1) & 0xFFFF) / 32767.0
                    : w / (double)(1 << (width - 1)) * Math.Pow(2, exponent);
                add(k % 2 == 0 ? "oran_fh_cus.bfwI" : "oran_fh_cus.bfwQ",
                    method == 0 ? Expected.Float32(value) : Expected.Float(value));
            }
        }
    }

    private static void WalkPrbRanges(JsonElement extension, Action<string, Expected> add)
    {
        var ranges = extension.GetProperty("ranges").EnumerateArray().ToList();
        int pairs = ((extension.GetProperty("extLen").GetInt32() * 4) - 4) / 2;
        for (int i = 0; i < pairs; i++)
        {
            add("oran_fh_cus.offStartPrb", Expected.Of(i < ranges.Count ? ranges[i].GetProperty("offStartPrb").GetInt64() : 0));
            add("oran_fh_cus.numPrb", Expected.Of(i < ranges.Count ? ranges[i].GetProperty("numPrb").GetInt64() : 0));
        }
    }

    private static Expected Convert(Row row, JsonElement scope)
    {
        switch (row.Conv)
        {
            case Conv.Zero:
                return Expected.Of(0);
            case Conv.Text:
                return new Expected(JsonLines.At(scope, row.Json).GetString()!);
            case Conv.Count:
                return Expected.Of(JsonLines.At(scope, row.Json).GetArrayLength());
            case Conv.ClockId:
                string id = JsonLines.At(scope, row.Json).GetString()!;
                Assert.That(id, Does.Match("^0x[0-9a-f]{16}$"), "clock identity format");
                return new Expected(ulong.Parse(id.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    .ToString(CultureInfo.InvariantCulture));
            case Conv.EaxcString:
                var e = JsonLines.At(scope, row.Json);
                return new Expected(string.Join(':', EaxcParts.Select(k => e.GetProperty(k).GetInt64().ToString("x", CultureInfo.InvariantCulture))));
            case Conv.CiCompHdrByte:
                var ci = JsonLines.At(scope, row.Json);
                return Expected.Of((ci.GetProperty("ciIqWidth").GetInt64() << 4)
                    | (ci.GetProperty("ciCompMeth").GetInt64() << 1) | ci.GetProperty("ciCompOpt").GetInt64());
        }

        long value = JsonLines.Long(scope, row.Json);
        return row.Conv switch
        {
            Conv.Unsigned24 => Expected.Of(value & 0xFFFFFF),
            Conv.UInt64 => new Expected(((ulong)value).ToString(CultureInfo.InvariantCulture)),
            Conv.CorrectionNs => new Expected(((ulong)(value >> 16)).ToString(CultureInfo.InvariantCulture)),
            Conv.CorrectionSubNs => Expected.Float((value & 0xFFFF) / 65536.0),
            Conv.Bit => Expected.Of((value >> row.Arg) & 1),
            Conv.EfAsReserved16 => Expected.Of(value << 15),
            _ => Expected.Of(value),
        };
    }
}
