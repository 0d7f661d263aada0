namespace OranTestbed.Plans.Personalities;

/// <summary>
/// Per message of <see cref="Plane"/> the node sends (after the first of its flow), with probability
/// <see cref="Defect.Rate"/> its ecpriSeqid jumps ahead by <see cref="Gap"/>: the receiver counts Gap messages lost.
/// </summary>
public sealed record SequenceGapDefect : Defect
{
    public SequenceGapDefect(double rate, int gap = 1, DefectPlane plane = DefectPlane.UPlane)
        : base(rate)
    {
        // 8-bit ids: a jump of 128 or more reads as a late message (eCPRI V2.0 §3.2.4.1).
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gap, 127);
        Gap = gap;
        Plane = plane;
    }

    public override DefectKind Kind => DefectKind.SequenceGaps;

    public int Gap { get; }

    public DefectPlane Plane { get; }
}
