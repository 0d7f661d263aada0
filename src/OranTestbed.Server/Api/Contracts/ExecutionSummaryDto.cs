using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>One line of an execution list: what ran, the verdict, and whether the evidence check flagged it.</summary>
public sealed record ExecutionSummaryDto(string RunId, string ExecutionId, string Combination, string Band, string OperatorProfile,
    string CaseId, string Verdict, string? Evidence, string Href)
{
    public static ExecutionSummaryDto Of(ExecutionResult e, EvidenceCheck? check)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ExecutionSummaryDto(e.RunId, e.ExecutionId, e.Subject.Combination, e.Subject.Band, e.Subject.OperatorProfile,
            e.Subject.CaseId, e.Outcome.Verdict.ToWireName(), check is null ? null : EvidenceCheck.StatusName(check.Status),
            ApiPaths.Execution(e.RunId, e.ExecutionId));
    }
}
