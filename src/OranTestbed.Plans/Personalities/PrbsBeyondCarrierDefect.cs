namespace OranTestbed.Plans.Personalities;

/// <summary>
/// With probability <see cref="Defect.Rate"/> per message, one more section addresses <see cref="ExtraPrbs"/> PRBs
/// starting just past the carrier's last PRB: an O-DU adds it to a DL C-plane message, an O-RU to the last U-plane
/// message of a UL symbol.
/// </summary>
public sealed record PrbsBeyondCarrierDefect : Defect
{
    public PrbsBeyondCarrierDefect(double rate, int extraPrbs = 4)
        : base(rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(extraPrbs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extraPrbs, 48);
        ExtraPrbs = extraPrbs;
    }

    public override DefectKind Kind => DefectKind.PrbsBeyondCarrier;

    public int ExtraPrbs { get; }
}
