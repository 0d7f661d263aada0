using OranTestbed.Analysis.Verdicts;
using OranTestbed.Results.Model;

namespace OranTestbed.Server.Api.Contracts;

/// <summary>Everything stored about one execution, with its evidence links and the server's evidence check.</summary>
public sealed record ExecutionDto(string RunId, string ExecutionId, string Combination, IReadOnlyList<ProductRef> Products, string Band,
    string OperatorProfile, string IotProfile, string IotSpecification, string IotSpecVersion, string FronthaulProfile, string CaseId,
    string CaseName, string CaseStatus, string CaseReference, int Repetition, string Verdict, int Attempts, bool Flaky,
    IReadOnlyList<string> Reasons, string Bench, double DurationSeconds, DateTimeOffset? StartedAt, IReadOnlyList<MetricDto> Metrics,
    IReadOnlyList<ArtifactDto> Artifacts, EvidenceDto? Evidence)
{
    public static ExecutionDto Of(ExecutionResult e, EvidenceCheck? check)
    {
        ArgumentNullException.ThrowIfNull(e);
        var s = e.Subject;
        var o = e.Outcome;
        return new ExecutionDto(e.RunId, e.ExecutionId, s.Combination, s.Products, s.Band, s.OperatorProfile, s.IotProfile,
            s.IotSpecification, s.IotSpecVersion, s.FronthaulProfile, s.CaseId, s.CaseName, s.CaseStatus, s.CaseReference, s.Repetition,
            o.Verdict.ToWireName(), o.Attempts, o.Flaky, o.Reasons, o.Bench, o.Duration.TotalSeconds, o.StartedAt,
            [.. e.Metrics.Select(MetricDto.Of)], [.. e.Artifacts.Select(ArtifactDto.Of)], EvidenceDto.Of(check));
    }
}
