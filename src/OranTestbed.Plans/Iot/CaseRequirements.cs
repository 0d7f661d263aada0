using System.Collections.Immutable;
using OranTestbed.Fronthaul.Profiles;
using OranTestbed.Plans.Lab;

namespace OranTestbed.Plans.Iot;

/// <summary>
/// What a case needs from the setup and from the products of a combination (both the O-DU and the O-RU must have a
/// listed section type or extension; "any of" lists need one shared entry). A compression the case configures is
/// required too (see <see cref="TestCase.CompressionOverride"/>).
/// </summary>
public sealed record CaseRequirements
{
    public static CaseRequirements None { get; } = new();

    /// <summary>C-plane section types both products must handle (PRACH: 3; channel information: 6).</summary>
    public ImmutableArray<int> SectionTypes { get; init; } = [];

    /// <summary>Section extensions both products must handle (beamforming weights: 1).</summary>
    public ImmutableArray<int> SectionExtensions { get; init; } = [];

    /// <summary>The O-RU category the case is about (beamforming weights: B).</summary>
    public OruCategory? Category { get; init; }

    public DuplexMode? Duplex { get; init; }

    /// <summary>The IOT profile's beamforming must be one of these.</summary>
    public ImmutableArray<BeamformingMode> Beamforming { get; init; } = [];

    /// <summary>One of these S-plane topologies must be run by the operator and supported by both products.</summary>
    public ImmutableArray<SyncTopology> SyncTopologies { get; init; } = [];

    /// <summary>One of these M-plane profiles must be supported by both products.</summary>
    public ImmutableArray<MPlaneProfile> MPlaneProfiles { get; init; } = [];

    /// <summary>The case needs an O-CU (and core) to bring the cell on air or carry user traffic.</summary>
    public bool OCu { get; init; }
}
