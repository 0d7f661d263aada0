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

    /// <summary>What this hit is about when the rule alone does not say (an O-RU configuration finding: the aspect, what
    /// the capture shows, what the O-RU says); null for most rules.</summary>
    public string? Detail { get; init; }
}
