using System.Collections.Immutable;
using OranTestbed.Analysis.Correlation;
using OranTestbed.Analysis.Findings;
using OranTestbed.Analysis.Iq;
using OranTestbed.Analysis.Sequence;
using OranTestbed.Analysis.SPlane;
using OranTestbed.Analysis.Timing;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Capture;

using OranTestbed.Analysis.SectionTypes;

namespace OranTestbed.Analysis.Reports;

/// <summary>
/// What one analysis found: packet counts, sequence per flow, timing windows at the tap, findings (rule hits in
/// catalogue order) and the verdict with its reasons. Immutable; correlation, PTP and IQ statistics join as further
/// members.
/// </summary>
public sealed record AnalysisReport(PacketCounts Packets, SequenceReport Sequence, TimingReport Timing,
    ImmutableArray<Finding> Findings,
    VerdictOutcome Verdict)
{
    /// <summary>C/U-plane correlation (issue 3 §3); empty when the producer did not correlate.</summary>
    public CorrelationReport Correlation { get; init; } = CorrelationReport.Empty;
    /// <summary>The S-plane: PTP per clock port and domain (issue 3 §4).</summary>
    public PtpReport Ptp { get; init; } = PtpReport.Empty;
    /// <summary>IQ statistics per eAxC and direction (issue 3 §3, <c>--iq</c>); disabled unless asked for.</summary>
    public IqReport Iq { get; init; } = IqReport.Disabled;

    /// <summary>What the frame source could not deliver (drops, cut short); whole unless the producer said otherwise.</summary>
    public CaptureCompleteness Completeness { get; init; } = CaptureCompleteness.Whole;

    /// <summary>The capture compared with the O-RU's stated configuration (<c>analyze --oru-config</c>); disabled unless given.</summary>
    public OruConfig.OruConfigurationReport OruConfiguration { get; init; } = OruConfig.OruConfigurationReport.Disabled;

    /// <summary>C-plane messages per section type, with their eAxCs.</summary>
    public ImmutableArray<SectionTypeCount> CPlaneSectionTypes { get; init; } = [];
}
