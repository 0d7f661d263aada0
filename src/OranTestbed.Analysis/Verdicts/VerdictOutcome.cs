using System.Collections.Immutable;

namespace OranTestbed.Analysis.Verdicts;

/// <summary>A verdict with the reasons that decided it (those given at the verdict's own level).</summary>
public sealed record VerdictOutcome(Verdict Value, ImmutableArray<string> Reasons);
