using System.Collections.Immutable;
using OranTestbed.Analysis.Rules;

namespace OranTestbed.Analysis.Findings;

/// <summary>
/// A rule hit over a whole analysis: the rule, how many times it was hit and the frame numbers (1-based, as in the
/// capture) of the first hits: ascending and distinct (a frame hit twice is one example).
/// </summary>
public sealed record Finding(Rule Rule, long Count, ImmutableArray<long> Examples)
{
    /// <summary>The rule's severity, unless the profile chose another (<c>rule-severity</c>).</summary>
    public RuleSeverity Severity { get; init; } = Rule.Severity;
}
