namespace OranTestbed.Plans.Personalities;

/// <summary>
/// How an O-RU times its UL U-plane: the delay after the symbol's air time (judged by Ta3 at the O-RU, Ta4 at the
/// O-DU). Its reception windows are the profile's T2a values (delay management), not part of the personality.
/// </summary>
public sealed record RuBehaviour
{
    public static RuBehaviour Default { get; } = new();

    public TimeDistribution UlUPlaneDelay { get; init; } = TimeDistribution.Default;
}
