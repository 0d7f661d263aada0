namespace OranTestbed.Plans.Operators;

/// <summary>Why an operator asks for more (or fewer) tests than the IOT profile.</summary>
public enum NeedKind
{
    /// <summary><c>equipment-reuse</c>: installed products must keep working with new partners or software.</summary>
    EquipmentReuse,

    /// <summary><c>site-sharing</c>: sites (and their timing) are shared with another operator.</summary>
    SiteSharing,

    /// <summary><c>cost-first</c>: fewer optional tests, thresholds as the spec sets them.</summary>
    CostFirst,

    /// <summary><c>quality-first</c>: more tests and stricter thresholds.</summary>
    QualityFirst,
}
