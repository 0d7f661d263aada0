using System.Collections.Immutable;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Operators;

/// <summary>
/// An operator profile (<c>testplans/operators/ID.yaml</c>): the vendors the operator buys from, how its network runs
/// (M-plane profile, S-plane topologies), its bands with their fronthaul and IOT profiles, and its needs.
/// </summary>
public sealed record OperatorProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Vendor ids whose products the operator uses.</summary>
    public required ImmutableArray<string> Vendors { get; init; }

    public required MPlaneProfile MPlaneProfile { get; init; }

    /// <summary>The S-plane topologies the operator's transport network provides.</summary>
    public required ImmutableArray<SyncTopology> SyncTopologies { get; init; }

    public required ImmutableArray<OperatorBand> Bands { get; init; }

    public ImmutableArray<OperatorNeed> Needs { get; init; } = [];

    public override string ToString() => Id;
}
