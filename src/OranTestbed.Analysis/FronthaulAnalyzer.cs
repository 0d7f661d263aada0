using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OranTestbed.Analysis.Correlation;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Flows;
using OranTestbed.Analysis.Iq;
using OranTestbed.Analysis.OruConfig;
using OranTestbed.Analysis.SectionTypes;
using OranTestbed.Analysis.Reports;
using OranTestbed.Analysis.Rules;
using OranTestbed.Analysis.Sequence;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Analysis.Tdd;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture;
using OranTestbed.Capture.Files;
using OranTestbed.Fronthaul.CPlane;
using OranTestbed.Fronthaul.Decoding;
using OranTestbed.Fronthaul.Ecpri;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Fronthaul.Ptp;
using OranTestbed.Fronthaul.Transport;
using OranTestbed.Fronthaul.UPlane;

namespace OranTestbed.Analysis;

/// <summary>
/// Streams frames through <see cref="FrameDecoder"/> and judges them: packet counts, sequence per flow
/// (<see cref="SequenceTracker"/>), the header checks of the rule catalogue (payloadVersion, reserved bits, PRBs beyond
/// the carrier, subframe/slot/symbol out of range for the numerology) and every malformed frame as the rule of its
/// decode error (<see cref="RuleCatalogue.ForDecodeError"/>); <see cref="BuildReport"/> gives the immutable report
/// and verdict.
/// <para>
/// Components are fields, called from the decoder callbacks with a <see cref="MessageContext"/> once per C-plane or
/// U-plane message and once per section: the timing windows, C/U correlation, PTP and IQ statistics join the same way
/// (a field, a call in <see cref="OnCPlaneHeader"/>/<see cref="OnUPlaneHeader"/>/the section callbacks/<see cref="AnalyzerVisitor.OnPtp"/>,
/// and a member of the report). Direct calls keep the per-frame path free of allocation and virtual dispatch.
/// </para>
/// <para>
/// eCPRI fragments: a continuation fragment (subsequence id &gt; 0) carries no O-RAN header, so its body is not
/// decoded as one (the decoder's callbacks and errors for it are ignored) and it belongs to the flow that last received
/// a message on its eAxC and plane. The body of a first fragment (E = 0) is cut short by design, so section errors in
/// it are not malformed frames either.
/// </para>
/// One analyzer per traffic sample; not thread-safe.
/// </summary>
public sealed class FronthaulAnalyzer
{
    /// <summary>Symbols per slot with the normal cyclic prefix (3GPP TS 38.211 §4.3.2).</summary>
    private const int SymbolsPerSlot = 14;
    private const int SubframesPerFrame = 10;
    private const int MaxNumerology = 4;

    private readonly FronthaulDecodeOptions _options;
    private readonly int _numerology;
    private readonly ILogger _logger;
    private readonly FindingCollector _findings;
    private readonly SequenceTracker _sequence = new();
    private readonly TimingWindowChecker? _timing;
    private readonly CUPlaneCorrelator _correlation;
    private readonly PtpAnalyzer _ptpAnalyzer;
    private readonly VerdictThresholds _thresholds;
    private readonly ImmutableDictionary<Rule, RuleSeverity> _severities = ImmutableDictionary<Rule, RuleSeverity>.Empty;
    private readonly IqStatistics? _iq;
    private readonly TddPatternChecker? _tdd;
    private readonly OruConfigurationChecker? _oru;

    private long _total, _cplane, _uplane, _ptp, _other, _malformed;
    private readonly SectionTypeTally _sectionTypes = new();

    // Per frame and per message state, reset as frames and messages begin.
    private long _frameNumber;
    private long _timestamp;
    private int _firstEcpriType;
    private bool _frameMalformed;
    private int _messageType;
    private OranTransportHeader _transport;
    private bool _skipBody;
    private bool _fragmentBody;
    private int _sectionNumerology;
    private int _startSymbol;
    private bool _uplaneChecksPrbs;
    private bool _uplaneDownlink;
    private bool _cplaneCarrierGrid;

