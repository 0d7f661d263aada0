namespace OranTestbed.Plans.Personalities;

/// <summary>
/// How an O-DU times its transmissions: the advance before air time of DL C-plane (judged by T1a/T2a cp-dl), UL C-plane
/// (cp-ul) and DL U-plane (T1a/T2a up). Percentages place the advance in the window both taps accept (see
/// <see cref="WindowTime"/>).
/// </summary>
public sealed record DuBehaviour
{
    public static DuBehaviour Default { get; } = new();

    public TimeDistribution DlCPlaneAdvance { get; init; } = TimeDistribution.Default;

    public TimeDistribution UlCPlaneAdvance { get; init; } = TimeDistribution.Default;

    public TimeDistribution DlUPlaneAdvance { get; init; } = TimeDistribution.Default;
}
