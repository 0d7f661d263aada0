namespace OranTestbed.Fronthaul.Profiles;

/// <summary>
/// How much imperfection a traffic sample may show and still PASS, each a fraction 0..1 of the messages it applies to:
/// <see cref="Late"/>/<see cref="Early"/> of the messages checked against a window, <see cref="Lost"/>,
/// <see cref="Duplicate"/>, <see cref="OutOfOrder"/> of the sequence numbers expected per flow,
/// <see cref="Malformed"/> of the frames. The defaults are strict: nothing is allowed, except that reordering is only
/// reported (a warning) until the profile sets <see cref="OutOfOrder"/>: a capture host with several receive queues can
/// reorder frames itself.
/// </summary>
public sealed record VerdictThresholds
{
    /// <summary>Zero tolerance everywhere (the default).</summary>
    public static VerdictThresholds Strict { get; } = new();

    public decimal Late { get; init; }

    public decimal Early { get; init; }

    public decimal Lost { get; init; }

    public decimal Duplicate { get; init; }

    /// <summary>Allowed share of out-of-order messages; null = reordering is reported, never judged.</summary>
    public decimal? OutOfOrder { get; init; }

    public decimal Malformed { get; init; }
}
