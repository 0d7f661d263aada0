namespace OranTestbed.Plans.Personalities;

/// <summary>
/// Per U-plane symbol burst (one symbol of one eAxC: DL for an O-DU, UL for an O-RU), with probability
/// <see cref="Defect.Rate"/> a run of <see cref="Length"/> consecutive symbols of that eAxC is sent
/// <see cref="BeyondNanoseconds"/> past the late edge of the window, the looser of the two taps' windows, so the
/// messages are late wherever the capture is taken.
/// </summary>
public sealed record LateBurstDefect : Defect
{
    public LateBurstDefect(double rate, int length = 1, long beyondNanoseconds = 20_000)
        : base(rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(beyondNanoseconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(beyondNanoseconds, 5_000_000);
        Length = length;
        BeyondNanoseconds = beyondNanoseconds;
    }

    public override DefectKind Kind => DefectKind.LateBursts;

    public int Length { get; }

    public long BeyondNanoseconds { get; }
}
