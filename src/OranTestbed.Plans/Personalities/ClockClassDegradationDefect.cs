namespace OranTestbed.Plans.Personalities;

/// <summary>
/// O-DU only (the LLS-C1 grandmaster): per Announce while locked (clockClass 6), with probability
/// <see cref="Defect.Rate"/> the clock enters holdover and advertises <see cref="ClockClass"/> for
/// <see cref="HoldNanoseconds"/>, then locks again (ITU-T G.8275.1 clock classes: 7 holdover in spec, 140/150/160
/// out of spec, 248 free-running).
/// </summary>
public sealed record ClockClassDegradationDefect : Defect
{
    public const byte LockedClockClass = 6;

    public ClockClassDegradationDefect(double rate, byte clockClass = 7, long holdNanoseconds = 1_000_000_000)
        : base(rate)
    {
        if (clockClass == LockedClockClass)
        {
            throw new ArgumentOutOfRangeException(nameof(clockClass), clockClass, "a degraded class differs from 6 (locked)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(holdNanoseconds, 1);
        ClockClass = clockClass;
        HoldNanoseconds = holdNanoseconds;
    }

    public override DefectKind Kind => DefectKind.ClockClassDegradation;

    public byte ClockClass { get; }

    public long HoldNanoseconds { get; }

    public override bool AppliesTo(NodeRole role) => role == NodeRole.Du;
}
