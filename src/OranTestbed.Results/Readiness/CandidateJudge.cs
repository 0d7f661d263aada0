using System.Collections.Immutable;
using OranTestbed.Analysis.Verdicts;
using OranTestbed.Plans.Operators;
using OranTestbed.Results.Exports;
using OranTestbed.Results.Model;

namespace OranTestbed.Results.Readiness;

/// <summary>
/// Judges a compatible combination for a need from the operator's stored results in the band. Results are told apart
/// by the software versions of the O-DU and O-RU (the pair whose interoperability is judged; an O-CU's version is
/// listed with them); within one set of versions the latest result of each execution counts (the newest run's, as in
/// the interoperability matrix), aborted ones never.
/// </summary>
internal sealed class CandidateJudge(OperatorNeed need, ImmutableArray<NeedCase> cases, IReadOnlyList<ExecutionResult> results,
    IReadOnlyDictionary<string, int> runRank)
{
    public ReadinessCandidate Judge(string oDu, string oRu, string? oCu)
    {
        var mine = results.Where(r => r.Outcome.Verdict != Verdict.Aborted
                                      && r.Subject.Product("o-du")?.Id == oDu && r.Subject.Product("o-ru")?.Id == oRu
                                      && cases.Any(c => c.Id == r.Subject.CaseId && (!c.NeedsOCu || r.Subject.Product("o-cu")?.Id == oCu)));
        var versions = mine
            .GroupBy(r => (Du: r.Subject.Product("o-du")!.Software, Ru: r.Subject.Product("o-ru")!.Software))
            .Select(g => g.GroupBy(r => r.ExecutionId, StringComparer.Ordinal).Select(Latest).ToList())
            .OrderByDescending(latest => latest.Max(Rank))
            .Select(JudgeVersions)
            .ToImmutableArray();
        var state = versions.Any(v => v.State == ReadinessState.Ready) ? ReadinessState.Ready
            : versions.Any(v => v.State == ReadinessState.NotReady) ? ReadinessState.NotReady
            : ReadinessState.NotTested;
        return new ReadinessCandidate(oDu, oRu, oCu, state, versions, null);
    }

    private ExecutionResult Latest(IEnumerable<ExecutionResult> ofOneExecution) => ofOneExecution.MaxBy(Rank)!;

    private int Rank(ExecutionResult result) => runRank.GetValueOrDefault(result.RunId, -1);

    private VersionReadiness JudgeVersions(List<ExecutionResult> latest)
    {
        var judged = cases.Select(c => JudgeCase(c.Id, [.. latest.Where(r => r.Subject.CaseId == c.Id)
            .OrderBy(r => r.Subject.Repetition).ThenBy(r => r.ExecutionId, StringComparer.Ordinal)])).ToImmutableArray();
        var state = judged.Any(c => c.State == ReadinessState.NotReady) ? ReadinessState.NotReady
            : judged.Any(c => c.State == ReadinessState.NotTested) ? ReadinessState.NotTested
            : ReadinessState.Ready;
        var products = latest.SelectMany(r => r.Subject.Products)
            .OrderBy(p => ExecutionSubject.Roles.IndexOf(p.Role)).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => $"{p.Id} {p.Software}".TrimEnd()).Distinct(StringComparer.Ordinal);
        return new VersionReadiness([.. products], state, judged);
    }

    private CaseReadiness JudgeCase(string caseId, ImmutableArray<ExecutionResult> latest)
    {
        if (latest.IsEmpty)
        {
            return new CaseReadiness(caseId, ReadinessState.NotTested, latest, []);
        }

        var findings = latest.SelectMany(r => Findings(caseId, r)).ToImmutableArray();
        return new CaseReadiness(caseId, findings.IsEmpty ? ReadinessState.Ready : ReadinessState.NotReady, latest, findings);
    }

    private IEnumerable<ReadinessFinding> Findings(string caseId, ExecutionResult result)
    {
        var verdict = result.Outcome.Verdict;
        if (verdict != Verdict.Pass)
        {
            var failing = result.Metrics.Where(m => m.Verdict != Verdict.Pass).ToList();
            if (failing.Count == 0)
            {
                string why = result.Outcome.Reasons.IsEmpty ? "no reason recorded" : string.Join("; ", result.Outcome.Reasons);
                yield return Finding(null, $"{caseId} {verdict.ToWireName()}: {why}");
            }

            foreach (var m in failing)
            {
                yield return Finding(m.Id, $"{caseId} {verdict.ToWireName()}: {ExportText.Metric(m)}");
            }

            yield break;
        }

        foreach (var criterion in need.Thresholds.Where(t => t.CaseId == caseId))
        {
            if (NeedThresholds.Violation(result.Metrics.FirstOrDefault(m => m.Id == criterion.MetricId), criterion) is { } why)
            {
                yield return Finding(criterion.MetricId, $"{caseId} passed, but {why}");
            }
        }

        ReadinessFinding Finding(string? metric, string text) => new(caseId, metric, text, result.RunId, result.ExecutionId);
    }
}
