namespace OranTestbed.Plans.Personalities;

/// <summary>
/// A defect of a product: its kind and its rate, the probability per opportunity (per message, per symbol burst, per
/// slot or per Announce, as each kind says), 0..1. Every draw comes from the node's seeded defect stream, so a seed
/// reproduces the same injections.
/// </summary>
public abstract record Defect
{
    protected Defect(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "a defect rate is 0..1");
        }

        Rate = rate;
    }

    public abstract DefectKind Kind { get; }

    public double Rate { get; }

    /// <summary>True when an O-DU (<see cref="NodeRole.Du"/>) or O-RU can have this defect.</summary>
    public virtual bool AppliesTo(NodeRole role) => true;
}