    /// <param name="options">Wire configuration; <see cref="FronthaulDecodeOptions.CarrierPrbs"/> is the carrier width.</param>
    /// <param name="numerology">µ of the carrier (SCS = 15·2^µ kHz), 0..4; gives the slots per subframe.</param>
    /// <param name="analyzeIq">Decompress every U-plane section for IQ statistics (<see cref="IqStatistics"/>).</param>
    public FronthaulAnalyzer(FronthaulDecodeOptions options, int numerology, ILogger? logger = null,
        int examplesPerRule = FindingCollector.DefaultExamplesPerRule, bool analyzeIq = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(numerology);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerology, MaxNumerology);
        _options = options;
        _numerology = numerology;
        _logger = logger ?? NullLogger.Instance;
        _findings = new FindingCollector(examplesPerRule);
        _correlation = new CUPlaneCorrelator(_findings);
        _ptpAnalyzer = new PtpAnalyzer(_findings);
        _thresholds = VerdictThresholds.Strict;
        _iq = analyzeIq ? new IqStatistics(_findings, options.CarrierPrbs) : null;
    }

    /// <summary>
    /// An analyzer judging traffic against <paramref name="profile"/>: its wire configuration, carrier, delay windows
    /// at the tap (<paramref name="tap"/> when given, else the profile's; timing windows are not checked when neither
    /// says) and verdict thresholds; with <paramref name="oruConfiguration"/> (what the O-RU states over its M-plane,
    /// <see cref="OruConfigurationChecker"/>) the capture is also compared with that.
    /// </summary>
    public FronthaulAnalyzer(FronthaulProfile profile, CaptureTap? tap = null, ILogger? logger = null,
        int examplesPerRule = FindingCollector.DefaultExamplesPerRule, bool analyzeIq = false,
        FronthaulProfile? oruConfiguration = null)
        : this((profile ?? throw new ArgumentNullException(nameof(profile))).ToDecodeOptions(),
            profile.Carrier.Numerology, logger, examplesPerRule, analyzeIq)
    {
        _timing = new TimingWindowChecker(profile, tap, _findings);
        _tdd = TddPatternChecker.For(profile, _findings);
        _correlation.CaptureStartAllowanceNs = CUPlaneCorrelator.CaptureStartAllowanceFor(profile);
        _thresholds = profile.VerdictThresholds;
        _severities = SeveritiesOf(profile);
        _oru = oruConfiguration is null ? null : new OruConfigurationChecker(oruConfiguration, _findings);
        _ptpAnalyzer.TimeErrorLimits = profile.SPlane;
    }

    public FronthaulDecodeOptions Options => _options;

    public int Numerology => _numerology;

    /// <summary>
    /// The grid (ns, aligned to its multiples on the capture clock) of the per-interval reception tallies at the O-RU tap
    /// (<see cref="ReceptionSeries"/>, compared with the O-RU's rx-window reports); set before the first frame. Default
    /// 1 s: whole seconds of capture time.
    /// </summary>
    public long ReceptionIntervalNanoseconds
    {
        get => _timing?.ReceptionIntervalNs ?? ReceptionSeries.DefaultIntervalNs;
        set => (_timing ?? throw new InvalidOperationException("an analyzer without a profile times nothing")).ReceptionIntervalNs = value;
    }

    /// <summary>Frames processed so far.</summary>
    public long Frames => _total;

    /// <summary>C-plane and U-plane frames so far (for a live progress line; <see cref="BuildReport"/> has the rest).</summary>
    public long FronthaulFrames => _cplane + _uplane;

    /// <summary>Error-severity rule hits so far, before the window thresholds (a live progress line's verdict trend).</summary>
    public long ErrorFindings => _findings.ErrorCount;

    /// <summary>Analyzes one frame read from a capture.</summary>
    public void Process(in CapturedFrame frame) => Process(frame.Data, frame.TimestampNanoseconds, frame.Number);

    /// <summary>Analyzes one frame: <paramref name="frameNumber"/> (1-based, as in the capture) names it in findings.</summary>
    public void Process(ReadOnlySpan<byte> frame, long timestampNanoseconds, long frameNumber)
    {
        _total++;
        _frameNumber = frameNumber;
        _timestamp = timestampNanoseconds;
        _firstEcpriType = -1;
        _frameMalformed = false;
        ResetMessage();
        var visitor = new AnalyzerVisitor(this);
        FrameDecoder.Decode(frame, _options, ref visitor, out var kind);
        switch (kind)
        {
            case FrameKind.Ptp:
                _ptp++;
                break;
            case FrameKind.Ecpri when _firstEcpriType == EcpriFields.TypeRealTimeControl:
                _cplane++;
                break;
            case FrameKind.Ecpri when _firstEcpriType == EcpriFields.TypeIqData:
                _uplane++;
                break;
            case FrameKind.IpFragment:
                _other++;
                _findings.Record(RuleCatalogue.FrameIpFragment, frameNumber);
                break;
            default:
                _other++;
                break;
        }

        if (_frameMalformed)
        {
            _malformed++;
        }
    }

    /// <summary>
    /// The report so far: open fragmented messages are closed as incomplete, then packets, sequence, timing windows,
    /// findings and the verdict, judged by <see cref="SampleVerdict"/> with what the frame source could not deliver
    /// (<paramref name="completeness"/>; a whole sample when null).
    /// </summary>
    public AnalysisReport BuildReport(CaptureCompleteness? completeness = null)
    {
        completeness ??= CaptureCompleteness.Whole;
        foreach (long frame in _sequence.FlushOpenFragments())
        {
            _findings.Record(RuleCatalogue.SeqFragmentIncomplete, frame);
        }

        var correlation = _correlation.Build(); // before the findings: it judges the UL C-plane still pending
        var ptp = _ptpAnalyzer.Build();
        var iq = _iq?.Build() ?? IqReport.Disabled; // before the findings: it records the clipping rule
        var packets = new PacketCounts(_total, _cplane, _uplane, _ptp, _other, _malformed);
        var findings = WithProfileSeverities(_findings.Build());
        var oru = _oru?.Build(findings) ?? OruConfigurationReport.Disabled;
        findings = WithOruDetails(findings, oru);
        var timing = _timing?.Build() ?? TimingReport.NotChecked("no fronthaul profile was given");
        var sequence = _sequence.BuildReport();
        var verdict = SampleVerdict.Judge(packets, sequence, timing, findings, _thresholds, completeness, iq, oru, ptp);
        var report = new AnalysisReport(packets, sequence, timing, findings, verdict)
        {
            Correlation = correlation,
            Ptp = ptp,
            Iq = iq,
            CPlaneSectionTypes = _sectionTypes.Build(),
            Completeness = completeness,
            OruConfiguration = oru,
        };
        string verdictName = report.Verdict.Value.ToWireName();
        AnalysisLog.AnalysisCompleted(_logger, packets.Total, packets.Malformed, report.Sequence.Flows.Length,
            findings.Length, verdictName);

        return report;
    }

    internal void OnEcpriMessage(in EcpriMessage message, int index)
    {
        if (index == 0)
        {
            _firstEcpriType = message.MessageType;
        }

        _messageType = message.MessageType;
        ResetMessage();
    }

    internal void OnOranTransportHeader(in OranTransportHeader header)
    {
        _transport = header;
        _fragmentBody = !header.EBit || header.SubsequenceId != 0;
        if (header.SubsequenceId == 0)
        {
            return; // observed with its direction, from the C-plane or U-plane header
        }

        _skipBody = true;
        var plane = _messageType == EcpriFields.TypeRealTimeControl ? MessagePlane.CPlane : MessagePlane.UPlane;
        if (_sequence.TryGetRecentDirection(header.Eaxc.Value, plane, out var direction))
        {
            ObserveSequence(new FlowKey(header.Eaxc.Value, plane, direction));
        }
        else
        {
            _sequence.ObserveUnattributedContinuation();
            _findings.Record(RuleCatalogue.SeqFragmentIncomplete, _frameNumber);
        }
    }

    internal void OnCPlaneHeader(in CPlaneCommonHeader header)
    {
        if (_skipBody)
        {
            return;
        }

        var direction = header.Downlink ? DataDirection.Downlink : DataDirection.Uplink;
        ObserveSequence(new FlowKey(_transport.Eaxc.Value, MessagePlane.CPlane, direction));
        _tdd?.OnCPlaneHeader(header, _frameNumber);
        _sectionTypes.Observe(header.SectionType, _transport.Eaxc.Value);
        if (header.PayloadVersion != CPlaneFields.PayloadVersion)
        {
            _findings.Record(RuleCatalogue.CPlanePayloadVersion, _frameNumber);
        }

        if (header.ReservedBitsSet)
        {
            _findings.Record(RuleCatalogue.CPlaneReserved, _frameNumber);
        }

        if (header.SectionType == CPlaneSectionType.Laa)
        {
            _sectionNumerology = -1; // ST7 reserves the timing fields
            _oru?.OnMessage(_transport.Eaxc.Value, carrierGrid: false, 0, _frameNumber);
            return;
        }

        // ST0 and ST3 state their own numerology in frameStructure (mixed numerology, PRACH); PRACH SCS codes 12-15
        // have no slot grid of their own here, so their slot and PRB checks are skipped.
        _sectionNumerology = header.SectionType is CPlaneSectionType.UnusedResourceBlocks or CPlaneSectionType.Prach
            ? (header.SubcarrierSpacing <= MaxNumerology ? header.SubcarrierSpacing : -1)
            : _numerology;
        if (_sectionNumerology >= 0
            && (header.SubframeId >= SubframesPerFrame || header.SlotId >= 1 << _sectionNumerology))
        {
            _findings.Record(RuleCatalogue.CPlaneSlotRange, _frameNumber);
        }

        _cplaneCarrierGrid = header.SectionType is not (CPlaneSectionType.UnusedResourceBlocks or CPlaneSectionType.Prach);
        _oru?.OnMessage(_transport.Eaxc.Value, _cplaneCarrierGrid, header.SlotId, _frameNumber);
        _timing?.Observe(cplane: true, header.Downlink, _transport.Eaxc.Value, _sectionNumerology, header.FrameId,
            header.SubframeId, header.SlotId, header.StartSymbolId, _timestamp, _frameNumber);
        _startSymbol = header.StartSymbolId;
        _correlation.OnCPlaneHeader(_transport.Eaxc.Value, header.Downlink, header.SectionType, header.FrameId,
            header.SubframeId, header.SlotId, header.StartSymbolId, _timestamp, _frameNumber);
        if (_startSymbol >= SymbolsPerSlot)
        {
            _findings.Record(RuleCatalogue.CPlaneSymbolRange, _frameNumber);
        }
    }

    internal void OnCPlaneSection(in CPlaneSection section)
    {
        if (_skipBody)
        {
            return;
        }

        if (section.Reserved != 0)
        {
            _findings.Record(RuleCatalogue.CPlaneReserved, _frameNumber);
        }

        if (_sectionNumerology == _numerology && BeyondCarrier(section.StartPrbc, section.EffectiveNumPrbc, section.Rb))
        {
            _findings.Record(RuleCatalogue.CPlanePrbBeyondCarrier, _frameNumber);
        }

        if (_cplaneCarrierGrid)
        {
            _oru?.OnSection(section.StartPrbc, section.EffectiveNumPrbc, section.Rb, _frameNumber);
        }

        if (_startSymbol < SymbolsPerSlot && _startSymbol + section.NumSymbol > SymbolsPerSlot)
        {
            _findings.Record(RuleCatalogue.CPlaneSymbolRange, _frameNumber);
        }

        _correlation.OnCPlaneSection(section.SectionId, section.SymInc, section.StartPrbc, section.EffectiveNumPrbc,
            section.Rb, section.NumSymbol);
        _tdd?.OnCPlaneSection(section.SymInc, section.NumSymbol);
    }

    internal void OnUPlaneHeader(UPlaneHeader header)
    {
        if (_skipBody)
        {
            return;
        }

        var direction = header.IsDownlink ? DataDirection.Downlink : DataDirection.Uplink;
        ObserveSequence(new FlowKey(_transport.Eaxc.Value, MessagePlane.UPlane, direction));
        _correlation.OnUPlaneHeader(_transport.Eaxc.Value, header.IsDownlink, header.FrameId, header.SubframeId,
            header.SlotId, header.SymbolId, _timestamp, _frameNumber);
        _timing?.Observe(cplane: false, header.IsDownlink, _transport.Eaxc.Value, -1, header.FrameId, header.SubframeId,
            header.SlotId, header.SymbolId, _timestamp, _frameNumber);
        _tdd?.OnUPlaneHeader(header, _frameNumber);
        if (header.PayloadVersion != UPlaneFields.PayloadVersion)
        {
            _findings.Record(RuleCatalogue.UPlanePayloadVersion, _frameNumber);
        }

        // PRACH U-plane (filterIndex != 0) follows the numerology and PRB grid of its ST3 C-plane, not the carrier's.
        _uplaneChecksPrbs = header.FilterIndex == 0;
        _uplaneDownlink = header.IsDownlink;
        _oru?.OnMessage(_transport.Eaxc.Value, carrierGrid: _uplaneChecksPrbs, header.SlotId, _frameNumber);
        if (_uplaneChecksPrbs && (header.SubframeId >= SubframesPerFrame || header.SlotId >= 1 << _numerology))
        {
            _findings.Record(RuleCatalogue.UPlaneSlotRange, _frameNumber);
        }

        if (header.SymbolId >= SymbolsPerSlot)
        {
            _findings.Record(RuleCatalogue.UPlaneSymbolRange, _frameNumber);
        }
    }

    internal void OnUPlaneSection(in UPlaneSection section)
    {
        if (!_skipBody && _uplaneChecksPrbs && BeyondCarrier(section.StartPrb, section.NumPrb, section.Rb))
        {
            _findings.Record(RuleCatalogue.UPlanePrbBeyondCarrier, _frameNumber);
        }

        if (!_skipBody)
        {
            _correlation.OnUPlaneSection(section.SectionId, section.StartPrb, section.NumPrb, section.Rb);
            CompressionChecker.Check(section, _uplaneDownlink, prach: !_uplaneChecksPrbs, _options, _findings,
                _frameNumber);
            _iq?.Observe(_transport.Eaxc.Value, _uplaneDownlink, section, _frameNumber);
            if (_oru is not null && _uplaneChecksPrbs)
            {
                _oru.OnSection(section.StartPrb, section.NumPrb, section.Rb, _frameNumber);
                _oru.OnUPlaneSection(_uplaneDownlink, section.HasUdCompHdr, section.Compression, _frameNumber);
            }
        }
    }

    internal void OnEcpriMessageEnd() => ResetMessage();

    internal void OnTransport(in FronthaulTransport transport)
    {
        if (transport.Kind == FronthaulTransportKind.Ptp)
        {
            _ptpAnalyzer.ObserveTransport(transport, _frameNumber);
        }
    }

    internal void OnPtp(in PtpMessage message) => _ptpAnalyzer.Observe(message, _timestamp, _frameNumber);

    internal void OnError(in DecodeError failure)
    {
        if (_fragmentBody)
        {
            return; // the body of an eCPRI fragment is not a whole O-RAN message (see the class remarks)
        }

        _frameMalformed = true;
        _findings.Record(RuleCatalogue.ForDecodeError(failure), _frameNumber);
    }

    /// <summary>What in <paramref name="profile"/> the analyzer cannot use (a <c>rule-severity</c> naming no rule of the
    /// catalogue), or null: commands check it when they load a profile, so a typo is a usage error, not a crash.</summary>
    public static string? ProfileError(FronthaulProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var (id, name) in profile.RuleSeverities)
        {
            if (RuleCatalogue.Find(id) is null)
            {
                return $"rule-severity names '{id}', which is not a rule (oran-testbed rules lists them)";
            }

            if (!RuleSeverityNames.TryParse(name, out _))
            {
                return $"rule-severity of {id} is '{name}', not error, warning or info";
            }
        }

        return null;
    }

    /// <summary>The profile's <c>rule-severity</c> choices, by rule.</summary>
    private static ImmutableDictionary<Rule, RuleSeverity> SeveritiesOf(FronthaulProfile profile)
    {
        if (ProfileError(profile) is { } error)
        {
            throw new ArgumentException($"profile {profile.Name}: {error}", nameof(profile));
        }

        var result = ImmutableDictionary.CreateBuilder<Rule, RuleSeverity>();
        foreach (var (id, name) in profile.RuleSeverities)
        {
            if (RuleSeverityNames.TryParse(name, out var severity))
            {
                result[RuleCatalogue.Find(id)!] = severity;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The O-RU configuration findings with their aspects' line (what the capture shows, what the O-RU says).</summary>
    private static ImmutableArray<Finding> WithOruDetails(ImmutableArray<Finding> findings, OruConfigurationReport oru)
    {
        if (!oru.Enabled)
        {
            return findings;
        }

        return [.. findings.Select(f =>
        {
            var failed = oru.Aspects.Where(a => a.Rule == f.Rule && a.Verdict == Verdict.Fail).Select(a => a.Detail).ToList();
            return failed.Count == 0 ? f : f with { Detail = string.Join("; ", failed) };
        })];
    }

    private ImmutableArray<Finding> WithProfileSeverities(ImmutableArray<Finding> findings) => _severities.IsEmpty
        ? findings
        : [.. findings.Select(f => _severities.TryGetValue(f.Rule, out var severity) ? f with { Severity = severity } : f)];

    /// <summary>True when the last PRB (every PRB, or every other one with rb = 1) lies beyond the carrier.</summary>
    private bool BeyondCarrier(int startPrb, int numPrb, bool everyOther)
    {
        int last = startPrb + ((numPrb - 1) * (everyOther ? 2 : 1));
        return numPrb > 0 && last >= _options.CarrierPrbs;
    }

    private void ObserveSequence(FlowKey flow)
    {
        int flowsBefore = _sequence.FlowCount;
        var observation = _sequence.Observe(flow, _transport.SequenceId, _transport.EBit, _transport.SubsequenceId,
            _frameNumber);
        if (_sequence.FlowCount != flowsBefore && _logger.IsEnabled(LogLevel.Debug))
        {
            AnalysisLog.FlowFirstSeen(_logger, flow, _frameNumber);
        }

        switch (observation.Outcome)
        {
            case SequenceOutcome.Lost:
                _findings.Record(RuleCatalogue.SeqLost, _frameNumber, observation.Lost);
                break;
            case SequenceOutcome.Duplicate:
                _findings.Record(RuleCatalogue.SeqDuplicate, _frameNumber);
                break;
            case SequenceOutcome.OutOfOrder:
                _findings.Record(RuleCatalogue.SeqOutOfOrder, _frameNumber);
                if (observation.LostRetracted)
                {
                    _findings.Retract(RuleCatalogue.SeqLost);
                }

                break;
            default:
                break;
        }

        if (observation.FragmentsIncomplete > 0)
        {
            _findings.Record(RuleCatalogue.SeqFragmentIncomplete, _frameNumber, observation.FragmentsIncomplete);
        }
    }

    private void ResetMessage()
    {
        _skipBody = false;
        _fragmentBody = false;
        _sectionNumerology = _numerology;
        _startSymbol = 0;
        _uplaneChecksPrbs = true;
        _cplaneCarrierGrid = false;
        _correlation.ResetMessage();
    }
}
