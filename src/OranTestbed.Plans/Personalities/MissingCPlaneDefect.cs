namespace OranTestbed.Plans.Personalities;

/// <summary>
/// O-DU only: per slot and eAxC with DL symbols, with probability <see cref="Defect.Rate"/> the DL C-plane message is
/// not sent while its DL U-plane is, so every U-plane section of that slot and eAxC is uncovered.
/// </summary>
public sealed record MissingCPlaneDefect : Defect
{
    public MissingCPlaneDefect(double rate)
        : base(rate)
    {
    }

    public override DefectKind Kind => DefectKind.MissingCPlane;

    public override bool AppliesTo(NodeRole role) => role == NodeRole.Du;
}
