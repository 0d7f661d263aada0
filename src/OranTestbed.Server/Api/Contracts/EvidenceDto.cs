using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>The server's re-analysis of an execution's captures: <c>supported</c>, <c>flagged</c> (the evidence does not
/// support the claimed verdict: see reason) or <c>unchecked</c>.</summary>
public sealed record EvidenceDto(string Status, bool Flagged, string Claimed, string? Analyzed, string FronthaulProfile,
    IReadOnlyList<string> Captures, string Reason, DateTimeOffset CheckedAt)
{
    public static EvidenceDto? Of(EvidenceCheck? c) => c is null
        ? null
        : new EvidenceDto(EvidenceCheck.StatusName(c.Status), c.Status == EvidenceStatus.Flagged, c.Claimed.ToWireName(),
            c.Analyzed?.ToWireName(), c.FronthaulProfile, c.Captures, c.Reason, c.CheckedAt);
}
