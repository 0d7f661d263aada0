namespace OranTestbed.Analysis.Tests.Support;

/// <summary>The JSON report's top-level keys, in order: issue 3 §5's, plus correlation, section types, PTP, IQ and the capture's completeness.</summary>
public static class ReportContract
{
    public static readonly string[] TopLevelKeys =
        ["packets", "sequence", "timing", "windows", "correlation", "cplaneSectionTypes", "ptp", "iq", "completeness", "findings", "verdict"];
}
