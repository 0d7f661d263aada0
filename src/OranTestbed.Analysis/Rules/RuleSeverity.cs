namespace OranTestbed.Analysis.Rules;

/// <summary>How much a rule hit weighs in the verdict: errors fail the execution, warnings and infos do not.</summary>
public enum RuleSeverity : byte
{
    /// <summary>Worth knowing; never changes the verdict.</summary>
    Info = 0,

    /// <summary>Suspicious or non-conformant but tolerated by receivers; reported, does not fail.</summary>
    Warning = 1,

    /// <summary>Breaks the specification or the agreed profile; fails the execution.</summary>
    Error = 2,
}
