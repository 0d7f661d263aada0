namespace OranTestbed.Plans.Personalities;

/// <summary>Which plane of its own transmissions a sequence or duplicate defect hits.</summary>
public enum DefectPlane
{
    UPlane,
    CPlane,
}
