using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;

namespace OranTestbed.Results.Model;

/// <summary>
/// The results server's re-analysis of one execution's captures with the execution's fronthaul profile: the verdict the
/// uploader claimed, the one the analysis gives (null when nothing was analysed), the SHA-256 of the captures analysed
/// and why the execution is supported, flagged or unchecked.
/// </summary>
public sealed record EvidenceCheck(string RunId, string ExecutionId, EvidenceStatus Status, Verdict Claimed,
    Verdict? Analyzed, string FronthaulProfile, ImmutableArray<string> Captures, string Reason, DateTimeOffset CheckedAt)
{
    public static string StatusName(EvidenceStatus status) => status switch
    {
        EvidenceStatus.Supported => "supported",
        EvidenceStatus.Flagged => "flagged",
        _ => "unchecked",
    };

    public static EvidenceStatus ParseStatus(string name) => name switch
    {
        "supported" => EvidenceStatus.Supported,
        "flagged" => EvidenceStatus.Flagged,
        _ => EvidenceStatus.Unchecked,
    };
}
