namespace OranTestbed.Results.Model;

/// <summary>What re-checking an execution's evidence found (names: <c>supported</c>, <c>flagged</c>, <c>unchecked</c>).</summary>
public enum EvidenceStatus
{
    /// <summary>The re-analysis of the captures agrees with the claimed verdict.</summary>
    Supported,

    /// <summary>The evidence does not support the claimed verdict (e.g. claimed PASS, the capture analyses FAIL).</summary>
    Flagged,

    /// <summary>Nothing could be re-analysed (no readable capture, or a fronthaul profile the server does not know).</summary>
    Unchecked,
}
