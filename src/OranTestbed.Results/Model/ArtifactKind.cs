namespace OranTestbed.Results.Model;

/// <summary>What an evidence file is (names: <c>capture</c>, <c>analysis-report</c>, <c>log</c>, <c>other</c>).</summary>
public enum ArtifactKind
{
    Capture,
    AnalysisReport,
    Log,
    Other,
}
