using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Expansion;

/// <summary>The products of an execution: the O-DU and O-RU under test, and the O-CU when the case needs one.</summary>
public sealed record ExecutionProducts(Product ODu, Product ORu, Product? OCu)
{
    public override string ToString() => OCu is null ? $"{ODu.Id} × {ORu.Id}" : $"{ODu.Id} × {ORu.Id} × {OCu.Id}";
}
