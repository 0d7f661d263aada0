using System.Collections.Immutable;

namespace OranTestbed.Plans.Operators;

/// <summary>
/// One of an operator's needs, expressed as tests: the cases it makes mandatory, the cases it skips (with the need as
/// the reason) and the thresholds it sets. An equipment-reuse need names the installed products.
/// </summary>
public sealed record OperatorNeed
{
    public required string Id { get; init; }

    public required NeedKind Kind { get; init; }

    public string? Description { get; init; }

    /// <summary>Installed products this need is about (VENDOR/PRODUCT).</summary>
    public ImmutableArray<string> Products { get; init; } = [];

    public ImmutableArray<string> MandatoryCases { get; init; } = [];

    public ImmutableArray<string> SkipCases { get; init; } = [];

    public ImmutableArray<ThresholdOverride> Thresholds { get; init; } = [];
}
