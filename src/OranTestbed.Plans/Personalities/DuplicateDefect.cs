namespace OranTestbed.Plans.Personalities;

/// <summary>Per message of <see cref="Plane"/> the node sends, with probability <see cref="Defect.Rate"/> it is sent twice, back to back, with the same ecpriSeqid.</summary>
public sealed record DuplicateDefect : Defect
{
    public DuplicateDefect(double rate, DefectPlane plane = DefectPlane.UPlane)
        : base(rate)
    {
        Plane = plane;
    }

    public override DefectKind Kind => DefectKind.Duplicates;

    public DefectPlane Plane { get; }
}
