using System.Collections.Immutable;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>
/// An analysis seen through a case (<see cref="CaseScope"/>): the case's verdict on it, the analyzer metrics it judged,
/// and the analysis' own reasons that lie outside the case's scope (said, not judged).
/// </summary>
public sealed record CaseAnalysis(VerdictOutcome Verdict, ImmutableArray<AnalyzerMetricResult> Metrics,
    ImmutableArray<string> OutOfScope);
