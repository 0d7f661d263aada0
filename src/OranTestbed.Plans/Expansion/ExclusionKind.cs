namespace OranTestbed.Plans.Expansion;

/// <summary>What an exclusion leaves out.</summary>
public enum ExclusionKind
{
    /// <summary><c>combination</c>: an O-DU × O-RU pair that cannot work in the band (or that no bench hosts).</summary>
    Combination,

    /// <summary><c>case</c>: a case that does not apply to the band and IOT profile, that the operator skips, or that the
    /// operator requires but the campaign does not select.</summary>
    Case,

    /// <summary><c>execution</c>: a case on a compatible pair whose products lack what the case needs.</summary>
    Execution,
}
