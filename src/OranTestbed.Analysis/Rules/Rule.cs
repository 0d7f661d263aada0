namespace OranTestbed.Analysis.Rules;

/// <summary>
/// One conformance rule of the <see cref="RuleCatalogue"/>: a stable id (<c>FAMILY-NAME</c>, upper-case kebab, never
/// renamed or reused once published: reports, result stores and lab notes refer to it), a severity, a one-line
/// description and the specification clause it enforces. <see cref="Ordinal"/> is the rule's index in
/// <see cref="RuleCatalogue.All"/>, so per-rule state lives in flat arrays on the hot path.
/// </summary>
public sealed record Rule(int Ordinal, string Id, RuleSeverity Severity, string Description, string Clause)
{
    /// <summary>The family prefix of the id (<c>SEQ</c> for <c>SEQ-LOST</c>).</summary>
    public string Family => Id[..Id.IndexOf('-', StringComparison.Ordinal)];

    public override string ToString() => Id;
}
