using System.Collections.Immutable;

namespace OranTestbed.Results.Model;

/// <summary>A measurement beyond the metrics (e.g. a latency distribution): name, values in one unit of
/// <see cref="Units"/> (booleans as 0/1), and a description.</summary>
public sealed record Measurement(string Name, string Unit, ImmutableArray<decimal> Values)
{
    public string? Description { get; init; }
}
