namespace OranTestbed.Plans.Personalities;

/// <summary>
/// When a node sends one kind of message relative to its air time: a mean and a jitter (each absolute or a fraction of
/// the window, <see cref="WindowTime"/>) and the shape of the spread. For an O-DU it is an advance before air time,
/// for an O-RU's UL U-plane a delay after it (O-RAN.WG4.CUS §4.4 sign conventions).
/// </summary>
public sealed record TimeDistribution(WindowTime Mean, WindowTime Jitter, DistributionShape Shape)
{
    /// <summary>The middle of the window, ±10 % of its width, uniform: always inside the window.</summary>
    public static TimeDistribution Default { get; } =
        new(WindowTime.FromFraction(0.5), WindowTime.FromFraction(0.1), DistributionShape.Uniform);

    public override string ToString() => $"{Mean} ± {Jitter} ({Shape.ToString().ToLowerInvariant()})";
}
